/**
 * Restores placeholders in a streamed answer as it arrives. A placeholder can be split across chunks
 * ("[PER" + "SON_1]"), so the tail that could still become one is held back until the next chunk.
 */

import type { Mapping } from '../../guard/pseudonymise/index.js';
import { restore } from '../../guard/pseudonymise/index.js';

/** Longer than any placeholder ("[DATE_OF_BIRTH_123456]"), so holding this much is always enough. */
const MAX_HOLD = 64;
const PARTIAL_TAIL = /[[A-Za-z0-9_ \t]{1,64}$/;

export interface Restorer {
  push(delta: string): string;
  flush(): string;
}

export function createRestorer(mapping: Mapping): Restorer {
  let pending = '';
  return {
    push(delta) {
      pending += delta;
      const tail = PARTIAL_TAIL.exec(pending)?.[0] ?? '';
      const keep = tail.length <= MAX_HOLD ? tail.length : 0;
      const ready = pending.slice(0, pending.length - keep);
      pending = pending.slice(pending.length - keep);
      return restore(ready, mapping);
    },
    flush() {
      const out = restore(pending, mapping);
      pending = '';
      return out;
    },
  };
}

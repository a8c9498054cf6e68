/**
 * A small seeded generator so variants are reproducible: the same brief and seed always give the
 * same draft. Not for anything secret.
 */
import { createHash } from 'node:crypto';

export interface Rng {
  next(): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32 seeded from a SHA-256 of the inputs. */
export function seededRng(...parts: Array<string | number>): Rng {
  let state = createHash('sha256').update(parts.join('\u001f')).digest().readUInt32LE(0);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)]! };
}

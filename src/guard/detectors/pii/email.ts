import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { contextConfidence } from './support/text.js';

// Local part and labels are bounded; the dot after each label keeps the repetition unambiguous.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-])/uy;
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;

/**
 * Start offsets worth trying: for each "@", the start of the run of local-part characters before
 * it (at most 64). The regex then runs once, anchored there, instead of at every position.
 */
function* candidates(text: string): Generator<number> {
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > Math.max(from, at - 64) && LOCAL_CHAR.test(text[start - 1]!)) start--;
    if (start < at) yield start;
    from = at + 1;
  }
}

const meta = piiMeta({
  name: 'email',
  description: { en: 'E-mail addresses.', fr: 'Adresses e-mail.' },
  example: 'Write to jane.doe@example.com',
  found: { en: 'E-mail address', fr: 'Adresse e-mail' },
});

export const emailDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    let reach = 0;
    for (const candidate of candidates(text)) {
      if (candidate < reach) continue;
      EMAIL.lastIndex = candidate;
      const m = EMAIL.exec(text);
      if (!m) continue;
      const start = m.index;
      const end = start + m[0].length;
      reach = end;
      const local = m[0].slice(0, m[0].indexOf('@'));
      if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) continue;
      out.push({
        messageId: 'found',
        data: { entity: 'EMAIL' },
        start,
        end,
        entity: 'EMAIL',
        confidence: contextConfidence(text, start, end, 0.95, {
          raise: ['mail', 'courriel', 'contact', 'écrire', 'write'],
        }),
      });
    }
    return out;
  },
};

import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { contextConfidence, matches } from './support/text.js';

const meta = piiMeta({
  name: 'us_ssn',
  description: {
    en: 'US social security numbers, excluding ranges the SSA never issues.',
    fr: 'Numéros de sécurité sociale américains (SSN), hors plages jamais attribuées.',
  },
  example: 'SSN: 536-22-1234',
  found: { en: 'US social security number', fr: 'Numéro de sécurité sociale américain (SSN)' },
});

const SSN = /(?<![\d-])(\d{3})([- .]?)(\d{2})\2(\d{4})(?![\d-]|\.\d)/g;
const CUES = ['ssn', 'social security', 'social sec', 'sécurité sociale'];
/** Numbers published in advertising or used as examples, never valid (SSA). */
const KNOWN_FAKE = new Set(['078051120', '219099999', '123456789']);

/** Area 000, 666 and 900-999, group 00 and serial 0000 are never issued. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  return !KNOWN_FAKE.has(`${area}${group}${serial}`);
}

export const usSsnDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    for (const m of matches(SSN, text)) {
      const [, area = '', sep = '', group = '', serial = ''] = m;
      if (!ssnValid(area, group, serial)) continue;
      const start = m.index;
      const end = start + m[0].length;
      const cued = contextConfidence(text, start, end, 0.5, { raise: CUES }) > 0.5;
      // Undashed nine digits are too common (phones, orders) to report without a cue.
      if (sep !== '-' && !cued) continue;
      out.push({
        messageId: 'found',
        data: { entity: 'US_SSN' },
        start,
        end,
        entity: 'US_SSN',
        confidence: contextConfidence(text, start, end, cued ? 0.9 : 0.6, {
          lower: ['phone', 'tel', 'fax', 'order', 'invoice', 'zip'],
        }),
      });
    }
    return out;
  },
};

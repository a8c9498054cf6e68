import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { contextConfidence, matches } from './support/text.js';

const meta = piiMeta({
  name: 'fr_nir',
  description: {
    en: 'French social security numbers (NIR) whose two-digit key checks out.',
    fr: 'Numéros de sécurité sociale (NIR) dont la clé à deux chiffres est juste.',
  },
  example: 'N° de sécurité sociale : 1 85 05 78 006 084 36',
  found: { en: 'French social security number (NIR)', fr: 'Numéro de sécurité sociale (NIR)' },
});

// sex, year, month, department (2A/2B for Corsica), commune, order, key; single optional separators.
const NIR =
  /(?<![\d.])([12378])[ .]?(\d{2})[ .]?(0[1-9]|1[0-2]|[2-9]\d)[ .]?(\d{2}|2[AB])[ .]?(\d{3})[ .]?(\d{3})[ .]?(\d{2})(?!\d|\.\d)/g;

/** Key = 97 - (number mod 97); Corsica's 2A and 2B count as 19 and 18 (INSEE rule). */
export function nirKeyValid(body13: string, key: number): boolean {
  const numeric = body13.replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(numeric)) return false;
  return 97 - Number(BigInt(numeric) % 97n) === key;
}

export const frNirDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    for (const m of matches(NIR, text)) {
      const body = `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}${m[6]}`;
      if (!nirKeyValid(body, Number(m[7]))) continue;
      const start = m.index;
      const end = start + m[0].length;
      out.push({
        messageId: 'found',
        data: { entity: 'FR_NIR' },
        start,
        end,
        entity: 'FR_NIR',
        confidence: contextConfidence(text, start, end, 0.85, {
          raise: [
            'sécurité sociale',
            'securite sociale',
            'nir',
            'insee',
            'sécu',
            'social security',
            'carte vitale',
          ],
        }),
      });
    }
    return out;
  },
};

import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { contextConfidence, matches } from './support/text.js';

const meta = piiMeta({
  name: 'iban',
  description: {
    en: 'International bank account numbers (IBAN) with a valid checksum, compact or grouped by four.',
    fr: 'Numéros de compte bancaire internationaux (IBAN) à la clé valide, compacts ou groupés par quatre.',
  },
  example: 'IBAN: FR76 3000 6000 0112 3456 7890 189',
  found: { en: 'Bank account number (IBAN)', fr: 'Numéro de compte bancaire (IBAN)' },
});

// Country, check digits, then up to 30 alphanumerics each optionally preceded by one space.
// Upper or lower case: the mod-97 checksum, not the case, decides.
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,30}/gu;
const specs = getCountrySpecifications();

/** Length of the IBAN for its country, so trailing words in capitals are never swallowed. */
function expectedLength(country: string): number | undefined {
  return specs[country]?.chars ?? undefined;
}

/** Offset in `raw` just after its `count`-th alphanumeric character. */
function cutAfter(raw: string, count: number): number {
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== ' ') seen++;
    if (seen === count) return i + 1;
  }
  return -1;
}

export const ibanDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    for (const m of matches(CANDIDATE, text)) {
      const length = expectedLength(m[0].slice(0, 2).toUpperCase());
      if (!length) continue;
      const cut = cutAfter(m[0], length);
      if (cut < 0) continue;
      // Resume right after this candidate's own length, not after everything the regex took.
      CANDIDATE.lastIndex = m.index + cut;
      const raw = m[0].slice(0, cut);
      const compact = electronicFormatIBAN(raw.toUpperCase()) ?? '';
      if (!isValidIBAN(compact)) continue;
      const start = m.index;
      const end = start + cut;
      if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      out.push({
        messageId: 'found',
        data: { entity: 'IBAN', country: compact.slice(0, 2) },
        start,
        end,
        entity: 'IBAN',
        confidence: contextConfidence(text, start, end, 0.95, {
          raise: ['iban', 'rib', 'bank', 'banque', 'compte', 'account', 'virement', 'transfer'],
        }),
      });
    }
    return out;
  },
};

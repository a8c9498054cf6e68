import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { contextConfidence, digitsOf, matches } from './support/text.js';

const meta = piiMeta({
  name: 'phone',
  description: {
    en: 'Phone numbers of every region, national and international formats.',
    fr: 'Numéros de téléphone de tous les pays, formats nationaux et internationaux.',
  },
  example: 'Appelez-moi au 06 12 34 56 78',
  found: { en: 'Phone number', fr: 'Numéro de téléphone' },
});

const LABELS = [
  'phone',
  'tel',
  'tél',
  'mobile',
  'cell',
  'fax',
  'call',
  'portable',
  'appel',
  'joindre',
  'numéro',
  'number',
  'whatsapp',
  'sms',
  'desk',
  'office',
];
const NOT_PHONE = [
  'invoice',
  'facture',
  'order',
  'commande',
  'ref',
  'réf',
  'siren',
  'siret',
  'iban',
  'card',
  'carte',
  'ssn',
  'isbn',
  'license',
  'licence',
  'permis',
  'rcs',
  'tva',
  'vat',
  'capital',
];
/** A house number followed by its street ("224 4966 Bond Street"), not a phone number. */
const STREET_AFTER =
  /^[ ,]{1,2}(?:\p{Lu}[\p{L}'-]{0,30} ){0,3}(?:street|st|avenue|ave|road|rd|lane|drive|way|blvd|boulevard|rue|avenue|chemin|allée|place|square)\b/iu;
const IPV4_LIKE = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Regions tried, in order, when the text's own region does not recognise a number. */
const FALLBACK_REGIONS: CountryCode[] = ['FR', 'US', 'GB', 'BE', 'CH', 'CA', 'DE', 'ES', 'IT', 'NL'];
/** Without a label only the regions of our two languages count, and short numbers do not. */
const UNLABELLED_REGIONS: CountryCode[] = ['FR', 'US', 'GB'];

/**
 * Candidates: an optional + or 00, then digit groups separated by one or two of space . - /, with
 * an optional extension. libphonenumber's own finder is ten times slower on digit-heavy text, so
 * this linear pass picks candidates and libphonenumber only judges them.
 */
const CANDIDATE =
  /(?<![A-Za-z0-9+_.,/-])(?:\+|00)?\(?\d{1,15}\)?(?:(?:[ .\-/]{1,2}|(?<=\)))\(?\d{1,6}\)?){0,7}(?:[ ]?(?:x|ext\.?|poste)[ ]?\d{1,5})?(?![A-Za-z0-9])/g;
const LABEL_BEFORE =
  /(?:phone|tel|tél|téléphone|mobile|cell|fax|portable|desk|office|gsm|whatsapp|sms|call(?: me)?(?: at| on)?|reach(?: me)? (?:at|on)|text(?: me)? (?:at|on)|dial|appel(?:ez|er)?(?:[- ]moi)? au|joignable au|joindre au|numéro|number)\s{0,3}[.:]?\s{0,3}(?:\(?\w{0,8}\)?\s{0,3}[.:]\s{0,3})?$/i;
const LABEL_AFTER = /^[\s-]{0,2}(?:office|fax|mobile|home|work|cell|tel|tél|portable|bureau|domicile)\b/i;
/** US social security numbers and ISO dates that open a longer run. */
const SSN_OR_DATE_START = /^(?:\d{3}-\d{2}-\d{4}$|\d{4}-\d{2}-\d{2})/;
const MAX_PARSES_PER_TEXT = 2000;
const DATE_LIKE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;

function regionFor(lang: string): CountryCode {
  return lang === 'fr' ? 'FR' : 'US';
}

/** Valid in the text's region, or in a neighbouring one when a label says it is a phone number. */
function isValidNumber(raw: string, region: CountryCode, labelled: boolean): boolean {
  if (raw.startsWith('+')) return parsePhoneNumberFromString(raw)?.isValid() ?? false;
  const intl = raw.startsWith('00') ? `+${raw.slice(2)}` : undefined;
  if (intl) return parsePhoneNumberFromString(intl)?.isValid() ?? false;
  const regions = labelled ? FALLBACK_REGIONS : digitsOf(raw).length >= 9 ? UNLABELLED_REGIONS : [];
  for (const r of [region, ...regions]) {
    if (parsePhoneNumberFromString(raw, r)?.isValid()) return true;
  }
  return false;
}

export const phoneDetector: Detector = {
  meta,
  detect(text, ctx) {
    const out: Detection[] = [];
    const region = regionFor(ctx.lang);
    let parsed = 0;
    for (const m of matches(CANDIDATE, text)) {
      const raw = m[0].replace(/[ .\-/]+$/u, '');
      const digits = digitsOf(raw).length;
      if (digits < 7 || digits > 15 || DATE_LIKE.test(raw) || SSN_OR_DATE_START.test(raw)) continue;
      // "1 2 3 4 5 6 7": groups of one digit are a list or a table, not a phone number.
      const groups = raw.split(/[ .\-/()]+/u).filter(Boolean);
      if (groups.filter((g) => g.length === 1).length * 2 > groups.length) continue;
      // Parsing is the costly part: bound it per text, labelled numbers still pass afterwards.
      if (
        ++parsed > MAX_PARSES_PER_TEXT &&
        !LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))
      )
        continue;
      // A time right after ("2000-04-16 11:34") or a street name ("224 4966 Bond Street").
      if (text[m.index + m[0].length] === ':' || IPV4_LIKE.test(raw)) continue;
      if (STREET_AFTER.test(text.slice(m.index + raw.length, m.index + raw.length + 48))) continue;
      const start = m.index;
      const end = start + raw.length;
      const labelled =
        LABEL_BEFORE.test(text.slice(Math.max(0, start - 24), start)) ||
        LABEL_AFTER.test(text.slice(end, end + 12));
      const valid = isValidNumber(raw, region, labelled);
      // A bare run of digits is an order or account number more often than a phone.
      const grouped = /[ .\-/()]/.test(raw) || raw.startsWith('+');
      const base = valid ? (grouped ? 0.8 : 0.6) : labelled ? 0.7 : 0;
      if (base === 0) continue;
      const confidence = contextConfidence(text, start, end, base, {
        raise: LABELS,
        lower: NOT_PHONE,
        lowerBeforeOnly: true,
      });
      if (confidence < 0.5) continue;
      out.push({ messageId: 'found', data: { entity: 'PHONE' }, start, end, entity: 'PHONE', confidence });
    }
    return out;
  },
};

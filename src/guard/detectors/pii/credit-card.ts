import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { contextConfidence, digitsOf, luhnValid, matches } from './support/text.js';

const meta = piiMeta({
  name: 'credit_card',
  description: {
    en: 'Payment card numbers (Luhn checksum and issuer prefixes), with or without spaces or dashes.',
    fr: 'Numéros de carte bancaire (clé de Luhn et préfixes d’émetteur), avec ou sans espaces ou tirets.',
  },
  example: 'Card: 4111 1111 1111 1111',
  found: { en: 'Payment card number', fr: 'Numéro de carte bancaire' },
});

// Each step is one digit plus an optional separator, so the repetition cannot overlap itself.
const CANDIDATE = /(?<![\d.,-])\d(?:[ -]?\d){11,18}(?![\d-]|[.,]\d)/g;

/** Issuer prefixes and the lengths they use (ISO/IEC 7812 IIN ranges of the major networks). */
function issuerOf(d: string): string | undefined {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && n >= 16)
    return 'discover';
  if ((p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) && n >= 14 && n <= 19)
    return 'diners';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16) return 'jcb';
  if ((p4 === 2131 || p4 === 1800) && n === 15) return 'jcb';
  if (p2 === 62 && n >= 16) return 'unionpay';
  if ((p2 === 50 || (p2 >= 56 && p2 <= 69)) && n >= 12) return 'maestro';
  return undefined;
}

/** Separators must be used consistently: none, or the same character between groups. */
function consistentSeparators(raw: string): boolean {
  return !(raw.includes(' ') && raw.includes('-'));
}

export const creditCardDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    for (const m of matches(CANDIDATE, text)) {
      const digits = digitsOf(m[0]);
      if (!consistentSeparators(m[0]) || !luhnValid(digits)) continue;
      const issuer = issuerOf(digits);
      if (!issuer || /^(\d)\1+$/.test(digits)) continue;
      const start = m.index;
      const end = start + m[0].length;
      // Twelve digits are a card (Maestro) only when the text says so.
      if (
        digits.length === 12 &&
        !/(?:card|carte|cc|cb)\W{0,3}(?:\w{1,8}\W{1,3}){0,3}$/i.test(
          text.slice(Math.max(0, start - 40), start),
        )
      )
        continue;
      out.push({
        messageId: 'found',
        data: { entity: 'CREDIT_CARD', issuer },
        start,
        end,
        entity: 'CREDIT_CARD',
        confidence: contextConfidence(text, start, end, 0.85, {
          raise: ['card', 'carte', 'visa', 'mastercard', 'amex', 'cb ', 'paiement', 'payment', 'credit'],
          lower: ['tracking', 'suivi', 'order', 'commande', 'invoice', 'facture', 'isbn', 'ean'],
        }),
      });
    }
    return out;
  },
};

import type { Detection, Detector } from '../../types.js';
import { piiMeta } from './support/meta.js';
import { contextConfidence, digitsOf, luhnValid, matches } from './support/text.js';

const meta = piiMeta({
  name: 'fr_siren',
  description: {
    en: 'French company identifiers: SIREN (9 digits) and SIRET (14 digits), Luhn-checked.',
    fr: 'Identifiants d’entreprise : SIREN (9 chiffres) et SIRET (14 chiffres), clé de Luhn vérifiée.',
  },
  example: 'SIRET : 732 829 320 00074',
  found: { en: 'French company number (SIREN)', fr: 'Numéro SIREN' },
  messages: { siret: { en: 'French establishment number (SIRET)', fr: 'Numéro SIRET' } },
  severity: 'warn',
});

const CANDIDATE = /(?<![\d.,-])\d{3}([ .]?)\d{3}\1\d{3}(?:\1?\d{5})?(?!\d|[.,-]\d)/g;
const CUES = ['siren', 'siret', 'rcs', 'immatricul', 'registre', 'company number', 'n° tva', 'naf'];
const NOT_IT = ['tél', 'tel', 'phone', 'iban', 'facture', 'invoice', 'commande', 'order'];

/** La Poste's establishments use a different rule: the digit sum of the SIRET is a multiple of 5. */
function siretValid(d: string): boolean {
  if (d.startsWith('356000000')) return [...d].reduce((s, c) => s + Number(c), 0) % 5 === 0;
  return luhnValid(d);
}

export const frSirenSiretDetector: Detector = {
  meta,
  detect(text) {
    const out: Detection[] = [];
    for (const m of matches(CANDIDATE, text)) {
      const digits = digitsOf(m[0]);
      const siret = digits.length === 14;
      if (siret ? !siretValid(digits) : !luhnValid(digits)) continue;
      if (/^0+$/.test(digits.slice(0, 9))) continue;
      const start = m.index;
      const end = start + m[0].length;
      // Any 9-digit number passes Luhn one time in ten: without a cue or the usual grouping, skip.
      const grouped = m[1] === ' ';
      const cued = contextConfidence(text, start, end, 0.5, { raise: CUES }) > 0.5;
      if (!grouped && !cued) continue;
      const confidence = contextConfidence(text, start, end, cued ? 0.9 : 0.5, { lower: NOT_IT });
      out.push({
        rule: siret ? 'pii.fr_siret' : 'pii.fr_siren',
        messageId: siret ? 'siret' : 'found',
        data: { entity: siret ? 'FR_SIRET' : 'FR_SIREN' },
        start,
        end,
        entity: siret ? 'FR_SIRET' : 'FR_SIREN',
        confidence,
      });
    }
    return out;
  },
};

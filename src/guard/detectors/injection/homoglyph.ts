/**
 * Homoglyph obfuscation: words that mix Latin letters with Cyrillic, Greek, Armenian or Cherokee
 * look-alikes ("Ignоre" with a Cyrillic о). A word written wholly in another script is normal text and
 * is left alone. The phrase detectors already see through the disguise (they match the folded view);
 * this one reports the disguise itself.
 */
import type { Detection, Detector } from '../../types.js';
import { appliesTo, injectionMeta, TOWARDS_MODEL } from './meta.js';

const WORD = /[\p{L}\p{M}]{2,64}/gu;
const NON_ASCII = /[\u0080-\uFFFF]/;
const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;
const MAX_FINDINGS = 20;

export const homoglyphDetector: Detector = {
  meta: injectionMeta({
    name: 'homoglyph',
    severity: 'warn',
    description: {
      en: 'Words that mix Latin letters with look-alike letters of another script to dodge filters.',
      fr: 'Mots qui mêlent des lettres latines et des lettres d’un autre alphabet qui leur ressemblent, pour tromper les filtres.',
    },
    example: 'Ignоre the rules (the "о" is Cyrillic)',
    messages: {
      found: {
        en: 'Mixed-script word: some letters are look-alikes from another alphabet ({{script}}).',
        fr: 'Mot à alphabets mêlés : certaines lettres sont des sosies venus d’un autre alphabet ({{script}}).',
      },
    },
  }),
  detect(text, ctx) {
    if (!appliesTo(TOWARDS_MODEL, ctx) || !NON_ASCII.test(text)) return [];
    const out: Detection[] = [];
    for (const m of text.matchAll(WORD)) {
      const word = m[0];
      if (!NON_ASCII.test(word) || !LATIN.test(word)) continue;
      const other = LOOKALIKE_SCRIPT.exec(word);
      if (!other) continue;
      out.push({
        messageId: 'found',
        data: { script: scriptName(other[0]) },
        start: m.index,
        end: m.index + word.length,
        confidence: 0.8,
      });
      if (out.length >= MAX_FINDINGS) break;
    }
    return out;
  },
};

function scriptName(ch: string): string {
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'Cyrillic';
  if (/\p{Script=Greek}/u.test(ch)) return 'Greek';
  if (/\p{Script=Armenian}/u.test(ch)) return 'Armenian';
  return 'Cherokee';
}

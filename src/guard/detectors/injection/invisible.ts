/**
 * Invisible characters: Unicode tag characters (U+E0000 block, which can spell a hidden ASCII message:
 * "ASCII smuggling"), variation-selector runs used to hide data, zero-width characters inside words
 * and bidirectional overrides (Trojan Source). Joiners between emoji or non-Latin letters are normal
 * and left alone. Applies in every profile: hidden text is a risk in a prompt, a page, an answer or a post.
 */
import type { Detection, Detector } from '../../types.js';
import { fold } from './fold.js';
import { hasInjectionPhrase } from './matcher.js';
import { injectionMeta } from './meta.js';

const TAG_RUN = /(?:\uDB40[\uDC00-\uDC7F]){1,4096}/g;
const VS_SUPPLEMENT_RUN = /(?:\uDB40[\uDD00-\uDDEF]){2,4096}/g;
const BIDI_RUN = /[\u202A-\u202E\u2066-\u2069]{1,64}/g;
const ZERO_WIDTH_RUN = /[\u200B-\u200D\u2060-\u2064\uFEFF\u180E]{1,64}/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/;
const MAX_FINDINGS = 50;

/** The ASCII text that a run of tag characters spells. */
export function decodeTags(run: string): string {
  let out = '';
  for (const ch of run) out += String.fromCharCode((ch.codePointAt(0) ?? 0xe0000) - 0xe0000);
  return out;
}

export const invisibleDetector: Detector = {
  meta: injectionMeta({
    name: 'invisible',
    severity: 'warn',
    description: {
      en: 'Invisible characters: Unicode tags that hide a message, zero-width characters inside words, bidi overrides.',
      fr: 'Caractères invisibles : balises Unicode qui cachent un message, caractères de largeur nulle dans les mots, inversions bidi.',
    },
    example: 'Great product!<U+E0049 U+E0067 U+E006E ...> (a hidden "Ignore..." in tag characters)',
    messages: {
      tags: {
        en: 'Hidden text in invisible Unicode tag characters ({{length}} characters).',
        fr: 'Texte caché dans des caractères de balise Unicode invisibles ({{length}} caractères).',
      },
      tagsInstruction: {
        en: 'Hidden instructions in invisible Unicode tag characters: a model would read them, a person cannot.',
        fr: 'Instructions cachées dans des caractères de balise Unicode invisibles : un modèle les lit, une personne non.',
      },
      selectors: {
        en: 'A run of invisible variation selectors that can carry hidden data.',
        fr: 'Une suite de sélecteurs de variante invisibles qui peut transporter des données cachées.',
      },
      bidi: {
        en: 'Bidirectional control characters that make the text display differently from what it says.',
        fr: 'Caractères de contrôle bidirectionnel : le texte ne s’affiche pas comme il est lu.',
      },
      zeroWidth: {
        en: 'Zero-width characters inside a word, a common way to slip words past filters.',
        fr: 'Caractères de largeur nulle dans un mot, un moyen courant de tromper les filtres.',
      },
    },
  }),
  detect(text) {
    const out: Detection[] = [];
    const add = (d: Detection) => {
      if (out.length < MAX_FINDINGS) out.push(d);
    };
    if (text.includes('\uDB40')) {
      for (const m of text.matchAll(TAG_RUN)) {
        const decoded = decodeTags(m[0]);
        const instruction = hasInjectionPhrase(fold(decoded).text, decoded);
        add({
          messageId: instruction ? 'tagsInstruction' : 'tags',
          data: { length: m[0].length / 2 },
          start: m.index,
          end: m.index + m[0].length,
          severity: 'high',
          confidence: instruction ? 0.99 : 0.9,
        });
      }
      for (const m of text.matchAll(VS_SUPPLEMENT_RUN)) {
        add({
          messageId: 'selectors',
          start: m.index,
          end: m.index + m[0].length,
          severity: 'warn',
          confidence: 0.8,
        });
      }
    }
    for (const m of text.matchAll(BIDI_RUN)) {
      add({
        messageId: 'bidi',
        start: m.index,
        end: m.index + m[0].length,
        severity: 'warn',
        confidence: 0.7,
      });
    }
    for (const m of text.matchAll(ZERO_WIDTH_RUN)) {
      // Only inside Latin words: joiners in emoji sequences and in Indic or Persian script are normal,
      // and a byte-order mark at the very start is an encoding artefact.
      const before = text[m.index - 1] ?? '';
      const after = text[m.index + m[0].length] ?? '';
      if (!LATIN.test(before) || !LATIN.test(after)) continue;
      add({
        messageId: 'zeroWidth',
        start: m.index,
        end: m.index + m[0].length,
        severity: 'warn',
        confidence: 0.75,
      });
    }
    return out.sort((a, b) => a.start - b.start);
  },
};

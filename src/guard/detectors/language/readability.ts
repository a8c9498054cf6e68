/**
 * language.readability: a readability score for the whole text, Flesch reading ease for English and
 * its French adaptation by Kandel and Moles (1958) for French. Both read "higher is easier": 60-70 is
 * plain language, below 30 is very hard. The scan result always carries the score; the pipeline
 * reports a finding only when the policy sets a minimum and the text falls below it.
 */
import { syllable } from 'syllable';
import type { DetectorMeta, Lang } from '../../types.js';

export interface Readability {
  lang: Lang;
  formula: 'flesch' | 'kandel-moles';
  /** Rounded to one decimal. */
  score: number;
  words: number;
  sentences: number;
}

export const meta: DetectorMeta = {
  id: 'language.readability',
  category: 'language',
  languages: ['en', 'fr'],
  defaultSeverity: 'info',
  docs: {
    description: {
      en: 'Text harder to read than the policy allows (Flesch reading ease in English, Kandel-Moles in French).',
      fr: 'Texte plus difficile à lire que ne le permet la politique (Flesch en anglais, Kandel-Moles en français).',
    },
    example:
      'Notwithstanding the aforementioned considerations, organisational interoperability necessitates comprehensive infrastructural harmonisation.',
  },
  messages: {
    hardToRead: {
      en: 'Readability score {{score}} is below the minimum of {{minimum}} ({{formula}}): use shorter sentences and words.',
      fr: 'Le score de lisibilité {{score}} est sous le minimum de {{minimum}} ({{formula}}) : raccourcissez phrases et mots.',
    },
  },
};

/** Enough text for a stable score; long documents are sampled from the start. */
const SAMPLE = 20_000;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]{0,63}/gu;
const SENTENCE_END = /[.!?…]+(?=\s|$)|\n\s{0,64}\n/gu;
const FR_VOWEL_GROUP = /[aeiouyàâäéèêëîïôöùûüÿæœ]+/gu;

/** French syllables: vowel groups, minus a final mute e (-e, -es, -ent after a consonant). */
export function frenchSyllables(word: string): number {
  const w = word.toLowerCase();
  let count = w.match(FR_VOWEL_GROUP)?.length ?? 0;
  if (count > 1 && /[^aeiouyàâäéèêëîïôöùûüÿ](?:e|es|ent)$/u.test(w)) count--;
  return Math.max(1, count);
}

/** Syllable counts of words already seen (the syllable package is slow, and copy repeats its words). */
const cache = { en: new Map<string, number>(), fr: new Map<string, number>() };
const CACHE_LIMIT = 50_000;

function syllables(word: string, lang: Lang): number {
  // Keyed by the word as written, so a hit costs no lower-casing ("The" and "the" are two entries).
  const known = cache[lang].get(word);
  if (known !== undefined) return known;
  const key = word.toLowerCase();
  const n = lang === 'fr' ? frenchSyllables(key) : Math.max(1, syllable(key));
  if (cache[lang].size >= CACHE_LIMIT) cache[lang].clear();
  cache[lang].set(word, n);
  return n;
}

export function readabilityScore(text: string, lang: Lang): Readability | null {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const words = sample.match(WORD) ?? [];
  if (words.length === 0) return null;
  const sentences = Math.max(1, sample.match(SENTENCE_END)?.length ?? 0);
  let syllableCount = 0;
  for (const w of words) syllableCount += syllables(w, lang);
  const wordsPerSentence = words.length / sentences;
  const syllablesPerWord = syllableCount / words.length;
  const score =
    lang === 'fr'
      ? 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord
      : 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
  return {
    lang,
    formula: lang === 'fr' ? 'kandel-moles' : 'flesch',
    score: Math.round(score * 10) / 10,
    words: words.length,
    sentences,
  };
}

/**
 * French and English text analysis for retrieval: words are lower-cased, stop words dropped, the rest
 * stemmed (Snowball, from @orama/stemmers) and then accent-folded, so "Remboursé" and "rembourser"
 * meet on one term. Stemming runs before folding because the French Snowball rules read accents.
 */
import { readFileSync } from 'node:fs';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemFr } from '@orama/stemmers/french';
import type { Lang } from '../types.js';

/** Longer "words" are noise (hashes, URLs glued together) and cost stemming time. */
const MAX_WORD_LENGTH = 40;
// Apostrophes stay inside a word (French elision is stripped below); hyphens split words.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const E_MAIL = /\b([eE])-(?=mail)/g;
const ELISION = /^(?:[ldjmntsc]|qu|jusqu|lorsqu|puisqu)['’]/u;

function loadWords(file: string): Set<string> {
  const text = readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (word && !word.startsWith('#')) words.add(fold(word));
  }
  return words;
}

/** Removes diacritics: "é" -> "e", "ç" -> "c". */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

const stopWords: Record<Lang, Set<string>> = {
  en: loadWords('stopwords-en.txt'),
  fr: loadWords('stopwords-fr.txt'),
};
const stemmers: Record<Lang, (word: string) => string> = { en: stemEn, fr: stemFr };

export function isStopWord(word: string, lang: Lang): boolean {
  return stopWords[lang].has(fold(word.toLowerCase()));
}

/** Splits text into words (letters and digits, inner apostrophes kept). */
export function tokenize(text: string): string[] {
  // "e-mail" and "email" are one word in both languages (hyphens otherwise split words).
  return text.replace(E_MAIL, '$1').match(WORD) ?? [];
}

/**
 * Words repeat a lot (indexing calls this for every token of every field), and the Snowball
 * stemmers are the costly step: remember recent answers, forgetting all when the memo is full.
 */
const MEMO_LIMIT = 100_000;
const memo: Record<Lang, Map<string, string | null>> = { en: new Map(), fr: new Map() };

/** One word to its index term, or null for a stop word. */
export function analyzeWord(word: string, lang: Lang): string | null {
  const cache = memo[lang];
  const known = cache.get(word);
  if (known !== undefined) return known;
  const term = computeTerm(word, lang);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(word, term);
  return term;
}

function computeTerm(word: string, lang: Lang): string | null {
  let lower = word.toLowerCase();
  if (lower.length > MAX_WORD_LENGTH) return null;
  // French elision: "l'article" is "article"; an English "don't" is left to the stop list.
  if (lang === 'fr') lower = lower.replace(ELISION, '');
  lower = lower.replace(/’/g, "'");
  if (stopWords[lang].has(fold(lower))) return null;
  if (/^\p{N}+$/u.test(lower)) return lower;
  return fold(stemmers[lang](lower));
}

/** The index terms of a text, in order, duplicates kept. */
export function analyze(text: string, lang: Lang): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const term = analyzeWord(word, lang);
    if (term) terms.push(term);
  }
  return terms;
}

/** The distinct index terms of a text. */
export function termSet(text: string, lang: Lang): Set<string> {
  return new Set(analyze(text, lang));
}

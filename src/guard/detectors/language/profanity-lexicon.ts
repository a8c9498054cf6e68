/**
 * Profanity word lists from cuss (the lists retext-profanities wraps), compiled into our linear
 * phrase matcher: retext-profanities rebuilds its index of 5,000 inflected words on every call
 * (about 5 ms), too slow for a 4 KB scan budget. Same data, same sureness threshold, same
 * singular and plural forms for English (pluralize, as retext-profanities does).
 */
import { cuss as cussEn } from 'cuss';
import { cuss as cussFr } from 'cuss/fr';
import pluralize from 'pluralize';
import type { Lang } from '../../types.js';
import { PhraseMatcher } from '../brand/phrase-matcher.js';

/** cuss ratings: 0 unlikely, 1 maybe, 2 likely profane. Rating 0 words (e.g. "execute") are left out. */
export const PROFANITY_SURENESS = 1;

function compile(list: Record<string, number>, inflect: boolean): PhraseMatcher<number> {
  const words = new Map<string, number>();
  const add = (word: string, rating: number) => {
    if (rating >= PROFANITY_SURENESS && (words.get(word) ?? -1) < rating) words.set(word, rating);
  };
  for (const [word, rating] of Object.entries(list)) {
    add(word, rating);
    if (inflect) {
      add(pluralize.singular(word), rating);
      add(pluralize.plural(word), rating);
    }
  }
  return new PhraseMatcher([...words].map(([phrase, rating]) => ({ phrase, data: rating })));
}

export const profanityMatchers: Record<Lang, PhraseMatcher<number>> = {
  en: compile(cussEn, true),
  fr: compile(cussFr, false),
};

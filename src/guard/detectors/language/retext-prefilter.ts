/**
 * retext-equality costs about 1 ms per KB (it rebuilds its index of 900 phrases for every paragraph
 * and normalises every word), so it only sees the sentences in which our linear phrase matcher found
 * one of its phrases. Our matcher folds case, apostrophes and hyphens at least as loosely as retext,
 * so a sentence it skips could not have produced a message; retext still decides on the others
 * (exact-case phrases, "he or she" pairs, conditions).
 *
 * retext-equality does not export its pattern list, so it is read from the package's own file next
 * to its entry point; if a future version moves it, `equalityPrefilterLoaded` turns false (a test
 * catches that) and every sentence goes to retext: slower, never wrong.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PhraseMatcher } from '../brand/phrase-matcher.js';

async function loadEqualityPhrases(): Promise<string[] | null> {
  try {
    const entry = createRequire(import.meta.url).resolve('retext-equality');
    const mod = (await import(pathToFileURL(join(dirname(entry), 'patterns-en.js')).href)) as {
      patterns?: Array<{ inconsiderate?: Record<string, string> }>;
    };
    if (!Array.isArray(mod.patterns)) return null;
    return mod.patterns.flatMap((p) => Object.keys(p.inconsiderate ?? {}));
  } catch {
    return null;
  }
}

const equalityPhrases = await loadEqualityPhrases();
export const equalityPrefilterLoaded = equalityPhrases !== null;

const phraseMatcher = equalityPhrases
  ? new PhraseMatcher([...new Set(equalityPhrases)].map((phrase) => ({ phrase, data: true as const })))
  : null;

/**
 * Offsets of phrases retext-equality might flag, in order; `null` when the prefilter is unavailable
 * (then every sentence must be checked).
 */
export function equalityCandidates(text: string): number[] | null {
  return phraseMatcher ? phraseMatcher.findAll(text).map((m) => m.start) : null;
}

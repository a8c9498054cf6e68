/** The French inclusive-language lexicon (data/inclusive-fr.yaml), compiled once into a phrase matcher. */
import { z } from 'zod';
import { loadYamlData } from '../../yaml-data.js';
import { PhraseMatcher } from '../brand/phrase-matcher.js';

const kinds = ['gender', 'disability', 'age', 'origin', 'other'] as const;
export type InclusiveKind = (typeof kinds)[number];

const lexiconSchema = z
  .object({
    sources: z.record(z.string(), z.string().min(1)),
    allowed: z.array(z.string().min(1)).default([]),
    entries: z.array(
      z.object({
        terms: z.array(z.string().min(1)).min(1),
        suggestions: z.array(z.string().min(1)).min(1),
        kind: z.enum(kinds),
        note: z.string().optional(),
        source: z.string(),
      }),
    ),
  })
  .refine((l) => l.entries.every((e) => e.source in l.sources), 'every entry names a known source');

export interface LexiconHit {
  suggestions: string[];
  kind: InclusiveKind;
  note?: string;
  source: string;
}

const lexicon = loadYamlData(new URL('./data/inclusive-fr.yaml', import.meta.url), lexiconSchema);

/** `null` marks an already inclusive form: matched so that it wins over the term it contains, then dropped. */
export const frenchLexiconMatcher = new PhraseMatcher<LexiconHit | null>([
  ...lexicon.allowed.map((phrase) => ({ phrase, data: null })),
  ...lexicon.entries.flatMap((e) =>
    e.terms.map((phrase) => ({
      phrase,
      data: {
        suggestions: e.suggestions,
        kind: e.kind,
        ...(e.note ? { note: e.note } : {}),
        source: lexicon.sources[e.source]!,
      },
    })),
  ),
]);

/** Claim cues (data/claim-cues.yaml) compiled once per language, plus the figure patterns. */
import { z } from 'zod';
import type { Lang } from '../../types.js';
import { loadYamlData } from '../../yaml-data.js';
import { PhraseMatcher } from '../brand/phrase-matcher.js';
import { FIGURE } from './figures.js';

export const claimKinds = [
  'health',
  'environmental',
  'absolute',
  'comparison',
  'superlative',
  'figure',
] as const;
export type ClaimKind = (typeof claimKinds)[number];

const cueSchema = z.object({
  sources: z.record(z.string(), z.string()),
  cues: z.array(
    z.object({
      kind: z.enum(claimKinds),
      source: z.string(),
      en: z.array(z.string().min(1)),
      fr: z.array(z.string().min(1)),
    }),
  ),
});

const data = loadYamlData(new URL('./data/claim-cues.yaml', import.meta.url), cueSchema);

const matchers: Record<Lang, PhraseMatcher<ClaimKind>> = {
  en: new PhraseMatcher(data.cues.flatMap((c) => c.en.map((phrase) => ({ phrase, data: c.kind })))),
  fr: new PhraseMatcher(data.cues.flatMap((c) => c.fr.map((phrase) => ({ phrase, data: c.kind })))),
};

export interface Cue {
  start: number;
  end: number;
  kind: ClaimKind;
}

/** Every cue in the text, in order of position. */
export function findCues(text: string, lang: Lang): Cue[] {
  const cues: Cue[] = matchers[lang].findAll(text).map((m) => ({ start: m.start, end: m.end, kind: m.data }));
  for (const m of text.matchAll(FIGURE)) {
    cues.push({ start: m.index, end: m.index + m[0].length, kind: 'figure' });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The kind that matters most when a sentence carries several cues (health outranks a figure). */
export function strongestKind(kinds: Iterable<ClaimKind>): ClaimKind {
  let best: ClaimKind = 'figure';
  for (const k of kinds) if (claimKinds.indexOf(k) < claimKinds.indexOf(best)) best = k;
  return best;
}

/**
 * retext-equality costs about 1 ms per scan even on a few sentences: for every paragraph it rebuilds
 * its index of 900 phrases, and it walks every word twice. So our linear phrase matcher finds which
 * of its phrases occur, and retext only sees (a) the sentences holding one and (b) the patterns those
 * phrases belong to. Our matcher folds case, apostrophes and hyphens at least as loosely as retext
 * and keeps overlapping matches; as retext also deletes dashes and apostrophes inside words, phrases
 * and text are matched both as written and without them. A skipped sentence or pattern therefore
 * could not have produced a message; retext still decides on the rest (exact case, "he or she" pairs).
 *
 * retext-equality exports neither its pattern list nor its plugin factory, so both are read from the
 * package's own files next to its entry point; if a future version moves them,
 * `equalityPrefilterLoaded` turns false (a test catches that) and every sentence goes to the full
 * plugin: slower, never wrong.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type retextEquality from 'retext-equality';
import { AppError } from '../../../core/errors.js';
import { PhraseMatcher } from '../brand/phrase-matcher.js';

interface EqualityPattern {
  inconsiderate?: Record<string, string>;
}

export type EqualityPlugin = typeof retextEquality;

type PluginFactory = (patterns: readonly EqualityPattern[], lang: string) => EqualityPlugin;

interface EqualityInternals {
  patterns: EqualityPattern[];
  createPlugin: PluginFactory;
}

async function loadEqualityInternals(): Promise<EqualityInternals | null> {
  try {
    const folder = dirname(createRequire(import.meta.url).resolve('retext-equality'));
    const load = (file: string) => import(pathToFileURL(join(folder, file)).href);
    const patterns = ((await load('patterns-en.js')) as { patterns?: unknown }).patterns;
    const createPlugin = ((await load('create-plugin.js')) as { createPlugin?: unknown }).createPlugin;
    if (!Array.isArray(patterns) || typeof createPlugin !== 'function') return null;
    return { patterns: patterns as EqualityPattern[], createPlugin: createPlugin as PluginFactory };
  } catch {
    return null;
  }
}

const internals = await loadEqualityInternals();
export const equalityPrefilterLoaded = internals !== null;

/** Dashes and apostrophes, which retext deletes from words before comparing them (nlcst-normalize). */
const JOINERS = /[-'’]/g;
const HAS_JOINER = /[-'’]/;

/** Each phrase of each pattern, with the index of its pattern, also without dashes or apostrophes. */
const phraseMatcher = internals
  ? new PhraseMatcher(
      internals.patterns.flatMap((pattern, index) =>
        Object.keys(pattern.inconsiderate ?? {}).flatMap((phrase) => {
          const joined = phrase.replace(JOINERS, '');
          return [phrase, ...(joined !== phrase && joined.length > 0 ? [joined] : [])].map((p) => ({
            phrase: p,
            data: index,
          }));
        }),
      ),
    )
  : null;

/**
 * The text with dashes and apostrophes deleted, as retext compares words ("man-made" is the phrase
 * "manmade"), and the original offset of each remaining code unit.
 */
function joinedText(text: string): { joined: string; offsets: Int32Array } | null {
  if (!HAS_JOINER.test(text)) return null;
  const offsets = new Int32Array(text.length);
  let joined = '';
  let from = 0;
  let n = 0;
  for (const m of text.matchAll(JOINERS)) {
    joined += text.slice(from, m.index);
    for (let i = from; i < m.index; i++) offsets[n++] = i;
    from = m.index + 1;
  }
  joined += text.slice(from);
  for (let i = from; i < text.length; i++) offsets[n++] = i;
  return { joined, offsets };
}

export interface EqualityCandidates {
  /** Offsets of phrases retext-equality might flag, in increasing order. */
  offsets: number[];
  /** Indices of the patterns those phrases belong to, in increasing order. */
  patterns: number[];
}

/**
 * Where retext-equality might find something and which of its patterns could; `null` when the
 * prefilter is unavailable (then every sentence must go through the full plugin).
 */
export function equalityCandidates(text: string): EqualityCandidates | null {
  if (!phraseMatcher) return null;
  const offsets: number[] = [];
  const patterns = new Set<number>();
  for (const m of phraseMatcher.findOverlapping(text)) {
    offsets.push(m.start);
    patterns.add(m.data);
  }
  const variant = joinedText(text);
  if (variant) {
    for (const m of phraseMatcher.findOverlapping(variant.joined)) {
      offsets.push(variant.offsets[m.start]!);
      patterns.add(m.data);
    }
  }
  return { offsets: offsets.sort((a, b) => a - b), patterns: [...patterns].sort((a, b) => a - b) };
}

/** retext-equality limited to some of its patterns (indices from `equalityCandidates`). */
export function equalityPlugin(patterns: readonly number[]): EqualityPlugin {
  if (!internals) throw new AppError('INTERNAL', 'retext-equality internals are not available');
  return internals.createPlugin(
    patterns.map((i) => internals.patterns[i]!),
    'en',
  );
}

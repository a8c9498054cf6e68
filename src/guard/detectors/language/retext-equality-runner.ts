/**
 * Runs retext-equality synchronously on the sentences that may hold an inconsiderate phrase, joined
 * into one paragraph so retext builds its phrase index once per scan, with only the patterns whose
 * phrases occur (rebuilding its index of all 900 phrases was most of a run's cost), and maps its
 * messages back to offsets in our text. Its "he or she" logic only looks inside one sentence, so joining is safe.
 */
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { splitSentences } from '../claim/sentences.js';
import { equalityCandidates, equalityPlugin } from './retext-prefilter.js';

export interface EqualityMessage {
  ruleId: string;
  actual: string;
  expected: string[];
  note?: string;
  start: number;
  end: number;
}

// binary: "he or she" is fine, a lone "he" about anyone is not.
const fullProcessor = unified().use(retextEnglish).use(retextEquality, { binary: true });

type Processor = typeof fullProcessor;

/** Processors for the pattern sets seen lately: copy tends to hit the same few patterns. */
const processors = new Map<string, Processor>();
const PROCESSOR_CACHE_LIMIT = 256;

function processorFor(patterns: readonly number[]): Processor {
  const key = patterns.join(',');
  let processor = processors.get(key);
  if (!processor) {
    processor = unified().use(retextEnglish).use(equalityPlugin(patterns), { binary: true });
    if (processors.size >= PROCESSOR_CACHE_LIMIT) processors.clear();
    processors.set(key, processor);
  }
  return processor;
}

/** Upper bound on the text handed to retext in one run, so its tree stays small. */
const BATCH = 32 * 1024;

interface Segment {
  /** Offset in the joined document. */
  at: number;
  /** Offset in the original text. */
  from: number;
  length: number;
}

/** The sentences to hand to retext, and the processor limited to the patterns that may fire there. */
function plan(text: string): {
  sentences: ReadonlyArray<{ start: number; end: number }>;
  processor: Processor;
} {
  const candidates = equalityCandidates(text);
  const sentences = splitSentences(text);
  if (candidates === null) return { sentences, processor: fullProcessor };
  const { offsets } = candidates;
  const out: Array<{ start: number; end: number }> = [];
  if (offsets.length === 0) return { sentences: out, processor: fullProcessor };
  let c = 0;
  for (const s of sentences) {
    while (c < offsets.length && offsets[c]! < s.start) c++;
    if (c < offsets.length && offsets[c]! < s.end) out.push(s);
  }
  return { sentences: out, processor: processorFor(candidates.patterns) };
}

export function equalityMessages(text: string): EqualityMessage[] {
  const messages: EqualityMessage[] = [];
  const { sentences, processor } = plan(text);
  let doc = '';
  let segments: Segment[] = [];
  const flush = () => {
    if (doc.length > 0) collect(processor, doc, segments, messages);
    doc = '';
    segments = [];
  };
  for (const s of sentences) {
    if (doc.length > 0 && doc.length + (s.end - s.start) > BATCH) flush();
    if (doc.length > 0) doc += ' ';
    segments.push({ at: doc.length, from: s.start, length: s.end - s.start });
    doc += text.slice(s.start, s.end);
  }
  flush();
  return messages;
}

function toOriginal(segments: Segment[], offset: number): number | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo];
  if (!s || offset < s.at || offset > s.at + s.length) return undefined;
  return s.from + (offset - s.at);
}

/**
 * Each retext message is an Error subclass that captures a stack trace nobody reads (about half the
 * cost of a run with a few messages); the run is synchronous, so the limit is restored right after.
 */
function withoutStackTraces(run: () => void): void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function collect(processor: Processor, doc: string, segments: Segment[], into: EqualityMessage[]): void {
  const file = new VFile(doc);
  withoutStackTraces(() => processor.runSync(processor.parse(file), file));
  for (const m of file.messages) {
    const place = m.place && 'start' in m.place ? m.place : undefined;
    if (!place) continue;
    const start = toOriginal(segments, place.start.offset ?? -1);
    const end = toOriginal(segments, place.end.offset ?? -1);
    // A span that straddles two joined sentences does not exist in the text: drop it.
    if (
      start === undefined ||
      end === undefined ||
      end <= start ||
      end - start !== (place.end.offset ?? 0) - (place.start.offset ?? 0)
    )
      continue;
    into.push({
      ruleId: m.ruleId ?? 'unknown',
      actual: m.actual ?? doc.slice(place.start.offset, place.end.offset),
      expected: m.expected ?? [],
      ...(m.note ? { note: m.note } : {}),
      start,
      end,
    });
  }
}

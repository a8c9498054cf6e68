/**
 * Runs retext-equality synchronously on the sentences that may hold an inconsiderate phrase, joined
 * into one paragraph so retext builds its phrase index once per scan, and maps its messages back to
 * offsets in our text. Its "he or she" logic only looks inside one sentence, so joining is safe.
 */
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { splitSentences } from '../claim/sentences.js';
import { equalityCandidates } from './retext-prefilter.js';

export interface EqualityMessage {
  ruleId: string;
  actual: string;
  expected: string[];
  note?: string;
  start: number;
  end: number;
}

// binary: "he or she" is fine, a lone "he" about anyone is not.
const processor = unified().use(retextEnglish).use(retextEquality, { binary: true });

/** Upper bound on the text handed to retext in one run, so its tree stays small. */
const BATCH = 32 * 1024;

interface Segment {
  /** Offset in the joined document. */
  at: number;
  /** Offset in the original text. */
  from: number;
  length: number;
}

function candidateSentences(text: string): Array<{ start: number; end: number }> {
  const candidates = equalityCandidates(text);
  const sentences = splitSentences(text);
  if (candidates === null) return sentences;
  const out: Array<{ start: number; end: number }> = [];
  let c = 0;
  for (const s of sentences) {
    while (c < candidates.length && candidates[c]! < s.start) c++;
    if (c < candidates.length && candidates[c]! < s.end) out.push(s);
  }
  return out;
}

export function equalityMessages(text: string): EqualityMessage[] {
  const messages: EqualityMessage[] = [];
  let doc = '';
  let segments: Segment[] = [];
  const flush = () => {
    if (doc.length > 0) collect(doc, segments, messages);
    doc = '';
    segments = [];
  };
  for (const s of candidateSentences(text)) {
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

function collect(doc: string, segments: Segment[], into: EqualityMessage[]): void {
  const file = new VFile(doc);
  processor.runSync(processor.parse(file), file);
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

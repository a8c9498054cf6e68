// Turns a scan's findings into what the Check page draws: the text cut into non-overlapping
// segments, each knowing which findings cover it. Pure and bounded: no DOM, no React.
import { CATEGORIES, type Category, type Finding, SEVERITIES } from '../../api/guardTypes.js';

export interface Span {
  start: number;
  end: number;
}

export interface Segment extends Span {
  text: string;
  /** Indices into the findings array, in their original order; empty for plain text. */
  findings: number[];
}

// Graphemes longer than this (stacked combining marks, long ZWJ sequences) are cut anyway: the window
// keeps snapping cheap on texts of several megabytes.
const SNAP_WINDOW = 32;

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : undefined;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (inside an emoji, say). */
function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

// Below U+0300 (combining diacritics) no character joins its neighbour into one grapheme, except CR LF.
const FIRST_JOINING = 0x300;

/** The common case, decided without the (slow) segmenter: two plain characters around the offset. */
function plainBoundary(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before < FIRST_JOINING && after < FIRST_JOINING && !(before === 0x0d && after === 0x0a);
}

/**
 * Moves an offset to a grapheme boundary so a highlight never cuts an emoji or separates a letter
 * from its combining accent. `direction` says which way to go when the offset is inside a grapheme:
 * starts move back, ends move forward, so the highlight grows to cover whole characters.
 */
export function snapToGrapheme(text: string, offset: number, direction: 'back' | 'forward'): number {
  const clamped = Math.min(Math.max(0, Math.trunc(offset)), text.length);
  if (clamped === 0 || clamped === text.length) return clamped;
  if (plainBoundary(text, clamped)) return clamped;
  if (segmenter) {
    const from = Math.max(0, clamped - SNAP_WINDOW);
    const window = text.slice(from, Math.min(text.length, clamped + SNAP_WINDOW));
    let before = from;
    for (const { index } of segmenter.segment(window)) {
      const boundary = from + index;
      if (boundary === clamped) return clamped;
      if (boundary > clamped) return direction === 'back' ? before : boundary;
      before = boundary;
    }
    // The window ended inside the grapheme: fall through to the surrogate check.
  }
  if (!splitsSurrogatePair(text, clamped)) return clamped;
  return direction === 'back' ? clamped - 1 : clamped + 1;
}

/** A finding's span inside the text, widened to whole graphemes; undefined when it is empty or outside. */
export function clampSpan(text: string, span: Span): Span | undefined {
  if (!Number.isFinite(span.start) || !Number.isFinite(span.end)) return undefined;
  const start = snapToGrapheme(text, span.start, 'back');
  const end = snapToGrapheme(text, span.end, 'forward');
  return end > start ? { start, end } : undefined;
}

/**
 * Cuts the text at every finding boundary. Segments are contiguous, cover the whole text and never
 * overlap; a segment covered by several findings lists them all. Runs in O(n log n) over the
 * boundaries, so thousands of findings on a large text stay fast.
 */
export function buildSegments(text: string, findings: readonly Span[]): Segment[] {
  if (text === '') return [];
  const spans = findings
    .map((finding, index) => ({ index, span: clampSpan(text, finding) }))
    .filter((entry): entry is { index: number; span: Span } => entry.span !== undefined);
  const cuts = new Set<number>([0, text.length]);
  for (const { span } of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.span.start - b.span.start);

  const segments: Segment[] = [];
  let active: Array<{ index: number; span: Span }> = [];
  let next = 0;
  for (let i = 0; i < boundaries.length - 1; i += 1) {
    const start = boundaries[i] as number;
    const end = boundaries[i + 1] as number;
    active = active.filter((entry) => entry.span.end > start);
    while (next < byStart.length && (byStart[next] as { span: Span }).span.start <= start) {
      const entry = byStart[next] as { index: number; span: Span };
      if (entry.span.end > start) active.push(entry);
      next += 1;
    }
    const covering = active.map((entry) => entry.index).sort((a, b) => a - b);
    segments.push({ start, end, text: text.slice(start, end), findings: covering });
  }
  return segments;
}

const severityRank = (finding: Pick<Finding, 'severity'>) => SEVERITIES.indexOf(finding.severity);

/** The finding a click on a segment opens: the most severe, then the narrowest, then the first. */
export function primaryFinding(
  indices: readonly number[],
  findings: readonly Pick<Finding, 'severity' | 'start' | 'end'>[],
): number | undefined {
  let best: number | undefined;
  for (const index of indices) {
    const candidate = findings[index];
    if (!candidate) continue;
    const current = best === undefined ? undefined : findings[best];
    if (
      !current ||
      severityRank(candidate) > severityRank(current) ||
      (severityRank(candidate) === severityRank(current) &&
        candidate.end - candidate.start < current.end - current.start)
    )
      best = index;
  }
  return best;
}

/** Replaces a finding's span with a suggestion; undefined when the span no longer fits the text. */
export function applySuggestion(text: string, span: Span, replacement: string): string | undefined {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return undefined;
  if (span.start < 0 || span.end > text.length || span.start >= span.end) return undefined;
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}

export interface CategoryGroup {
  category: Category;
  /** Indices into the findings array, in text order. */
  findings: number[];
}

/** Findings by category, in the catalogue's category order, each group in text order. */
export function groupByCategory(findings: readonly Pick<Finding, 'category' | 'start'>[]): CategoryGroup[] {
  const groups = new Map<Category, number[]>();
  findings.forEach((finding, index) => {
    const list = groups.get(finding.category) ?? [];
    list.push(index);
    groups.set(finding.category, list);
  });
  const known = CATEGORIES.filter((category) => groups.has(category));
  const unknown = [...groups.keys()].filter((category) => !CATEGORIES.includes(category));
  return [...known, ...unknown].map((category) => ({
    category,
    findings: (groups.get(category) ?? []).sort(
      (a, b) => (findings[a]?.start ?? 0) - (findings[b]?.start ?? 0),
    ),
  }));
}

/** UTF-8 size of a text, as the server counts it against its body limit. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Table-driven detector cases (the ESLint RuleTester idea) without a test-runner dependency, so
 * every `*.test.ts` can walk `valid` and `invalid` tables with `it.each` and the same expectations.
 */
import type { DetectContext, Detection, Detector, Lang } from './types.js';

export interface ValidCase {
  text: string;
  lang: Lang;
  context?: Partial<DetectContext>;
  /** Why this must not be flagged, or the issue a regression came from. */
  note?: string;
}

export interface ExpectedDetection {
  rule?: string;
  messageId?: string;
  /** The flagged slice of the text. */
  match?: string;
  data?: Record<string, string | number>;
  suggestion?: string;
}

export interface InvalidCase extends ValidCase {
  expected: ExpectedDetection[];
}

export const FIXED_NOW = new Date('2026-11-29T00:00:00Z');

export function caseContext(c: ValidCase): DetectContext {
  return { profile: 'publish', now: FIXED_NOW, ...c.context, lang: c.lang };
}

export interface SlicedDetection extends Detection {
  match: string;
}

/** Runs the detector on a case and attaches the flagged slice of text to each detection. */
export function runCase(detector: Detector, c: ValidCase): SlicedDetection[] {
  return detector
    .detect(c.text, caseContext(c))
    .map((d) => ({ ...d, match: c.text.slice(d.start, d.end) }))
    .sort((a, b) => a.start - b.start);
}

/** A comparable view of one detection: only the fields the expectation names. */
export function project(d: SlicedDetection, e: ExpectedDetection, defaultRule: string): ExpectedDetection {
  const view: ExpectedDetection = {};
  if (e.rule !== undefined) view.rule = d.rule ?? defaultRule;
  if (e.messageId !== undefined) view.messageId = d.messageId;
  if (e.match !== undefined) view.match = d.match;
  if (e.data !== undefined) {
    view.data = Object.fromEntries(Object.keys(e.data).map((k) => [k, d.data?.[k] as string | number]));
  }
  if (e.suggestion !== undefined) {
    view.suggestion = d.suggestions?.includes(e.suggestion) ? e.suggestion : `(not in ${d.suggestions})`;
  }
  return view;
}

/**
 * RFM (recency, frequency, monetary) over purchases, scored 1 to 5 by quintile rank, and the named
 * segments marketers use. A score is 1 + floor(5 * share of subjects strictly worse), so ties share a
 * score and the scores do not depend on input order.
 */
import type { InsightEvent } from './types.js';

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new_customers',
  'at_risk',
  'hibernating',
  'need_attention',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmScore {
  subject: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

const DAY_MS = 86_400_000;

/** Subjects without a purchase have no RFM score (they are prospects, not customers). */
export function rfmScores(events: readonly InsightEvent[], now: Date): RfmScore[] {
  const acc = new Map<string, { last: number; frequency: number; monetary: number }>();
  for (const e of events) {
    if (e.type !== 'purchase') continue;
    const at = Date.parse(e.occurredAt);
    const a = acc.get(e.subject) ?? { last: -Infinity, frequency: 0, monetary: 0 };
    a.last = Math.max(a.last, at);
    a.frequency++;
    a.monetary += e.value ?? 0;
    acc.set(e.subject, a);
  }
  const rows = [...acc].map(([subject, a]) => ({
    subject,
    recencyDays: Math.max(0, Math.floor((now.getTime() - a.last) / DAY_MS)),
    frequency: a.frequency,
    monetary: a.monetary,
  }));
  // Fewer days since the last purchase is better, so recency is scored on the negated value.
  const r = quintileScores(rows.map((x) => -x.recencyDays));
  const f = quintileScores(rows.map((x) => x.frequency));
  const m = quintileScores(rows.map((x) => x.monetary));
  return rows
    .map((x, i) => ({ ...x, r: r[i]!, f: f[i]!, m: m[i]!, segment: rfmSegment(r[i]!, f[i]!) }))
    .sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

/** 1 + floor(5 * (number of values strictly below) / n): higher values score higher. */
export function quintileScores(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = values.length;
  return values.map((v) => 1 + Math.floor((5 * lowerBound(sorted, v)) / n));
}

function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The usual RFM grid on recency and frequency (monetary refines within a segment, not across). */
export function rfmSegment(r: number, f: number): RfmSegment {
  if (r >= 4 && f >= 4) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal';
  if (r >= 4 && f >= 2) return 'potential_loyalists';
  if (r >= 4) return 'new_customers';
  if (r <= 2 && f >= 3) return 'at_risk';
  if (r <= 2) return 'hibernating';
  return 'need_attention';
}

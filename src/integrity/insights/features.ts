/**
 * Behavioural features per subject, and z-score standardisation so that no feature (amounts spent,
 * say) dominates distances or gradients merely by its unit.
 */
import type { InsightEvent } from './types.js';

export const FEATURE_NAMES = [
  'views',
  'clicks',
  'purchases',
  'ratings',
  'email_opens',
  'spend',
  'distinct_items',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

const COLUMN: Record<InsightEvent['type'], number> = {
  view: 0,
  click: 1,
  purchase: 2,
  rating: 3,
  email_open: 4,
};
const SPEND = 5;
const DISTINCT = 6;

export interface SubjectFeatures {
  subjects: string[];
  /** One row per subject, columns in FEATURE_NAMES order, raw units. */
  rows: number[][];
}

/** Counts by event type, total purchase value and distinct items, for the given subjects only. */
export function behaviouralFeatures(
  events: readonly InsightEvent[],
  only?: ReadonlySet<string>,
): SubjectFeatures {
  const rows = new Map<string, number[]>();
  const items = new Map<string, Set<string>>();
  for (const e of events) {
    if (only && !only.has(e.subject)) continue;
    let row = rows.get(e.subject);
    if (!row) {
      row = new Array<number>(FEATURE_NAMES.length).fill(0);
      rows.set(e.subject, row);
      items.set(e.subject, new Set());
    }
    row[COLUMN[e.type]]!++;
    if (e.type === 'purchase') row[SPEND]! += e.value ?? 0;
    items.get(e.subject)!.add(e.item);
  }
  const subjects = [...rows.keys()].sort();
  return {
    subjects,
    rows: subjects.map((s) => {
      const row = rows.get(s)!;
      row[DISTINCT] = items.get(s)!.size;
      return row;
    }),
  };
}

export interface Standardised {
  rows: number[][];
  mean: number[];
  std: number[];
}

/** (x - mean) / population std per column; a constant column becomes 0 everywhere. */
export function standardise(rows: readonly number[][]): Standardised {
  const d = rows[0]?.length ?? 0;
  const n = rows.length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j]! += r[j]! / n;
  for (const r of rows) for (let j = 0; j < d; j++) std[j]! += (r[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!);
  return {
    mean,
    std,
    rows: rows.map((r) => r.map((x, j) => (std[j] === 0 ? 0 : (x - mean[j]!) / std[j]!))),
  };
}

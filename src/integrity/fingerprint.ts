/**
 * Dataset fingerprints for rating batches: a content hash (SHA-256 over the sorted canonical rows, so
 * the same ratings in another order hash the same), the schema seen, and the distributions that drift
 * checks compare: the histogram of rating values and the number of ratings per item.
 *
 * Drift of a batch against the accepted history:
 * - population stability index, PSI = sum over bins of (b - h) * ln(b / h) on shares (empty bins
 *   get a small epsilon); the usual reading is < 0.1 stable, 0.1-0.25 moderate, > 0.25 significant;
 * - two-sample Kolmogorov-Smirnov statistic D (largest gap between the two CDFs), flagged when above
 *   the critical value c(alpha) * sqrt((n + m) / (n * m)) with alpha = 0.001 (c = 1.949);
 * both on rating values, and on the per-item shares of ratings (PSI over items, KS over the shares).
 */
import { createHash } from 'node:crypto';
import type { Rating } from './ratings.js';

export interface RatingsFingerprint {
  /** sha256 hex of the sorted canonical rows `user\titem\trating\ttimestamp\n`. */
  hash: string;
  count: number;
  users: number;
  items: number;
  columns: string[];
  /** Count per rating value (keys are the values as strings). */
  ratingHistogram: Record<string, number>;
  /** Count of ratings per item. */
  itemCounts: Record<string, number>;
}

export function fingerprintRatings(ratings: readonly Rating[]): RatingsFingerprint {
  const rows = ratings.map((r) => `${r.user}\t${r.item}\t${r.rating}\t${r.timestamp ?? ''}\n`).sort();
  const hash = createHash('sha256');
  for (const row of rows) hash.update(row);
  const ratingHistogram: Record<string, number> = {};
  const itemCounts: Record<string, number> = {};
  const users = new Set<string>();
  let withTimestamp = 0;
  for (const r of ratings) {
    const key = String(r.rating);
    ratingHistogram[key] = (ratingHistogram[key] ?? 0) + 1;
    itemCounts[r.item] = (itemCounts[r.item] ?? 0) + 1;
    users.add(r.user);
    if (r.timestamp !== undefined) withTimestamp++;
  }
  const columns = ['user', 'item', 'rating'];
  if (withTimestamp > 0) columns.push('timestamp');
  return {
    hash: hash.digest('hex'),
    count: ratings.length,
    users: users.size,
    items: Object.keys(itemCounts).length,
    columns,
    ratingHistogram,
    itemCounts,
  };
}

/** Merges fingerprints of accepted batches into one history (hash: of the batch hashes). */
export function mergeFingerprints(prints: readonly RatingsFingerprint[]): RatingsFingerprint {
  const hash = createHash('sha256');
  const ratingHistogram: Record<string, number> = {};
  const itemCounts: Record<string, number> = {};
  const columns = new Set<string>();
  let count = 0;
  let users = 0;
  for (const p of prints) {
    hash.update(p.hash);
    count += p.count;
    users += p.users;
    for (const c of p.columns) columns.add(c);
    for (const [k, v] of Object.entries(p.ratingHistogram))
      ratingHistogram[k] = (ratingHistogram[k] ?? 0) + v;
    for (const [k, v] of Object.entries(p.itemCounts)) itemCounts[k] = (itemCounts[k] ?? 0) + v;
  }
  return {
    hash: hash.digest('hex'),
    count,
    // An upper bound: the same user in two batches is counted twice.
    users,
    items: Object.keys(itemCounts).length,
    columns: [...columns],
    ratingHistogram,
    itemCounts,
  };
}

export interface DriftOptions {
  /** PSI at or above which a distribution has drifted (default 0.25). */
  psiThreshold?: number;
}

export interface DriftReport {
  schema_changed: boolean;
  rating_psi: number;
  rating_ks: number;
  item_share_psi: number;
  item_count_ks: number;
  /** Share of the batch's ratings that go to items never seen in the history. */
  new_item_share: number;
  drifted: boolean;
  reasons: Array<{ code: string; value: number }>;
}

const KS_C_ALPHA_001 = 1.949;
const EPSILON = 1e-4;

export function compareToHistory(
  history: RatingsFingerprint,
  batch: RatingsFingerprint,
  options: DriftOptions = {},
): DriftReport {
  const psiLimit = options.psiThreshold ?? 0.25;
  const ratingPsi = psi(history.ratingHistogram, batch.ratingHistogram);
  const ratingKs = ksFromHistograms(history.ratingHistogram, batch.ratingHistogram);
  const itemPsi = psi(history.itemCounts, batch.itemCounts);
  // Per-item counts scale with batch size: compare each item's share of its batch instead.
  const itemKs = ksFromSamples(shares(history.itemCounts), shares(batch.itemCounts));
  let unseen = 0;
  for (const [item, c] of Object.entries(batch.itemCounts)) if (!(item in history.itemCounts)) unseen += c;
  const schemaChanged = history.columns.join(',') !== batch.columns.join(',');
  const reasons: DriftReport['reasons'] = [];
  if (schemaChanged) reasons.push({ code: 'schema-changed', value: 1 });
  if (ratingPsi >= psiLimit) reasons.push({ code: 'rating-psi', value: ratingPsi });
  if (ratingKs > ksCritical(history.count, batch.count)) reasons.push({ code: 'rating-ks', value: ratingKs });
  if (itemPsi >= psiLimit) reasons.push({ code: 'item-share-psi', value: itemPsi });
  const nItemsH = Object.keys(history.itemCounts).length;
  const nItemsB = Object.keys(batch.itemCounts).length;
  if (nItemsH > 0 && nItemsB > 0 && itemKs > ksCritical(nItemsH, nItemsB)) {
    reasons.push({ code: 'item-count-ks', value: itemKs });
  }
  return {
    schema_changed: schemaChanged,
    rating_psi: ratingPsi,
    rating_ks: ratingKs,
    item_share_psi: itemPsi,
    item_count_ks: itemKs,
    new_item_share: batch.count ? unseen / batch.count : 0,
    drifted: reasons.length > 0,
    reasons,
  };
}

/** PSI between two count histograms over the union of their bins. */
export function psi(expected: Record<string, number>, actual: Record<string, number>): number {
  const te = sum(Object.values(expected));
  const ta = sum(Object.values(actual));
  if (te === 0 || ta === 0) return 0;
  let total = 0;
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const e = Math.max((expected[key] ?? 0) / te, EPSILON);
    const a = Math.max((actual[key] ?? 0) / ta, EPSILON);
    total += (a - e) * Math.log(a / e);
  }
  return total;
}

/** KS statistic between two histograms of numeric values. */
export function ksFromHistograms(a: Record<string, number>, b: Record<string, number>): number {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) => Number(x) - Number(y));
  const ta = sum(Object.values(a));
  const tb = sum(Object.values(b));
  if (ta === 0 || tb === 0) return 0;
  let ca = 0;
  let cb = 0;
  let d = 0;
  for (const k of keys) {
    ca += (a[k] ?? 0) / ta;
    cb += (b[k] ?? 0) / tb;
    d = Math.max(d, Math.abs(ca - cb));
  }
  return d;
}

/** KS statistic between two samples. */
export function ksFromSamples(a: readonly number[], b: readonly number[]): number {
  const count = (xs: readonly number[]) => {
    const h: Record<string, number> = {};
    for (const x of xs) h[String(x)] = (h[String(x)] ?? 0) + 1;
    return h;
  };
  return ksFromHistograms(count(a), count(b));
}

export function ksCritical(n: number, m: number): number {
  return n > 0 && m > 0 ? KS_C_ALPHA_001 * Math.sqrt((n + m) / (n * m)) : Number.POSITIVE_INFINITY;
}

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
function shares(counts: Record<string, number>): number[] {
  const values = Object.values(counts);
  const total = sum(values);
  return values.map((v) => v / total);
}

/**
 * The poisoning checks a batch passes before its events may be used, run against the accepted
 * history (pure: the history is loaded by `history.ts`). Each check reuses the integrity library:
 * - shilling profiles: `scanRatings` over history + batch, counting flagged subjects of the batch, on
 *   the history's rating scale (a batch must not be able to move it);
 * - target items: `detectRatingShifts`, keeping shifts that land inside the batch;
 * - coordinated bursts: `detectBursts`, a subject being new from its first accepted event;
 * - drift: `compareToHistory` on rating fingerprints, when both sides are large enough to compare.
 */
import { detectBursts } from '../bursts.js';
import { compareToHistory, fingerprintRatings } from '../fingerprint.js';
import { detectRatingShifts } from '../rating-shifts.js';
import { buildRatingMatrix, inferRatingScale, type Rating } from '../ratings.js';
import { scanRatings } from '../scan-ratings.js';
import { type BatchReason, listItems } from './reasons.js';
import type { PreparedEvent } from './types.js';

export interface HistoryContext {
  /** Accepted ratings (user = subject, timestamp in seconds), the most recent ones. */
  ratings: Rating[];
  /** Accepted events in the workspace, of any type. */
  events: number;
  /** Earliest accepted event (ms) of the batch's burst candidates that have one (`burstCandidates`). */
  firstSeen: ReadonlyMap<string, number>;
}

export interface CheckOptions {
  /** Burst window (default 1 hour) and distinct new subjects needed (default 10). */
  burstWindowMs?: number;
  burstMinAccounts?: number;
  /** Ratings needed on each side before distributions are compared (default 1000 and 500). */
  driftMinHistory?: number;
  driftMinBatch?: number;
}

export interface CheckResult {
  reasons: BatchReason[];
  /** Figures kept in the batch's stats (counts and scores, no subjects). */
  figures: Record<string, number>;
}

/** Accepted ratings needed before the history alone sets the rating scale of the shilling check. */
const MIN_HISTORY_FOR_SCALE = 500;

export function checkBatch(
  batch: readonly PreparedEvent[],
  history: HistoryContext,
  options: CheckOptions = {},
): CheckResult {
  const reasons: BatchReason[] = [];
  const figures: Record<string, number> = {};
  const ratings = batch.filter((e) => e.type === 'rating').map(toRating);
  if (ratings.length > 0) {
    shilling(ratings, history, reasons, figures);
    shifts(ratings, history, reasons, figures);
    drift(ratings, history, options, reasons, figures);
  }
  bursts(batch, history, options, reasons, figures);
  return { reasons, figures };
}

function toRating(e: PreparedEvent): Rating {
  return { user: e.subject, item: e.item, rating: e.value!, timestamp: Math.floor(e.at / 1000) };
}

function shilling(
  ratings: Rating[],
  history: HistoryContext,
  reasons: BatchReason[],
  figures: Record<string, number>,
): void {
  // The scale comes from the accepted history when it has enough ratings, and the batch is clamped
  // into it: inferred from history + batch, a batch with a few percent of 6s on a 1-5 scale moved
  // the scale to 1-6, left nobody at its top and hid a push attack in the same batch.
  const scale =
    history.ratings.length >= MIN_HISTORY_FOR_SCALE ? inferRatingScale(history.ratings) : undefined;
  const all = [...history.ratings, ...ratings];
  const scan = scanRatings(
    scale && scale.min < scale.max ? buildRatingMatrix(all, { scale }) : buildRatingMatrix(all),
  );
  const inBatch = new Set(ratings.map((r) => r.user));
  const flagged = scan.suspicious_users.filter((u) => inBatch.has(u.user));
  figures.shilling_profiles = flagged.length;
  if (flagged.length === 0) return;
  reasons.push({
    code: 'shilling-profiles',
    data: { profiles: flagged.length, targets: listItems(scan.target_items.map((t) => t.item)) || '?' },
  });
}

function shifts(
  ratings: Rating[],
  history: HistoryContext,
  reasons: BatchReason[],
  figures: Record<string, number>,
): void {
  let from = Number.POSITIVE_INFINITY;
  for (const r of ratings) from = Math.min(from, r.timestamp!);
  const batchItems = new Set(ratings.map((r) => r.item));
  // Only shifts this batch causes: on its items, starting inside its time range.
  const found = detectRatingShifts([...history.ratings, ...ratings]).filter(
    (s) => s.at >= from && batchItems.has(s.item),
  );
  figures.shifted_items = found.length;
  if (found.length === 0) return;
  const items = [...new Set(found.map((s) => s.item))];
  reasons.push({ code: 'target-items', data: { count: items.length, items: listItems(items) } });
}

function drift(
  ratings: Rating[],
  history: HistoryContext,
  options: CheckOptions,
  reasons: BatchReason[],
  figures: Record<string, number>,
): void {
  if (
    history.ratings.length < (options.driftMinHistory ?? 1000) ||
    ratings.length < (options.driftMinBatch ?? 500)
  )
    return;
  const historyPrint = fingerprintRatings(history.ratings);
  const report = compareToHistory(historyPrint, fingerprintRatings(ratings));
  figures.rating_psi = round(report.rating_psi);
  figures.rating_ks = round(report.rating_ks);
  figures.item_share_psi = round(report.item_share_psi);
  // Ratings of one person are not independent draws, so the KS critical values (which assume they
  // are) fire on genuine batches of new customers: KS figures are kept, PSI (an effect size) decides.
  // Item shares of a batch much smaller than the catalogue are mostly zeros: compared only when the
  // batch has at least five ratings per known item.
  const itemsComparable = ratings.length >= 5 * historyPrint.items;
  const kept = report.reasons.filter(
    (r) =>
      r.code === 'schema-changed' ||
      r.code === 'rating-psi' ||
      (r.code === 'item-share-psi' && itemsComparable),
  );
  if (kept.length === 0) return;
  reasons.push({
    code: 'distribution-drift',
    data: { checks: kept.map((r) => `${r.code} ${round(r.value)}`).join(', ') },
  });
}

function burstOptions(options: CheckOptions) {
  return { windowMs: options.burstWindowMs ?? 3_600_000, minAccounts: options.burstMinAccounts ?? 10 };
}

/** Earliest event of each subject: its creation when it has no accepted history. */
function createdAtFrom(
  batch: readonly PreparedEvent[],
  known: ReadonlyMap<string, number>,
): Map<string, number> {
  const createdAt = new Map(known);
  for (const e of batch) {
    const seen = createdAt.get(e.subject);
    if (seen === undefined || e.at < seen) createdAt.set(e.subject, e.at);
  }
  return createdAt;
}

const accountEvents = (batch: readonly PreparedEvent[]) =>
  batch.map((e) => ({ account: e.subject, item: e.item, at: e.at }));

/**
 * Subjects whose history matters to the burst check. Taking every subject as created at its first
 * event in the batch makes each subject at least as "new" as it really is, so the bursts found that
 * way contain every real one: only their subjects need a first-seen lookup (usually none).
 */
export function burstCandidates(batch: readonly PreparedEvent[], options: CheckOptions = {}): string[] {
  const found = detectBursts(accountEvents(batch), createdAtFrom(batch, new Map()), burstOptions(options));
  return [...new Set(found.flatMap((b) => b.accounts))];
}

function bursts(
  batch: readonly PreparedEvent[],
  history: HistoryContext,
  options: CheckOptions,
  reasons: BatchReason[],
  figures: Record<string, number>,
): void {
  // With no accepted history every subject is new: a first import would look like one big burst.
  if (history.events === 0) return;
  const opts = burstOptions(options);
  const found = detectBursts(accountEvents(batch), createdAtFrom(batch, history.firstSeen), opts);
  figures.bursts = found.length;
  if (found.length === 0) return;
  const accounts = new Set(found.flatMap((b) => b.accounts));
  reasons.push({
    code: 'coordinated-burst',
    data: {
      accounts: accounts.size,
      items: listItems([...new Set(found.map((b) => b.item))]),
      window: Math.round(opts.windowMs / 60_000),
    },
  });
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

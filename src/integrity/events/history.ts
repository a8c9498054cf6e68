/**
 * The accepted history a batch is checked against. Bounded: the most recent ratings only (the
 * shilling scan is linear-ish in ratings and must stay interactive), and first-seen times only for
 * the subjects that could be part of a burst.
 */
import { chunked, type Executor } from '../../core/index.js';
import type { Rating } from '../ratings.js';
import type { HistoryContext } from './checks.js';
import { type PreparedEvent, USABLE_STATUSES } from './types.js';

/** Most recent accepted ratings the checks compare a batch with. */
export const HISTORY_RATINGS = 200_000;
const LOOKUP_CHUNK = 500;

export async function loadHistory(
  db: Executor,
  batch: readonly PreparedEvent[],
  burstCandidates: () => string[],
  limit = HISTORY_RATINGS,
): Promise<HistoryContext> {
  const total = await db
    .selectFrom('event_batches')
    .select((eb) => eb.fn.sum<number | string | null>('count').as('n'))
    .where('status', 'in', USABLE_STATUSES)
    .executeTakeFirst();
  const events = Number(total?.n ?? 0);
  if (events === 0) return { ratings: [], events, firstSeen: new Map() };
  const ratings = batch.some((e) => e.type === 'rating') ? await recentRatings(db, limit) : [];
  return { ratings, events, firstSeen: await firstSeen(db, burstCandidates()) };
}

async function recentRatings(db: Executor, limit: number): Promise<Rating[]> {
  const rows = await db
    .selectFrom('customer_events as e')
    .innerJoin('event_batches as b', 'b.id', 'e.batch_id')
    .select(['e.subject', 'e.item', 'e.value', 'e.occurred_at'])
    .where('b.status', 'in', USABLE_STATUSES)
    .where('e.type', '=', 'rating')
    .orderBy('e.occurred_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    user: r.subject,
    item: r.item,
    rating: Number(r.value),
    timestamp: Math.floor(Date.parse(r.occurred_at) / 1000),
  }));
}

async function firstSeen(db: Executor, subjects: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunked(subjects, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('customer_events as e')
      .innerJoin('event_batches as b', 'b.id', 'e.batch_id')
      .select(['e.subject', (eb) => eb.fn.min<string>('e.occurred_at').as('first')])
      .where('b.status', 'in', USABLE_STATUSES)
      .where('e.subject', 'in', part)
      .groupBy('e.subject')
      .execute();
    for (const r of rows) out.set(r.subject, Date.parse(r.first));
  }
  return out;
}

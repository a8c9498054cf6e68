/**
 * The events models may learn from: those of accepted or released batches, never quarantined ones.
 * Streamed page by page (keyset on time and id) so a large history never sits in memory at once;
 * one type after the other (in the order asked, default EVENT_TYPES), each in time order, so every
 * page is read through the (type, occurred_at) index.
 */
import type { Vigie } from '../../core/index.js';
import { type AcceptedEvent, EVENT_TYPES, type EventType, USABLE_STATUSES } from './types.js';

export interface AcceptedEventsOptions {
  types?: readonly EventType[];
  /** Events at or after this time (ISO-8601 or Date). */
  since?: string | Date;
  /** Rows per query (default 5000). */
  pageSize?: number;
}

export async function* acceptedEvents(
  vigie: Vigie,
  options: AcceptedEventsOptions = {},
): AsyncGenerator<AcceptedEvent> {
  const pageSize = options.pageSize ?? 5000;
  const since = options.since === undefined ? undefined : new Date(options.since).toISOString();
  for (const type of options.types?.length ? options.types : EVENT_TYPES)
    yield* acceptedOfType(vigie, type, since, pageSize);
}

async function* acceptedOfType(
  vigie: Vigie,
  type: EventType,
  since: string | undefined,
  pageSize: number,
): AsyncGenerator<AcceptedEvent> {
  let after: { at: string; id: string } | undefined;
  for (;;) {
    let q = vigie.db
      .selectFrom('customer_events as e')
      .innerJoin('event_batches as b', 'b.id', 'e.batch_id')
      .select(['e.event_id', 'e.subject', 'e.type', 'e.item', 'e.value', 'e.occurred_at'])
      .where('b.status', 'in', USABLE_STATUSES)
      .where('e.type', '=', type)
      .orderBy('e.occurred_at')
      .orderBy('e.event_id')
      .limit(pageSize);
    if (since) q = q.where('e.occurred_at', '>=', since);
    if (after) {
      const { at, id } = after;
      q = q.where((eb) =>
        eb.or([
          eb('e.occurred_at', '>', at),
          eb.and([eb('e.occurred_at', '=', at), eb('e.event_id', '>', id)]),
        ]),
      );
    }
    const rows = await q.execute();
    for (const r of rows) {
      yield {
        subject: r.subject,
        type: r.type as EventType,
        item: r.item,
        value: r.value === null ? null : Number(r.value),
        occurredAt: r.occurred_at,
      };
    }
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.occurred_at, id: last.event_id };
  }
}

/** The same, collected: for callers that need the whole set (bounded by `limit`, default 1,000,000). */
export async function acceptedEventList(
  vigie: Vigie,
  options: AcceptedEventsOptions & { limit?: number } = {},
): Promise<AcceptedEvent[]> {
  const limit = options.limit ?? 1_000_000;
  const out: AcceptedEvent[] = [];
  for await (const e of acceptedEvents(vigie, options)) {
    if (out.length >= limit) break;
    out.push(e);
  }
  return out;
}

/**
 * From validated input to what is checked and stored: the customer id becomes the subject, times
 * become milliseconds, and repeated event ids within the batch are dropped (the first one wins).
 */
import { createHash } from 'node:crypto';
import type { Vigie } from '../../core/index.js';
import { subjectOf } from '../vault/index.js';
import type { EventType, PreparedEvent } from './types.js';

/** Already in the stored form (what `toISOString` gives): kept as is, sparing a reformat per event. */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface ValidEvent {
  event_id: string;
  customer_id: string;
  type: EventType;
  item: string;
  value?: number | null | undefined;
  occurred_at: string;
}

export interface Prepared {
  events: PreparedEvent[];
  /** Event ids seen twice or more within the batch (each counted once per extra copy). */
  repeated: string[];
}

export function prepareEvents(vigie: Vigie, input: readonly ValidEvent[]): Prepared {
  // One HMAC per customer, not per event: a batch holds many events of the same people.
  const subjects = new Map<string, string>();
  const seen = new Set<string>();
  const events: PreparedEvent[] = [];
  const repeated: string[] = [];
  for (const e of input) {
    if (seen.has(e.event_id)) {
      repeated.push(e.event_id);
      continue;
    }
    seen.add(e.event_id);
    let subject = subjects.get(e.customer_id);
    if (subject === undefined) {
      subject = subjectOf(vigie, e.customer_id);
      subjects.set(e.customer_id, subject);
    }
    const at = Date.parse(e.occurred_at);
    events.push({
      eventId: e.event_id,
      subject,
      type: e.type,
      item: e.item,
      value: e.value ?? null,
      at,
      occurredAt: CANONICAL_TIME.test(e.occurred_at) ? e.occurred_at : new Date(at).toISOString(),
    });
  }
  return { events, repeated };
}

/** sha256 over the sorted canonical rows: the same events in another order hash the same. */
export function contentHash(events: readonly PreparedEvent[]): string {
  const rows = events.map(
    (e) => `${e.eventId}\t${e.subject}\t${e.type}\t${e.item}\t${e.value ?? ''}\t${e.at}\n`,
  );
  rows.sort();
  const hash = createHash('sha256');
  for (const row of rows) hash.update(row);
  return hash.digest('hex');
}

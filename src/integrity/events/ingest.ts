/**
 * Ingestion of one batch: validate, pseudonymise, skip duplicates (reported, not errors), check for
 * poisoning against the accepted history, then store the batch (accepted or quarantined) with its
 * events and a ledger entry in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { actorOf, nowIso, type Principal, type Vigie } from '../../core/index.js';
import { erasedSubjects, markActive } from '../vault/index.js';
import { burstCandidates, type CheckOptions, checkBatch } from './checks.js';
import { loadHistory } from './history.js';
import { contentHash, prepareEvents, type ValidEvent } from './prepare.js';
import type { BatchReason } from './reasons.js';
import { insertEvents, storedEventIds } from './store.js';
import { type BatchStatus, type EventType, eventBatchSchema, type PreparedEvent } from './types.js';

export type BatchSource = 'api' | 'file' | 'cli';

export interface IngestOptions {
  source: BatchSource;
  checks?: CheckOptions;
}

export interface IngestResult {
  /** Null when every event was a duplicate: nothing new, no batch. */
  batchId: string | null;
  status: BatchStatus | null;
  received: number;
  stored: number;
  duplicates: {
    inBatch: number;
    alreadyStored: number;
    /** The first duplicate event ids, for the caller to check its side. */
    eventIds: string[];
  };
  reasons: BatchReason[];
  /** Events dropped because their customer asked for erasure. */
  erased: number;
}

const DUPLICATE_IDS_SHOWN = 100;

/** Validates a batch (zod errors are 400s with the row index) and ingests it. */
export async function ingestEvents(
  vigie: Vigie,
  principal: Principal | undefined,
  input: unknown,
  options: IngestOptions,
): Promise<IngestResult> {
  return ingestValid(vigie, principal, eventBatchSchema.parse(input), options);
}

/** Ingests events validated already (the file importer validates row by row). */
export async function ingestValid(
  vigie: Vigie,
  principal: Principal | undefined,
  input: readonly ValidEvent[],
  options: IngestOptions,
): Promise<IngestResult> {
  const prepared = prepareEvents(vigie, input);
  const { repeated } = prepared;
  // Events of customers who asked for erasure are dropped, so a feed sent again does not bring them back.
  const erased = await erasedSubjects(vigie.db);
  const unique = erased.size ? prepared.events.filter((e) => !erased.has(e.subject)) : prepared.events;
  const erasedCount = prepared.events.length - unique.length;
  const stored = await storedEventIds(
    vigie,
    unique.map((e) => e.eventId),
  );
  const fresh = stored.size ? unique.filter((e) => !stored.has(e.eventId)) : unique;
  const duplicates = {
    inBatch: repeated.length,
    alreadyStored: stored.size,
    eventIds: [...repeated, ...stored].slice(0, DUPLICATE_IDS_SHOWN),
  };
  const base = { received: input.length, duplicates, erased: erasedCount };
  if (fresh.length === 0) return { ...base, batchId: null, status: null, stored: 0, reasons: [] };

  const history = await loadHistory(vigie.db, fresh, () => burstCandidates(fresh, options.checks));
  const { reasons, figures } = checkBatch(fresh, history, options.checks);
  const status: BatchStatus = reasons.length ? 'quarantined' : 'accepted';
  const id = randomUUID();
  const actor = actorOf(principal);
  const count = await vigie.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('event_batches')
      .values({
        id,
        source: options.source,
        received_at: nowIso(),
        count: fresh.length,
        fingerprint: contentHash(fresh),
        stats: JSON.stringify({
          ...batchStats(fresh),
          duplicates: repeated.length + stored.size,
          checks: figures,
        }),
        status,
        reasons: JSON.stringify(reasons),
        created_by: actor,
        decided_by: null,
        decided_at: null,
      })
      .execute();
    const n = await insertEvents(vigie, tx, id, fresh);
    if (n !== fresh.length)
      await tx.updateTable('event_batches').set({ count: n }).where('id', '=', id).execute();
    // Activity restarts the retention clock of the customers it concerns (accepted data only).
    if (status === 'accepted') await markActive(tx, [...new Set(fresh.map((e) => e.subject))]);
    await vigie.ledger.append(tx, [
      {
        actor,
        action: status === 'accepted' ? 'events.accept' : 'events.quarantine',
        target: `event-batch:${id}`,
        details: {
          source: options.source,
          count: n,
          duplicates: repeated.length + stored.size + fresh.length - n,
          reasons: reasons.map((r) => r.code),
        },
      },
    ]);
    return n;
  });
  return { ...base, batchId: id, status, stored: count, reasons };
}

export interface BatchStats {
  types: Partial<Record<EventType, number>>;
  subjects: number;
  items: number;
  from: string;
  to: string;
}

function batchStats(events: readonly PreparedEvent[]): BatchStats {
  const types: Partial<Record<EventType, number>> = {};
  const subjects = new Set<string>();
  const items = new Set<string>();
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    types[e.type] = (types[e.type] ?? 0) + 1;
    subjects.add(e.subject);
    items.add(e.item);
    if (e.at < from) from = e.at;
    if (e.at > to) to = e.at;
  }
  return {
    types,
    subjects: subjects.size,
    items: items.size,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
}

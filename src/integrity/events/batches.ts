/**
 * Reading batches and deciding on quarantined ones. Release makes a quarantined batch usable; purge
 * deletes its events (the batch row stays, status `purged`, for the record). Both are ledger entries
 * with ids, counts and reason codes only.
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { isSomeoneElse, personBehind } from '../../core/access/identity.js';
import type { EventBatchesTable } from '../../core/db/index.js';
import {
  AppError,
  actorOf,
  because,
  notFound,
  nowIso,
  type Principal,
  type Vigie,
} from '../../core/index.js';
import { markActive } from '../vault/index.js';
import type { BatchReason } from './reasons.js';
import { BATCH_STATUSES, type BatchStatus } from './types.js';

export interface EventBatch {
  id: string;
  source: string;
  receivedAt: string;
  count: number;
  fingerprint: string;
  stats: Record<string, unknown>;
  status: BatchStatus;
  reasons: BatchReason[];
  createdBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export const batchFilterSchema = z.object({
  status: z.enum(BATCH_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Batches received before this time (keyset paging, newest first). */
  before: z.iso.datetime().optional(),
});
export type BatchFilter = z.input<typeof batchFilterSchema>;

function fromRow(r: Selectable<EventBatchesTable>): EventBatch {
  return {
    id: r.id,
    source: r.source,
    receivedAt: r.received_at,
    count: Number(r.count),
    fingerprint: r.fingerprint,
    stats: JSON.parse(r.stats),
    status: r.status,
    reasons: JSON.parse(r.reasons),
    createdBy: r.created_by,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

export async function listBatches(vigie: Vigie, filter: BatchFilter = {}): Promise<EventBatch[]> {
  const f = batchFilterSchema.parse(filter);
  let q = vigie.db
    .selectFrom('event_batches')
    .selectAll()
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(f.limit);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.before) q = q.where('received_at', '<', f.before);
  return (await q.execute()).map(fromRow);
}

export async function getBatch(vigie: Vigie, id: string): Promise<EventBatch> {
  const row = await vigie.db.selectFrom('event_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('event batch');
  return fromRow(row);
}

export type BatchDecision = 'release' | 'purge';

/** Releases or purges a quarantined batch; anything else is a conflict. */
export async function decideBatch(
  vigie: Vigie,
  principal: Principal | undefined,
  id: string,
  decision: BatchDecision,
): Promise<EventBatch> {
  const actor = actorOf(principal);
  await vigie.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('event_batches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('event batch');
    // Whoever sent suspicious data does not clear it: a poisoner holding an admin account would
    // otherwise release their own batch. Purging stays open to them.
    const ownRelease =
      decision === 'release' &&
      row.status === 'quarantined' &&
      !isSomeoneElse(principal, await personBehind(tx, row.created_by));
    if (ownRelease)
      throw new AppError(
        'FORBIDDEN',
        'A quarantined batch is released by someone other than the person who sent it (a batch sent from the CLI needs a signed-in user)',
        because('own-batch'),
      );
    const status: BatchStatus = decision === 'release' ? 'released' : 'purged';
    // The status guard in the update makes two concurrent decisions safe: one wins, one conflicts.
    const updated = await tx
      .updateTable('event_batches')
      .set({ status, decided_by: actor, decided_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', 'quarantined')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', `only a quarantined batch can be ${status} (this one is ${row.status})`);
    let deleted = 0;
    if (decision === 'release') {
      const subjects = await tx
        .selectFrom('customer_events')
        .select('subject')
        .distinct()
        .where('batch_id', '=', id)
        .execute();
      await markActive(
        tx,
        subjects.map((s) => s.subject),
      );
    }
    if (decision === 'purge') {
      const res = await tx.deleteFrom('customer_events').where('batch_id', '=', id).executeTakeFirst();
      deleted = Number(res.numDeletedRows);
    }
    await vigie.ledger.append(tx, [
      {
        actor,
        action: decision === 'release' ? 'events.release' : 'events.purge',
        target: `event-batch:${id}`,
        details: {
          count: Number(row.count),
          ...(decision === 'purge' ? { deleted } : {}),
          reasons: (JSON.parse(row.reasons) as BatchReason[]).map((r) => r.code),
        },
      },
    ]);
  });
  return getBatch(vigie, id);
}

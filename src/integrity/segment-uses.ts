/**
 * Voiding segment uses whose bias audit no longer describes the segment: it was recomputed (new
 * members were never audited) or counted people erased since. Approved and pending uses become
 * `stale` and must be requested again, with a new audit. Shared by insights (recompute) and the vault
 * (erasure, retention), which must not depend on each other.
 */
import { chunked, type Executor, type Ledger } from '../core/index.js';

/** Voids the uses of these segments; one ledger entry per segment with its voided use ids. */
export async function voidSegmentUses(
  tx: Executor,
  ledger: Pick<Ledger, 'append'>,
  actor: string,
  segmentIds: readonly string[],
): Promise<number> {
  const voided = new Map<string, string[]>();
  for (const part of chunked(segmentIds, 500)) {
    const rows = await tx
      .updateTable('segment_uses')
      .set({ status: 'stale' })
      .where('segment_id', 'in', part)
      .where('status', 'in', ['approved', 'review'])
      .returning(['id', 'segment_id'])
      .execute();
    for (const r of rows) voided.set(r.segment_id, [...(voided.get(r.segment_id) ?? []), r.id]);
  }
  if (voided.size === 0) return 0;
  await ledger.append(
    tx,
    [...voided].map(([segment, uses]) => ({
      actor,
      action: 'insights.segment.use.stale',
      target: `segment:${segment}`,
      details: { uses },
    })),
  );
  return [...voided.values()].reduce((n, uses) => n + uses.length, 0);
}

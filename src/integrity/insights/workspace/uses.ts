import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { identityOf, isSomeoneElse, personBehind } from '../../../core/access/identity.js';
import { actorOf, type Principal } from '../../../core/access/permissions.js';
import { AppError, because, notFound, nowIso, type Vigie } from '../../../core/index.js';
import { type AuditView, auditSegment, getAudit, reportHasHiddenGroup, storeAudit } from './audits.js';
import { getSegment } from './segments.js';
import { readInsightsSettings } from './settings.js';
import { defaultSources, type InsightSources } from './sources.js';

export const useInputSchema = z.strictObject({
  campaign: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((s) => ![...s].some((c) => c < ' ' || c === '\x7f'), 'control characters are not allowed'),
});
export const decisionInputSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().min(1).max(2000),
});

/** A member of the segment was erased since it was computed (SegmentView.stale). */
const STALE_MESSAGE = 'This segment counts people who were erased since: recompute it first';

/** `stale`: the segment was recomputed after the audit, so the use covers people nobody audited. */
export type UseStatus = 'approved' | 'review' | 'rejected' | 'stale';

export interface SegmentUseView {
  id: string;
  segmentId: string;
  segmentName: string | null;
  segmentDefinition: Record<string, unknown> | null;
  campaign: string;
  status: UseStatus;
  auditId: string | null;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

/**
 * Asks to use a segment for a campaign. The bias audit runs first, automatically; a use that fails
 * it waits in `review` for an admin or reviewer. Request, audit metrics and status are ledgered in the
 * same transaction (segment, use and audit ids, metrics; never subjects).
 */
export async function requestSegmentUse(
  vigie: Vigie,
  actor: Principal | undefined,
  segmentId: string,
  input: z.input<typeof useInputSchema>,
  sources: InsightSources = defaultSources,
): Promise<{ use: SegmentUseView; audit: AuditView }> {
  const { campaign } = useInputSchema.parse(input);
  const segment = await getSegment(vigie, segmentId);
  const settings = await readInsightsSettings(vigie);
  // Auditing fewer than k people would show the attributes of the very people the segment targets.
  if (segment.stale) throw new AppError('CONFLICT', STALE_MESSAGE, because('segment-stale'));
  if (segment.suppressed)
    throw new AppError(
      'CONFLICT',
      'This segment has too few people to be audited or used',
      because('segment-too-small'),
    );
  const outcome = await auditSegment(vigie, segmentId, settings, sources);
  const status: UseStatus = outcome.failures.length === 0 ? 'approved' : 'review';
  const id = randomUUID();
  const at = nowIso();
  let auditId = '';
  await vigie.db.transaction().execute(async (tx) => {
    // A recompute between the audit and now would put unaudited members behind this use.
    const current = await tx
      .selectFrom('segments')
      .select(['computed_at', 'stale_since'])
      .where('id', '=', segmentId)
      .executeTakeFirst();
    if (current?.computed_at !== segment.computedAt)
      throw new AppError(
        'CONFLICT',
        'The segment was recomputed meanwhile: request the use again',
        because('segment-recomputed'),
      );
    // A member erased while the audit ran: the audit counted them.
    if (current.stale_since !== null) throw new AppError('CONFLICT', STALE_MESSAGE, because('segment-stale'));
    auditId = await storeAudit(tx, segmentId, outcome, at);
    await tx
      .insertInto('segment_uses')
      .values({
        id,
        segment_id: segmentId,
        campaign,
        audit_id: auditId,
        status,
        // The person, not the credential: a token and a session of one user are the same requester.
        requested_by: identityOf(actor),
        requested_at: at,
        decided_by: status === 'approved' ? 'policy' : null,
        decided_at: status === 'approved' ? at : null,
        comment: null,
      })
      .execute();
    // Same rule as the audit's display: metrics over a group with 1 to k - 1 selected (or unselected)
    // people would give their selection away, so the ledger records them as suppressed (null).
    const m = reportHasHiddenGroup(outcome.report, settings.kAnonymity) ? undefined : outcome.report?.metrics;
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'insights.segment.use.request',
        target: `segment:${segmentId}`,
        details: {
          use: id,
          audit: auditId,
          attribute: outcome.attribute,
          metrics: m
            ? {
                demographic_parity_difference: m.demographic_parity_difference,
                demographic_parity_ratio: m.demographic_parity_ratio,
                disparate_impact: m.disparate_impact ?? null,
              }
            : null,
          failures: outcome.failures,
          suppressed_groups: outcome.suppressedGroups,
          status,
        },
      },
    ]);
  });
  return { use: await getSegmentUse(vigie, id), audit: await getAudit(vigie, auditId) };
}

/** A reviewer clears or stops a use held for review; never one's own request, always with a comment. */
export async function decideSegmentUse(
  vigie: Vigie,
  actor: Principal | undefined,
  useId: string,
  input: z.input<typeof decisionInputSchema>,
): Promise<SegmentUseView> {
  const { decision, comment } = decisionInputSchema.parse(input);
  const use = await getSegmentUse(vigie, useId);
  if (use.status !== 'review')
    throw new AppError('CONFLICT', `This use is ${use.status}, not awaiting review`);
  // Uses requested before identities were stored name a token: its owner is the requester.
  if (!isSomeoneElse(actor, await personBehind(vigie.db, use.requestedBy)))
    throw new AppError(
      'FORBIDDEN',
      'A use cannot be approved or rejected by the person who requested it',
      because('own-request'),
    );
  const status: UseStatus = decision === 'approve' ? 'approved' : 'rejected';
  const at = nowIso();
  await vigie.db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('segment_uses')
      .set({ status, decided_by: actorOf(actor), decided_at: at, comment })
      .where('id', '=', useId)
      .where('status', '=', 'review')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'This use was decided meanwhile');
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'insights.segment.use.decide',
        target: `segment:${use.segmentId}`,
        details: { use: useId, audit: use.auditId, decision, status },
      },
    ]);
  });
  return getSegmentUse(vigie, useId);
}

const segmentUseQuery = (vigie: Vigie) =>
  vigie.db
    .selectFrom('segment_uses as u')
    .leftJoin('segments as s', 's.id', 'u.segment_id')
    .selectAll('u')
    .select(['s.name as segment_name', 's.definition as segment_definition']);

type UseRow = Awaited<ReturnType<ReturnType<typeof segmentUseQuery>['executeTakeFirstOrThrow']>>;
const toSegmentUseView = (r: UseRow): SegmentUseView => ({
  id: r.id,
  segmentId: r.segment_id,
  segmentName: r.segment_name ?? null,
  segmentDefinition: r.segment_definition ? JSON.parse(r.segment_definition) : null,
  campaign: r.campaign,
  status: r.status as UseStatus,
  auditId: r.audit_id,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  comment: r.comment,
});

export async function getSegmentUse(vigie: Vigie, id: string): Promise<SegmentUseView> {
  const row = await segmentUseQuery(vigie).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('segment use');
  return toSegmentUseView(row);
}

export async function listSegmentUses(
  vigie: Vigie,
  filter: { status?: UseStatus; segmentId?: string } = {},
): Promise<SegmentUseView[]> {
  let q = segmentUseQuery(vigie).orderBy('u.requested_at', 'desc').limit(200);
  if (filter.status) q = q.where('u.status', '=', filter.status);
  if (filter.segmentId) q = q.where('u.segment_id', '=', filter.segmentId);
  return (await q.execute()).map(toSegmentUseView);
}

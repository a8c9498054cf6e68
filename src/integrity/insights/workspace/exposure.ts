import { z } from 'zod';
import { actorOf, type Principal } from '../../../core/access/permissions.js';
import { AppError, because, nowIso, type Vigie } from '../../../core/index.js';
import { MAX_ITEM } from '../../events/types.js';
import type { Recommendation } from '../recommend.js';
import { type AuditView, auditDecision, auditRow, auditView } from './audits.js';
import { readInsightsSettings } from './settings.js';
import { defaultSources, type InsightSources } from './sources.js';

const hasControl = (s: string) => [...s].some((c) => c < ' ' || c === '\x7f');

export const exposureAuditInputSchema = z.strictObject({
  /** A product id as events carry it (trimmed there, so surrounding spaces never match anything). */
  item: z
    .string()
    .min(1)
    .max(MAX_ITEM)
    .refine((s) => !hasControl(s), 'control characters are not allowed')
    .refine((s) => s.trim() === s && s !== '', 'no leading or trailing spaces'),
  attribute: z.enum(['gender', 'age_band']).optional(),
});

/** An exposure audit, shown like a segment's (AuditView) but for an item and never stored. */
export type ExposureAuditView = Omit<AuditView, 'id' | 'segmentId' | 'segmentName' | 'segmentDefinition'> & {
  item: string;
  /** When the audited batch of stored recommendations was computed. */
  recommendationsComputedAt: string;
};

const NO_BATCH = 'There are no stored recommendations to audit: compute recommendations first';

/**
 * Bias audit of recommendation exposure: among the subjects who consent to profiling and to
 * recommendations and have stored recommendations (someone who consented after the batch got no
 * decision), the decision is "the item is in their stored recommendations". The protected attribute,
 * the merging of groups under k, the privileged group (the most exposed) and the pass/fail policy are
 * those of the segment audit (auditSegment); the view hides what auditView hides. Not stored in
 * fairness_audits (that table is per segment); the ledger records item, attribute, metrics and failures.
 */
export async function auditExposure(
  vigie: Vigie,
  actor: Principal | undefined,
  input: z.input<typeof exposureAuditInputSchema>,
  sources: InsightSources = defaultSources,
): Promise<ExposureAuditView> {
  const { item, attribute } = exposureAuditInputSchema.parse(input);
  const settings = await readInsightsSettings(vigie);
  const rows = await vigie.db
    .selectFrom('recommendations')
    .select(['subject', 'items', 'computed_at'])
    .execute();
  if (rows.length === 0) throw new AppError('CONFLICT', NO_BATCH, because('recommendations-not-computed'));
  const [profiling, recommendations] = await Promise.all([
    sources.consenting(vigie, 'profiling'),
    sources.consenting(vigie, 'recommendations'),
  ]);
  const population = new Set<string>();
  const exposed = new Set<string>();
  let computedAt = '';
  for (const r of rows) {
    if (r.computed_at > computedAt) computedAt = r.computed_at;
    if (!profiling.has(r.subject) || !recommendations.has(r.subject)) continue;
    population.add(r.subject);
    const items = JSON.parse(r.items) as Recommendation[];
    if (Array.isArray(items) && items.some((x) => x.item === item)) exposed.add(r.subject);
  }
  const outcome = await auditDecision(
    vigie,
    population,
    exposed,
    attribute ? [attribute] : settings.protectedAttributes,
    settings,
    sources,
  );
  const at = nowIso();
  // The display rules of the stored audits, applied to this one as if it had been stored.
  const { id, segmentId, segmentName, segmentDefinition, ...view } = auditView(
    auditRow('', '', outcome, at),
    settings.kAnonymity,
  );
  await vigie.ledger.record({
    actor: actorOf(actor),
    action: 'insights.exposure.audit',
    target: 'recommendations',
    // Item ids are product ids; metrics are null when a group is hidden (view.metrics), as shown.
    details: {
      item,
      attribute: outcome.attribute,
      metrics: view.metrics,
      failures: outcome.failures,
      suppressed_groups: outcome.suppressedGroups,
      passed: view.passed,
    },
  });
  return { item, recommendationsComputedAt: computedAt, ...view };
}

import { randomUUID } from 'node:crypto';
import { type Executor, notFound, type Vigie } from '../../../core/index.js';
import { type FairnessReport, fairnessReport, type GroupStats } from '../../fairness.js';
import type { SubjectAttributeName } from '../../vault/index.js';
import { suppressCount } from '../k-anonymity.js';
import { segmentMembers } from './segments.js';
import { type InsightsSettings, readInsightsSettings } from './settings.js';
import { defaultSources, type InsightSources } from './sources.js';

/** Why an audit failed: rule codes the console and CLI translate. */
export type AuditFailure =
  | 'four_fifths'
  | 'parity_difference'
  | 'no_protected_attribute'
  | 'too_few_per_group';

export interface AuditOutcome {
  attribute: string | null;
  population: number;
  report: FairnessReport | null;
  failures: AuditFailure[];
  /** Groups left out of the rows and metrics: even merged as "other" they had fewer than k people. */
  suppressedGroups: number;
}

/** Where groups under k go, so no metric or count is computed from fewer than k people. */
export const OTHER_GROUP = 'other';

/**
 * Merges the groups of fewer than k people into one "other" group, and leaves that out when it is
 * still under k (the count of groups left out is returned, never their members).
 */
export function mergeSmallGroups(
  values: ReadonlyMap<string, string>,
  k: number,
): { groups: Map<string, string>; suppressedGroups: number } {
  const sizes = new Map<string, number>();
  for (const g of values.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const merged = new Map<string, string>();
  for (const [subject, g] of values) merged.set(subject, (sizes.get(g) ?? 0) < k ? OTHER_GROUP : g);
  const small = [...sizes.values()].filter((n) => n < k).length;
  const other = [...merged.values()].filter((g) => g === OTHER_GROUP).length;
  if (other === 0 || other >= k) return { groups: merged, suppressedGroups: 0 };
  for (const [subject, g] of merged) if (g === OTHER_GROUP) merged.delete(subject);
  return { groups: merged, suppressedGroups: Math.max(small, 1) };
}

/**
 * Bias audit of a segment used as a targeting decision: among the subjects who consent to profiling
 * and whose protected attribute is held, the decision is membership. The first attribute of the policy
 * with at least two groups is audited. The use fails when a group's selection rate is below
 * `minParityRatio` of the most selected group's (the four-fifths rule, as the EEOC applies it, group by
 * group) or when the selection rates spread more than `maxParityDifference`. The privileged value for
 * AIF360's metrics is the most selected group. Without any usable attribute the audit cannot clear the
 * use, so it fails too: a person has to look.
 */
export async function auditSegment(
  vigie: Vigie,
  segmentId: string,
  settings: InsightsSettings,
  sources: InsightSources = defaultSources,
): Promise<AuditOutcome> {
  const population = await sources.consenting(vigie, 'profiling');
  const members = await segmentMembers(vigie, segmentId, population);
  return auditDecision(vigie, population, members, settings.protectedAttributes, settings, sources);
}

/** The audit of a yes/no decision (`selected`) over `population`, on the first usable attribute. */
export async function auditDecision(
  vigie: Vigie,
  population: ReadonlySet<string>,
  selected: ReadonlySet<string>,
  attributes: readonly SubjectAttributeName[],
  settings: InsightsSettings,
  sources: InsightSources,
): Promise<AuditOutcome> {
  for (const attribute of attributes) {
    const held = await sources.attribute(vigie, attribute, population);
    if (new Set(held.values()).size < 2) continue;
    const { groups: values, suppressedGroups } = mergeSmallGroups(held, settings.kAnonymity);
    // Strict: without two groups of at least k people nobody can say the decision is fair.
    if (new Set(values.values()).size < 2)
      return { attribute, population: 0, report: null, failures: ['too_few_per_group'], suppressedGroups };
    const rows = [...values].map(([subject, g]) => ({ p: selected.has(subject) ? 1 : 0, g }));
    const plain = fairnessReport(rows, { prediction: 'p', group: 'g' });
    const report = fairnessReport(rows, { prediction: 'p', group: 'g', privileged: mostSelected(plain) });
    const failures = policyFailures(report, settings);
    return { attribute, population: rows.length, report, failures, suppressedGroups };
  }
  return {
    attribute: null,
    population: 0,
    report: null,
    failures: ['no_protected_attribute'],
    suppressedGroups: 0,
  };
}

/** The workspace policy's verdict on a report: the four-fifths rule, then the largest parity difference. */
export function policyFailures(report: FairnessReport, settings: InsightsSettings): AuditFailure[] {
  const failures: AuditFailure[] = [];
  const ratio = report.metrics.demographic_parity_ratio;
  // A tolerance for rounding: 2/3 over 5/6 is 0.7999999999999999, exactly four fifths.
  if (ratio !== null && ratio < settings.minParityRatio - RATE_TOLERANCE) failures.push('four_fifths');
  if (report.metrics.demographic_parity_difference > settings.maxParityDifference + RATE_TOLERANCE)
    failures.push('parity_difference');
  return failures;
}

/** Far below any meaningful difference in rates, far above floating-point rounding. */
const RATE_TOLERANCE = 1e-12;

/** The group with the highest selection rate (the first in key order on a tie): AIF360's privileged value. */
export function mostSelected(report: FairnessReport): string {
  let best = '';
  let rate = -1;
  for (const [g, s] of Object.entries(report.groups)) {
    if (s.selection_rate > rate) {
      best = g;
      rate = s.selection_rate;
    }
  }
  return best;
}

/** The stored form of an audit outcome: what `storeAudit` writes and `auditView` reads. */
export function auditRow(id: string, segmentId: string, outcome: AuditOutcome, at: string): AuditRow {
  return {
    id,
    segment_id: segmentId,
    attribute: outcome.attribute ?? '',
    population: outcome.population,
    // The count of groups left out travels with the report (no column of its own).
    report: JSON.stringify(
      outcome.report && { ...outcome.report, suppressed_groups: outcome.suppressedGroups },
    ),
    passed: outcome.failures.length === 0 ? 1 : 0,
    failures: JSON.stringify(outcome.failures),
    created_at: at,
  };
}

export async function storeAudit(
  tx: Executor,
  segmentId: string,
  outcome: AuditOutcome,
  at: string,
): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto('fairness_audits')
    .values(auditRow(id, segmentId, outcome, at))
    .execute();
  return id;
}

export interface AuditGroupView {
  key: string;
  suppressed: boolean;
  n?: number;
  selectionRate?: number;
}

export interface AuditView {
  id: string;
  segmentId: string;
  segmentName: string | null;
  /** The segment's definition (for a translated label); null once the segment is gone. */
  segmentDefinition: Record<string, unknown> | null;
  attribute: string | null;
  population: number | null;
  passed: boolean;
  failures: AuditFailure[];
  /**
   * Per-group counts and rates; a group of 1 to k - 1 people, or with 1 to k - 1 selected or
   * unselected people, keeps only its name.
   */
  groups: AuditGroupView[];
  /** Groups left out of rows and metrics because, even merged, they had fewer than k people. */
  suppressedGroups: number;
  /** null when a group is hidden: metrics over it would give its members' selection away. */
  metrics: FairnessReport['metrics'] | null;
  createdAt: string;
}

export type AuditRow = {
  id: string;
  segment_id: string;
  attribute: string;
  population: number;
  report: string;
  passed: number;
  failures: string;
  created_at: string;
  segment_name?: string | null;
  segment_definition?: string | null;
  /** The audited segment counts someone erased since: the audit's figures counted them too. */
  segment_stale_since?: string | null;
};

/**
 * A group's figures are shown only when its size, its selected count and its unselected count are
 * each 0 or at least k: n = 20 with a selection rate of 0.2 would tell that 4 people were selected
 * (and 0.8 that 4 were left out). A count of 0 singles nobody out (a group entirely excluded must
 * stay visible: that is what the audit is for).
 */
export function groupHidden(g: GroupStats, k: number): boolean {
  const selected = Math.round(g.n * g.selection_rate);
  return (
    suppressCount(g.n, k) === null ||
    suppressCount(selected, k) === null ||
    suppressCount(g.n - selected, k) === null
  );
}

/** True when a group of the report is hidden at k: its metrics would then give the group away. */
export function reportHasHiddenGroup(report: FairnessReport | null, k: number): boolean {
  return Object.values(report?.groups ?? {}).some((g) => groupHidden(g, k));
}

export function auditView(r: AuditRow, k: number): AuditView {
  const report = JSON.parse(r.report) as (FairnessReport & { suppressed_groups?: number }) | null;
  // Only the displayed figures are hidden: the verdict (passed, failures) was decided on full data.
  const stale = Boolean(r.segment_stale_since);
  const groups = Object.entries(report?.groups ?? {}).map(([key, g]: [string, GroupStats]) =>
    stale || groupHidden(g, k)
      ? { key, suppressed: true }
      : { key, suppressed: false, n: g.n, selectionRate: g.selection_rate },
  );
  const suppressedGroups = report?.suppressed_groups ?? 0;
  // k may have been raised since the audit: a group now under k hides the totals and metrics too.
  const anyHidden = groups.some((g) => g.suppressed);
  return {
    id: r.id,
    segmentId: r.segment_id,
    segmentName: r.segment_name ?? null,
    segmentDefinition: r.segment_definition ? JSON.parse(r.segment_definition) : null,
    attribute: r.attribute || null,
    // With a group hidden, the total minus the shown groups would give the hidden size away.
    population: suppressedGroups > 0 || anyHidden ? null : suppressCount(r.population, k),
    passed: r.passed === 1,
    failures: JSON.parse(r.failures),
    groups,
    suppressedGroups,
    metrics: anyHidden ? null : (report?.metrics ?? null),
    createdAt: r.created_at,
  };
}

const auditQuery = (vigie: Vigie) =>
  vigie.db
    .selectFrom('fairness_audits as a')
    .leftJoin('segments as s', 's.id', 'a.segment_id')
    .selectAll('a')
    .select([
      's.name as segment_name',
      's.definition as segment_definition',
      's.stale_since as segment_stale_since',
    ]);

export async function listAudits(vigie: Vigie, limit = 100): Promise<AuditView[]> {
  const k = (await readInsightsSettings(vigie)).kAnonymity;
  const rows = await auditQuery(vigie).orderBy('a.created_at', 'desc').limit(limit).execute();
  return rows.map((r) => auditView(r, k));
}

export async function getAudit(vigie: Vigie, id: string): Promise<AuditView> {
  const row = await auditQuery(vigie).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('audit');
  return auditView(row, (await readInsightsSettings(vigie)).kAnonymity);
}

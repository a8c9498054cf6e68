import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Principal } from '../../../core/access/permissions.js';
import { chunked, type Executor, notFound, nowIso, type Vigie } from '../../../core/index.js';
import { toCsv } from '../../csv-export.js';
import { voidSegmentUses } from '../../segment-uses.js';
import { clusterSubjects } from '../clusters.js';
import { behaviouralFeatures } from '../features.js';
import { isSmallSubset, suppressCount, suppressPartition } from '../k-anonymity.js';
import { trainPropensity } from '../propensity.js';
import { RFM_SEGMENTS, rfmScores } from '../rfm.js';
import type { InsightEvent } from '../types.js';
import { readInsightsSettings } from './settings.js';
import { consentedEvents, defaultSources, type InsightSources } from './sources.js';

/** Propensity thresholds are multiples of this step (the console's field steps by it too). */
export const THRESHOLD_STEP = 0.05;

export const computeInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rfm') }),
  z.strictObject({
    kind: z.literal('cluster'),
    k: z.number().int().min(2).max(20).default(4),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(42),
  }),
  z.strictObject({
    kind: z.literal('propensity'),
    /**
     * Steps of 0.05 only: two segments at nearby thresholds (0.47 -> 43 people, 0.48 -> 42) would
     * single out the people between them by difference. Coarse steps make such bands wider, which
     * lowers the risk without removing it (exact counts of nested sets always allow differencing).
     */
    threshold: z.number().min(0).max(1).multipleOf(THRESHOLD_STEP).default(0.5),
    /** Purchases in the last `horizonDays` are the outcome; earlier events are the features. */
    horizonDays: z.number().int().min(1).max(365).default(30),
  }),
]);
export type ComputeInput = z.input<typeof computeInputSchema>;

export interface SegmentView {
  id: string;
  name: string;
  kind: 'rfm' | 'cluster' | 'propensity';
  definition: Record<string, unknown>;
  /**
   * null when hidden (k-anonymity): 1 to k - 1 people, 1 to k - 1 people outside it, or hidden with
   * other cells of its family so the population minus the shown sizes gives nothing away.
   */
  size: number | null;
  suppressed: boolean;
  population: number | null;
  /** Aggregates (means, model AUC); null when the segment is suppressed or stale. */
  profile: Record<string, unknown> | null;
  computedAt: string;
  /**
   * A member was erased (or purged at the end of retention) since the computation: the stored figures
   * still count someone who asked to be forgotten, so size, population and profile are null, and the
   * segment cannot be used for targeting until it is recomputed.
   */
  stale: boolean;
  staleSince: string | null;
}

interface Computed {
  name: string;
  definition: Record<string, unknown>;
  members: Array<{ subject: string; score: number | null }>;
  population: number;
  profile: Record<string, unknown>;
}

const DAY_MS = 86_400_000;
const INSERT_ROWS = 1000;

/**
 * Computes a family of segments from the events of subjects who consented to profiling: the seven
 * RFM segments, the k behavioural clusters, or one propensity segment. Each is replaced by name.
 */
export async function computeSegments(
  vigie: Vigie,
  actor: Principal | undefined,
  input: ComputeInput,
  options: { now?: Date; sources?: InsightSources } = {},
): Promise<SegmentView[]> {
  const def = computeInputSchema.parse(input);
  const now = options.now ?? new Date();
  const sources = options.sources ?? defaultSources;
  const { subjects, events } = await consentedEvents(vigie, sources, 'profiling');
  let computed: Computed[];
  if (def.kind === 'rfm') computed = rfmFamily(events, now);
  else if (def.kind === 'cluster') computed = clusterFamily(events, subjects, def.k, def.seed);
  else computed = [propensitySegment(events, now, def.threshold, def.horizonDays)];
  const k = (await readInsightsSettings(vigie)).kAnonymity;
  const at = nowIso();
  const ids: string[] = [];
  await vigie.db.transaction().execute(async (tx) => {
    // Consent withdrawn while computing: those people are not stored as members.
    const still = await sources.consenting(vigie, 'profiling', tx);
    const family = computed.map((c) => ({ ...c, members: c.members.filter((m) => still.has(m.subject)) }));
    // The ledger follows the display's rule: what the screen hides, the ledger does not record.
    const hidden = hiddenCells(
      def.kind,
      family.map((c) => ({ size: c.members.length, population: c.population })),
      k,
    );
    for (const [i, c] of family.entries()) {
      const shown = { suppressed: hidden.has(i), familyHidden: hidden.size > 0, k };
      ids.push(await storeSegment(tx, vigie, actor, def.kind, c, at, shown));
    }
  });
  const rows = await vigie.db
    .selectFrom('segments')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
  return segmentViews(rows, k);
}

function rfmFamily(events: readonly InsightEvent[], now: Date): Computed[] {
  const scores = rfmScores(events, now);
  return RFM_SEGMENTS.map((segment) => {
    const members = scores.filter((s) => s.segment === segment);
    const mean = (f: (s: (typeof scores)[number]) => number) =>
      members.length === 0 ? 0 : members.reduce((a, s) => a + f(s), 0) / members.length;
    return {
      name: `RFM: ${segment}`,
      definition: { kind: 'rfm', segment },
      members: members.map((s) => ({ subject: s.subject, score: s.r * 100 + s.f * 10 + s.m })),
      population: scores.length,
      profile: {
        recencyDays: mean((s) => s.recencyDays),
        frequency: mean((s) => s.frequency),
        monetary: mean((s) => s.monetary),
      },
    };
  });
}

function clusterFamily(
  events: readonly InsightEvent[],
  subjects: Set<string>,
  k: number,
  seed: number,
): Computed[] {
  const features = behaviouralFeatures(events, subjects);
  const clustering = clusterSubjects(features, k, seed);
  return clustering.profiles.map((p) => ({
    name: `Cluster ${p.cluster + 1} of ${k}`,
    definition: { kind: 'cluster', k, seed, cluster: p.cluster },
    members: features.subjects
      .filter((s) => clustering.assignments.get(s) === p.cluster)
      .map((subject) => ({ subject, score: null })),
    population: features.subjects.length,
    profile: { means: p.means },
  }));
}

function propensitySegment(
  events: readonly InsightEvent[],
  now: Date,
  threshold: number,
  horizonDays: number,
): Computed {
  const cutoff = now.getTime() - horizonDays * DAY_MS;
  const before = events.filter((e) => Date.parse(e.occurredAt) < cutoff);
  const features = behaviouralFeatures(before);
  const labels = new Map<string, boolean>();
  for (const e of events)
    if (e.type === 'purchase' && Date.parse(e.occurredAt) >= cutoff) labels.set(e.subject, true);
  const model = trainPropensity(features, labels);
  return {
    name: `Propensity ${threshold} over ${horizonDays} days`,
    definition: { kind: 'propensity', threshold, horizonDays, outcome: 'purchase' },
    members: [...model.scores]
      .filter(([, p]) => p >= threshold)
      .map(([subject, score]) => ({ subject, score })),
    population: features.subjects.length,
    profile: { holdoutAuc: model.holdoutAuc, trainSize: model.trainSize, holdoutSize: model.holdoutSize },
  };
}

async function storeSegment(
  tx: Executor,
  vigie: Vigie,
  actor: Principal | undefined,
  kind: string,
  c: Computed,
  at: string,
  shown: { suppressed: boolean; familyHidden: boolean; k: number },
): Promise<string> {
  const existing = await tx.selectFrom('segments').select('id').where('name', '=', c.name).executeTakeFirst();
  const id = existing?.id ?? randomUUID();
  const row = {
    name: c.name,
    kind,
    definition: JSON.stringify(c.definition),
    size: c.members.length,
    population: c.population,
    profile: JSON.stringify(c.profile),
    computed_at: at,
    computed_by: actorOf(actor),
    // Computed anew without the erased people: current again.
    stale_since: null,
  };
  if (existing) {
    await tx.deleteFrom('segment_members').where('segment_id', '=', id).execute();
    await tx.updateTable('segments').set(row).where('id', '=', id).execute();
    // New members were never audited: uses of the old members must be requested again.
    await voidSegmentUses(tx, vigie.ledger, actorOf(actor), [id]);
  } else
    await tx
      .insertInto('segments')
      .values({ id, ...row })
      .execute();
  for (const part of chunked(c.members, INSERT_ROWS)) {
    await tx
      .insertInto('segment_members')
      .values(part.map((m) => ({ segment_id: id, ...m })))
      .execute();
  }
  await vigie.ledger.append(tx, [
    {
      actor: actorOf(actor),
      action: 'insights.segment.compute',
      target: `segment:${id}`,
      // Auditors and security read the ledger: hidden sizes (and the population of a family with a
      // hidden segment) are recorded as suppressed (null), exactly as the console shows them.
      details: {
        kind,
        size: shown.suppressed ? null : c.members.length,
        population: shown.familyHidden ? null : suppressCount(c.population, shown.k),
        suppressed: shown.suppressed,
      },
    },
  ]);
  return id;
}

type SegmentRow = {
  id: string;
  name: string;
  kind: string;
  definition: string;
  size: number;
  population: number;
  profile: string;
  computed_at: string;
  stale_since: string | null;
};

/**
 * One computation's segments share a population: the RFM segments, the k clusters of a run (the
 * number of clusters is part of the key, so two runs stored in the same millisecond stay apart).
 */
const familyOf = (r: SegmentRow) =>
  `${r.kind}|${r.computed_at}|${r.kind === 'cluster' ? String(JSON.parse(r.definition).k) : ''}`;

/** Families whose segments partition their population (every scored subject is in exactly one). */
const PARTITION_KINDS: ReadonlySet<string> = new Set(['rfm', 'cluster']);

/**
 * Indices of the hidden segments of one family. Every segment is hidden when it or its complement in
 * the population has 1 to k - 1 people (the population is public through other families); in a
 * partition, secondary suppression also hides the next smallest cells so that the population minus
 * the shown sizes never gives a hidden size away (see suppressPartition).
 */
function hiddenCells(
  kind: string,
  cells: ReadonlyArray<{ size: number; population: number }>,
  k: number,
): Set<number> {
  if (PARTITION_KINDS.has(kind) && cells.length > 0)
    return suppressPartition(
      cells.map((c) => c.size),
      Math.max(...cells.map((c) => c.population)),
      k,
    );
  const hidden = new Set<number>();
  cells.forEach((c, i) => {
    if (isSmallSubset(c.size, c.population, k)) hidden.add(i);
  });
  return hidden;
}

/**
 * Hidden segment ids, and the families with a hidden segment (their population is hidden too). A
 * family with a stale segment also hides its population: it counted the erased person.
 */
function disclosure(rows: readonly SegmentRow[], k: number): { hidden: Set<string>; families: Set<string> } {
  const byFamily = new Map<string, SegmentRow[]>();
  for (const r of rows) {
    const list = byFamily.get(familyOf(r)) ?? [];
    list.push(r);
    byFamily.set(familyOf(r), list);
  }
  const hidden = new Set<string>();
  const families = new Set<string>();
  for (const [family, members] of byFamily) {
    const cells = hiddenCells(members[0]!.kind, members, k);
    for (const i of cells) hidden.add(members[i]!.id);
    if (cells.size > 0 || members.some((m) => m.stale_since !== null)) families.add(family);
  }
  return { hidden, families };
}

function segmentViews(rows: readonly SegmentRow[], k: number): SegmentView[] {
  const { hidden, families } = disclosure(rows, k);
  return rows.map((r) => segmentView(r, k, hidden.has(r.id), families.has(familyOf(r))));
}

function segmentView(r: SegmentRow, k: number, suppressed: boolean, familyHidden: boolean): SegmentView {
  const stale = r.stale_since !== null;
  const size = suppressed || stale ? null : r.size;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as SegmentView['kind'],
    definition: JSON.parse(r.definition),
    size,
    // k-anonymity only: a stale segment's figures are hidden for another reason (`stale`).
    suppressed,
    population: familyHidden || stale ? null : suppressCount(r.population, k),
    profile: size === null ? null : JSON.parse(r.profile),
    computedAt: r.computed_at,
    stale,
    staleSince: r.stale_since,
  };
}

export async function listSegments(vigie: Vigie): Promise<SegmentView[]> {
  const k = (await readInsightsSettings(vigie)).kAnonymity;
  const rows = await vigie.db.selectFrom('segments').selectAll().orderBy('name').execute();
  return segmentViews(rows, k);
}

export async function getSegment(vigie: Vigie, id: string): Promise<SegmentView> {
  const row = await vigie.db.selectFrom('segments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('segment');
  const family = await vigie.db
    .selectFrom('segments')
    .selectAll()
    .where('kind', '=', row.kind)
    .where('computed_at', '=', row.computed_at)
    .execute();
  const k = (await readInsightsSettings(vigie)).kAnonymity;
  const { hidden, families } = disclosure(
    family.filter((r) => familyOf(r) === familyOf(row)),
    k,
  );
  return segmentView(row, k, hidden.has(row.id), families.has(familyOf(row)));
}

/**
 * The segment list as CSV (sizes suppressed as on screen; a stale segment says so instead of figures;
 * names escaped against formula injection).
 */
export async function segmentsCsv(vigie: Vigie): Promise<string> {
  const rows = (await listSegments(vigie)).map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    size: s.stale ? 'stale' : s.suppressed ? 'suppressed' : s.size,
    population: s.stale ? 'stale' : (s.population ?? 'suppressed'),
    computed_at: s.computedAt,
  }));
  return toCsv(rows, ['id', 'name', 'kind', 'size', 'population', 'computed_at']);
}

/** Members of a segment who still consent to `purpose` (consent may have been withdrawn since). */
export async function segmentMembers(
  vigie: Vigie,
  id: string,
  allowed: ReadonlySet<string>,
): Promise<Set<string>> {
  const rows = await vigie.db
    .selectFrom('segment_members')
    .select('subject')
    .where('segment_id', '=', id)
    .execute();
  return new Set(rows.map((r) => r.subject).filter((s) => allowed.has(s)));
}

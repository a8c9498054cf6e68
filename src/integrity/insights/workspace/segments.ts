import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Principal } from '../../../core/access/permissions.js';
import { chunked, type Executor, notFound, nowIso, type Vigie } from '../../../core/index.js';
import { toCsv } from '../../csv-export.js';
import { clusterSubjects } from '../clusters.js';
import { behaviouralFeatures } from '../features.js';
import { suppressCount } from '../k-anonymity.js';
import { trainPropensity } from '../propensity.js';
import { RFM_SEGMENTS, rfmScores } from '../rfm.js';
import type { InsightEvent } from '../types.js';
import { readInsightsSettings } from './settings.js';
import { consentedEvents, defaultSources, type InsightSources } from './sources.js';

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
    threshold: z.number().min(0).max(1).default(0.5),
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
  /** null when between 1 and k - 1 (k-anonymity). */
  size: number | null;
  suppressed: boolean;
  population: number | null;
  /** Aggregates (means, model AUC); null when the segment is suppressed. */
  profile: Record<string, unknown> | null;
  computedAt: string;
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
  const at = nowIso();
  const ids: string[] = [];
  await vigie.db.transaction().execute(async (tx) => {
    // Consent withdrawn while computing: those people are not stored as members.
    const still = await sources.consenting(vigie, 'profiling', tx);
    for (const c of computed) {
      const members = c.members.filter((m) => still.has(m.subject));
      ids.push(await storeSegment(tx, vigie, actor, def.kind, { ...c, members }, at));
    }
  });
  const k = (await readInsightsSettings(vigie)).kAnonymity;
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
  };
  if (existing) {
    await tx.deleteFrom('segment_members').where('segment_id', '=', id).execute();
    await tx.updateTable('segments').set(row).where('id', '=', id).execute();
    await staleUses(tx, vigie, actor, id);
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
      details: { kind, size: c.members.length, population: c.population },
    },
  ]);
  return id;
}

/**
 * New members were never audited: approved or pending uses of the old members become `stale` and
 * must be requested again (with a new audit).
 */
async function staleUses(
  tx: Executor,
  vigie: Vigie,
  actor: Principal | undefined,
  id: string,
): Promise<void> {
  const uses = await tx
    .updateTable('segment_uses')
    .set({ status: 'stale' })
    .where('segment_id', '=', id)
    .where('status', 'in', ['approved', 'review'])
    .returning('id')
    .execute();
  if (uses.length === 0) return;
  await vigie.ledger.append(tx, [
    {
      actor: actorOf(actor),
      action: 'insights.segment.use.stale',
      target: `segment:${id}`,
      details: { uses: uses.map((u) => u.id) },
    },
  ]);
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
};

/** One computation's segments share a population: the RFM segments, the k clusters of a run. */
const familyOf = (r: SegmentRow) => `${r.kind}|${r.computed_at}`;

/** Families with a hidden segment: their population minus the shown sizes would give it away. */
function hiddenFamilies(rows: readonly SegmentRow[], k: number): Set<string> {
  return new Set(rows.filter((r) => suppressCount(r.size, k) === null).map(familyOf));
}

function segmentViews(rows: readonly SegmentRow[], k: number): SegmentView[] {
  const hidden = hiddenFamilies(rows, k);
  return rows.map((r) => segmentView(r, k, hidden.has(familyOf(r))));
}

function segmentView(r: SegmentRow, k: number, familyHidden: boolean): SegmentView {
  const size = suppressCount(r.size, k);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as SegmentView['kind'],
    definition: JSON.parse(r.definition),
    size,
    suppressed: size === null,
    population: familyHidden ? null : suppressCount(r.population, k),
    profile: size === null ? null : JSON.parse(r.profile),
    computedAt: r.computed_at,
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
  return segmentView(row, k, hiddenFamilies(family, k).has(familyOf(row)));
}

/** The segment list as CSV (sizes suppressed as on screen; names escaped against formula injection). */
export async function segmentsCsv(vigie: Vigie): Promise<string> {
  const rows = (await listSegments(vigie)).map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    size: s.suppressed ? 'suppressed' : s.size,
    population: s.population ?? 'suppressed',
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

import { z } from 'zod';
import { actorOf, type Principal } from '../../../core/access/permissions.js';
import { chunked, notFound, nowIso, type Vigie } from '../../../core/index.js';
import {
  buildRecommender,
  popularAmong,
  RECOMMENDER_EVENT_TYPES,
  type Recommendation,
  type RecommenderModel,
  recommend,
} from '../recommend.js';
import { readInsightsSettings } from './settings.js';
import { consentedEvents, defaultSources, type InsightSources } from './sources.js';

export const subjectParamSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a subject id');
export const recommendOptionsSchema = z.strictObject({ n: z.number().int().min(1).max(50).default(10) });

export interface SubjectRecommendations {
  subject: string;
  /** False: the subject has not consented to recommendations; only non-personalised items are shown. */
  personalised: boolean;
  items: Recommendation[];
}

interface Context {
  model: RecommenderModel;
  consenting: Set<string>;
  /** subject -> favourites of its smallest segment of at least k members. */
  segmentPopular: (subject: string) => readonly string[] | undefined;
}

/** The model trains on accepted rating, purchase and click events of consenting subjects only. */
async function loadContext(vigie: Vigie, sources: InsightSources): Promise<Context> {
  const { subjects, events } = await consentedEvents(
    vigie,
    sources,
    'recommendations',
    RECOMMENDER_EVENT_TYPES,
  );
  const k = (await readInsightsSettings(vigie)).kAnonymity;
  // k-anonymity: items of fewer than k distinct subjects are neither popular nor similar to anything.
  const model = buildRecommender(events, { minUsers: k });
  // Members who withdrew profiling consent since the segment was computed are left out, and k is
  // checked on who is left: favourites of fewer than k people would describe them.
  const profiling = await sources.consenting(vigie, 'profiling');
  const rows = await vigie.db.selectFrom('segment_members').select(['subject', 'segment_id']).execute();
  const members = new Map<string, string[]>();
  for (const r of rows) {
    if (!subjects.has(r.subject) || !profiling.has(r.subject)) continue;
    const list = members.get(r.segment_id) ?? [];
    list.push(r.subject);
    members.set(r.segment_id, list);
  }
  const best = new Map<string, { segment: string; size: number }>();
  for (const [segment, list] of members) {
    if (list.length < k) continue;
    for (const subject of list) {
      const cur = best.get(subject);
      if (!cur || list.length < cur.size) best.set(subject, { segment, size: list.length });
    }
  }
  const cache = new Map<string, string[]>();
  return {
    model,
    consenting: subjects,
    segmentPopular: (subject) => {
      const seg = best.get(subject)?.segment;
      if (!seg) return undefined;
      let list = cache.get(seg);
      if (!list) {
        list = popularAmong(model, members.get(seg) ?? []);
        cache.set(seg, list);
      }
      return list;
    },
  };
}

function forSubject(ctx: Context, subject: string, n: number): SubjectRecommendations {
  if (!ctx.consenting.has(subject))
    return { subject, personalised: false, items: recommend(ctx.model, '', { n }) };
  const segmentPopular = ctx.segmentPopular(subject);
  return {
    subject,
    personalised: true,
    items: recommend(ctx.model, subject, segmentPopular ? { n, segmentPopular } : { n }),
  };
}

/** Recommendations for one subject, computed now from accepted events. */
export async function recommendForSubject(
  vigie: Vigie,
  subject: string,
  options: z.input<typeof recommendOptionsSchema> = {},
  sources: InsightSources = defaultSources,
): Promise<SubjectRecommendations> {
  const s = subjectParamSchema.parse(subject);
  const { n } = recommendOptionsSchema.parse(options);
  const context = await currentContext(vigie, sources);
  // A mistyped id would otherwise read as "has not consented" next to the popular items.
  if (!context.consenting.has(s) && !(await isKnownSubject(vigie, s))) throw notFound('customer');
  return forSubject(context, s, n);
}

/** A customer of the vault, or someone events were received for. */
async function isKnownSubject(vigie: Vigie, subject: string): Promise<boolean> {
  const [profile, event] = await Promise.all([
    vigie.db.selectFrom('customers').select('subject').where('subject', '=', subject).executeTakeFirst(),
    vigie.db
      .selectFrom('customer_events')
      .select('subject')
      .where('subject', '=', subject)
      .limit(1)
      .executeTakeFirst(),
  ]);
  return profile !== undefined || event !== undefined;
}

/**
 * The last context built per workspace and the ledger size it was built at. Every change to events,
 * consents, customers, segments or settings appends to the ledger, so an unchanged size means unchanged
 * inputs, and a withdrawal or an erasure still takes effect on the very next request.
 */
const contexts = new WeakMap<Vigie, { version: number; context: Promise<Context> }>();

async function currentContext(vigie: Vigie, sources: InsightSources): Promise<Context> {
  if (sources !== defaultSources) return loadContext(vigie, sources);
  // Read before the inputs: a change landing meanwhile makes the next request rebuild, never the reverse.
  const version = await vigie.ledger.size();
  const cached = contexts.get(vigie);
  if (cached?.version === version) return cached.context;
  const entry = { version, context: loadContext(vigie, sources) };
  contexts.set(vigie, entry);
  entry.context.catch(() => {
    if (contexts.get(vigie) === entry) contexts.delete(vigie);
  });
  return entry.context;
}

export interface BatchResult {
  subjects: number;
  computedAt: string;
  /** Milliseconds per subject (model build excluded), for the bench. */
  perSubjectMs: number[];
  buildMs: number;
}

/** Recomputes and stores the recommendations of every consenting subject (replacing the previous run). */
export async function computeRecommendations(
  vigie: Vigie,
  actor: Principal | undefined,
  options: z.input<typeof recommendOptionsSchema> = {},
  sources: InsightSources = defaultSources,
): Promise<BatchResult> {
  const { n } = recommendOptionsSchema.parse(options);
  const t0 = performance.now();
  const ctx = await loadContext(vigie, sources);
  const buildMs = performance.now() - t0;
  const at = nowIso();
  const perSubjectMs: number[] = [];
  const rows: Array<{ subject: string; items: string; computed_at: string }> = [];
  for (const subject of [...ctx.consenting].sort()) {
    const t = performance.now();
    const r = forSubject(ctx, subject, n);
    perSubjectMs.push(performance.now() - t);
    rows.push({ subject, items: JSON.stringify(r.items), computed_at: at });
  }
  let stored = rows;
  await vigie.db.transaction().execute(async (tx) => {
    // Consent withdrawn while computing: nothing is stored for those people.
    const still = await sources.consenting(vigie, 'recommendations', tx);
    stored = rows.filter((r) => still.has(r.subject));
    await tx.deleteFrom('recommendations').execute();
    for (const part of chunked(stored, 1000)) await tx.insertInto('recommendations').values(part).execute();
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'insights.recommendations.compute',
        target: 'recommendations',
        details: { subjects: stored.length, n },
      },
    ]);
  });
  return { subjects: stored.length, computedAt: at, perSubjectMs, buildMs };
}

/** The stored batch result for a subject, if any, and only while they consent to recommendations. */
export async function storedRecommendations(vigie: Vigie, subject: string): Promise<Recommendation[] | null> {
  const row = await vigie.db
    .selectFrom('recommendations as r')
    .innerJoin('customer_consents as c', 'c.subject', 'r.subject')
    .select('r.items')
    .where('r.subject', '=', subjectParamSchema.parse(subject))
    .where('c.purpose', '=', 'recommendations')
    .where('c.status', '=', 'given')
    .executeTakeFirst();
  return row ? JSON.parse(row.items) : null;
}

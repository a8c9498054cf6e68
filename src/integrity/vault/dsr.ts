import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  actorOf,
  chunked,
  type Executor,
  type Ledger,
  notFound,
  nowIso,
  type Principal,
  type Vigie,
} from '../../core/index.js';
import { voidSegmentUses } from '../segment-uses.js';
import { listConsents } from './consents.js';
import { readProfile } from './profiles.js';
import { SUBJECT_TABLES } from './subject-tables.js';

/** Rows per other table in an access export: beyond that the export says it is truncated. */
const MAX_EXPORT_ROWS = 10_000;

export interface AccessExport {
  requestId: string;
  generatedAt: string;
  subject: string;
  profile: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  lastActiveAt: string | null;
  consents: Awaited<ReturnType<typeof listConsents>>;
  /** Every other table of SUBJECT_TABLES, with the rows held about the subject. */
  records: Record<string, { rows: Record<string, unknown>[]; truncated: boolean }>;
  /** What was done with the data and when (the ledger's entries about the subject: ids only). */
  history: Array<{ seq: number; at: string; action: string; details: unknown }>;
}

const OWN = new Set(['customers', 'customer_consents']);

/** Right of access (GDPR art. 15): everything held about the subject, the profile decrypted. */
export async function accessExport(
  vigie: Vigie,
  actor: Principal | undefined,
  subject: string,
): Promise<AccessExport> {
  const requestId = randomUUID();
  const stored = await readProfile(vigie, vigie.db, subject);
  const records: AccessExport['records'] = {};
  for (const t of SUBJECT_TABLES) {
    if (OWN.has(t.table)) continue;
    const res = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(t.table)} where ${sql.ref(t.column)} = ${subject} limit ${MAX_EXPORT_ROWS + 1}`.execute(
      vigie.db,
    );
    records[t.table] = {
      rows: res.rows.slice(0, MAX_EXPORT_ROWS),
      truncated: res.rows.length > MAX_EXPORT_ROWS,
    };
  }
  const out: AccessExport = {
    requestId,
    generatedAt: new Date().toISOString(),
    subject,
    profile: { ...stored.profile },
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    lastActiveAt: stored.lastActiveAt,
    consents: await listConsents(vigie.db, subject),
    records,
    history: (
      await vigie.db
        .selectFrom('ledger_entries')
        .select(['seq', 'at', 'action', 'details'])
        .where('target', '=', `subject:${subject}`)
        .orderBy('seq')
        .limit(MAX_EXPORT_ROWS)
        .execute()
    ).map((e) => ({ ...e, details: JSON.parse(e.details) as unknown })),
  };
  await vigie.ledger.record({
    actor: actorOf(actor),
    action: 'customers.dsr.access',
    target: `subject:${subject}`,
    details: {
      requestId,
      rows: Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.rows.length])),
    },
  });
  return out;
}

/**
 * Deletes the subjects' rows from every table of SUBJECT_TABLES, children first. Deleting the
 * customers row destroys the per-subject key, so any copy of the sealed profile (a backup, a WAL page)
 * can no longer be opened once the backups that hold the key have expired. A table missing from the
 * database makes the whole transaction fail: the list is a contract, not a hint.
 */
export async function deleteSubjects(tx: Executor, subjects: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of [...SUBJECT_TABLES].reverse()) {
    let n = 0;
    for (const part of chunked(subjects, 500)) {
      const res =
        await sql`delete from ${sql.table(t.table)} where ${sql.ref(t.column)} in (${sql.join(part)})`.execute(
          tx,
        );
      n += Number(res.numAffectedRows ?? 0);
    }
    counts[t.table] = (counts[t.table] ?? 0) + n;
  }
  return counts;
}

/**
 * What an erasure or a retention purge did to data derived from the people (counts only): stored
 * recommendations of other customers dropped, and segments marked stale.
 */
export interface ErasureDerived {
  /** Other customers' stored recommendation rows deleted (the subjects' own are in `deleted`). */
  recommendations: number;
  /**
   * Segments marked `stale_since` now: every segment of the families the subjects belonged to. Their
   * stored size, population and profile still count the people, so they are hidden and the segments
   * cannot be used until recomputed.
   */
  segmentsAffected: number;
  /** Segment uses (pending or approved) voided because their audit counted the people removed. */
  usesVoided: number;
}

/**
 * Removes the subjects everywhere (deleteSubjects) and from what was derived from them, in the
 * caller's transaction: erasure and retention purges share it.
 * - The families of the segments they belonged to are marked stale (`stale_since`, the first removal is
 *   kept), and every propensity family if they ever consented to profiling (its population counted
 *   everyone scored): stored aggregates still count the people. Memberships and consents are read
 *   before deleteSubjects drops them.
 * - Every stored recommendation is dropped, other customers' included: they came from a model trained
 *   with these people's events (an item only they bought can still be recommended to others). The next
 *   `vigie recommend compute` (or the Recommendations page) rebuilds them without them; live ones are rebuilt from events.
 */
export async function removeSubjects(
  tx: Executor,
  ledger: Pick<Ledger, 'append'>,
  actor: string,
  subjects: string[],
  at: string = nowIso(),
): Promise<{ counts: Record<string, number>; derived: ErasureDerived }> {
  const segmentIds = new Set<string>();
  let profiled = false;
  for (const part of chunked(subjects, 500)) {
    const rows = await tx
      .selectFrom('segment_members')
      .select('segment_id')
      .distinct()
      .where('subject', 'in', part)
      .execute();
    for (const r of rows) segmentIds.add(r.segment_id);
    // Propensity segments store members only, but their population counts everyone scored: anyone who
    // ever consented to profiling may be in it. Read before deleteSubjects drops the consents.
    const consent = await tx
      .selectFrom('customer_consents')
      .select('subject')
      .where('subject', 'in', part)
      .where('purpose', '=', 'profiling')
      .where('given_at', 'is not', null)
      .executeTakeFirst();
    profiled ||= consent !== undefined;
  }
  // The whole family of each segment (same kind, same computation) goes stale, not only the person's
  // segments: marking just those would tell which segment (an RFM class, a score band) they were in.
  const stale = new Set<string>();
  for (const part of chunked([...segmentIds], 500)) {
    const rows = await tx
      .selectFrom('segments as s')
      .select('s.id')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('segments as p')
            .select('p.id')
            .whereRef('p.kind', '=', 's.kind')
            .whereRef('p.computed_at', '=', 's.computed_at')
            .where('p.id', 'in', part),
        ),
      )
      .execute();
    for (const r of rows) stale.add(r.id);
  }
  if (profiled) {
    const scored = await tx
      .selectFrom('segments')
      .select('id')
      .where('kind', '=', 'propensity')
      .where('computed_at', '<=', at)
      .execute();
    for (const r of scored) stale.add(r.id);
  }
  const counts = await deleteSubjects(tx, subjects);
  let segmentsAffected = 0;
  for (const part of chunked([...stale], 500)) {
    const marked = await tx
      .updateTable('segments')
      .set({ stale_since: at })
      .where('id', 'in', part)
      .where('stale_since', 'is', null)
      .executeTakeFirst();
    segmentsAffected += Number(marked.numUpdatedRows ?? 0);
  }
  // Pending and approved uses rest on an audit that counted the people: they must be requested again.
  const usesVoided = await voidSegmentUses(tx, ledger, actor, [...stale]);
  const others = await tx.deleteFrom('recommendations').executeTakeFirst();
  return {
    counts,
    derived: {
      recommendations: Number(others.numDeletedRows ?? 0),
      segmentsAffected,
      usesVoided,
    },
  };
}

/** Right to erasure (GDPR art. 17): the profile, its key and the subject's rows everywhere, at once. */
export async function eraseSubject(
  vigie: Vigie,
  actor: Principal | undefined,
  subject: string,
): Promise<{ requestId: string; subject: string; deleted: Record<string, number>; derived: ErasureDerived }> {
  const requestId = randomUUID();
  const { counts, derived } = await vigie.db.transaction().execute(async (tx) => {
    const at = nowIso();
    const { counts, derived } = await removeSubjects(tx, vigie.ledger, actorOf(actor), [subject], at);
    // Events may exist without a profile: the request is honoured wherever the subject appears.
    if (Object.values(counts).every((n) => n === 0)) throw notFound('customer');
    await tx
      .insertInto('erased_subjects')
      .values({ subject, erased_at: at })
      .onConflict((oc) => oc.column('subject').doNothing())
      .execute();
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'customers.dsr.erase',
        target: `subject:${subject}`,
        // Counts only: never which segments (with a small one, that would say who was in it).
        details: { requestId, deleted: counts, derived },
      },
    ]);
    return { counts, derived };
  });
  return { requestId, subject, deleted: counts, derived };
}

/**
 * Subjects whose erasure was requested: data about them is not taken again. Loaded whole: erasure
 * requests are rare next to the customer base, and one query beats a lookup per batch of events.
 */
export async function erasedSubjects(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('erased_subjects').select('subject').execute();
  return new Set(rows.map((r) => r.subject));
}

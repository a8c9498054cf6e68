import { sql } from 'kysely';
import {
  AppError,
  actorOf,
  because,
  type Executor,
  nowIso,
  type Principal,
  type Vigie,
} from '../../core/index.js';
import {
  type Consent,
  type ConsentInput,
  consentInputSchema,
  consentTime,
  isFutureConsent,
  PURPOSES,
  type Purpose,
} from './model.js';
import { requireSubject } from './profiles.js';

export interface ConsentWrite {
  purpose: Purpose;
  status: 'given' | 'withdrawn';
  lawful_basis: string;
  source: string;
  at: string;
}

/**
 * Records consent decisions (one statement per batch). A withdrawal keeps the date consent was given
 * (proof of what held when); giving again clears the withdrawal. At most one write per subject and
 * purpose per call: PostgreSQL refuses to update the same row twice in one statement.
 *
 * Decisions are ordered by their date, not by when they reach us: a write dated before the stored
 * decision (e.g. a consent given in 2020 replayed after a withdrawal made today, through the API or a
 * re-import of an old CRM export) is ignored, so an older consent can never override a newer
 * withdrawal. A write dated at the same instant as the stored one applies (last writer wins).
 * Returns the writes that were ignored for that reason. Dates are compared as ISO-8601 UTC text
 * (`toISOString`, the only format stored), which orders like the instants they denote.
 */
export async function writeConsents(
  tx: Executor,
  writes: Array<ConsentWrite & { subject: string }>,
): Promise<Array<ConsentWrite & { subject: string }>> {
  if (writes.length === 0) return [];
  const now = nowIso();
  const applied = await tx
    .insertInto('customer_consents')
    .values(
      writes.map((w) => {
        const at = new Date(w.at).toISOString();
        const given = w.status === 'given';
        return {
          subject: w.subject,
          purpose: w.purpose,
          status: w.status,
          lawful_basis: w.lawful_basis,
          source: w.source,
          given_at: given ? at : null,
          withdrawn_at: given ? null : at,
          updated_at: now,
        };
      }),
    )
    .onConflict((oc) =>
      oc
        .columns(['subject', 'purpose'])
        .doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          lawful_basis: eb.ref('excluded.lawful_basis'),
          source: eb.ref('excluded.source'),
          given_at: eb
            .case()
            .when('excluded.status', '=', 'given')
            .then(eb.ref('excluded.given_at'))
            .else(eb.ref('customer_consents.given_at'))
            .end(),
          withdrawn_at: eb.ref('excluded.withdrawn_at'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        // The stored decision's date: its withdrawal if withdrawn, else when it was given.
        .where(
          sql<boolean>`coalesce(case when customer_consents.status = 'withdrawn' then customer_consents.withdrawn_at else customer_consents.given_at end, '') <= coalesce(excluded.given_at, excluded.withdrawn_at)`,
        ),
    )
    // A conflicting row whose update the WHERE refused is not returned: that is how we see it.
    .returning(['subject', 'purpose'])
    .execute();
  if (applied.length === writes.length) return [];
  const done = new Set(applied.map((r) => `${r.subject} ${r.purpose}`));
  return writes.filter((w) => !done.has(`${w.subject} ${w.purpose}`));
}

export async function listConsents(db: Executor, subject: string): Promise<Consent[]> {
  const rows = await db
    .selectFrom('customer_consents')
    .selectAll()
    .where('subject', '=', subject)
    .orderBy('purpose')
    .execute();
  return rows.map(({ subject: _s, ...r }) => r as Consent);
}

export async function getConsents(vigie: Vigie, subject: string): Promise<Consent[]> {
  await requireSubject(vigie.db, subject);
  return listConsents(vigie.db, subject);
}

export async function setConsent(
  vigie: Vigie,
  actor: Principal | undefined,
  subject: string,
  input: ConsentInput,
): Promise<Consent[]> {
  const c = consentInputSchema.parse(input);
  if (c.at && isFutureConsent(c.at))
    throw new AppError('VALIDATION', 'a consent cannot be dated in the future');
  await vigie.db.transaction().execute(async (tx) => {
    await requireSubject(tx, subject);
    const ignored = await writeConsents(tx, [
      {
        subject,
        purpose: c.purpose,
        status: c.status,
        lawful_basis: c.lawful_basis,
        source: c.source,
        at: consentTime(c.at, nowIso()),
      },
    ]);
    // An older decision never replaces a newer one (a replayed consent after a withdrawal): 409.
    if (ignored.length > 0)
      throw new AppError(
        'CONFLICT',
        `a more recent consent decision is already recorded for ${c.purpose}: this one, dated earlier, was not applied`,
        because('consent-outdated'),
      );
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: `customers.consent.${c.status === 'given' ? 'give' : 'withdraw'}`,
        target: `subject:${subject}`,
        details: { purpose: c.purpose, lawfulBasis: c.lawful_basis },
      },
    ]);
  });
  return listConsents(vigie.db, subject);
}

/**
 * Subjects whose data may be used for a purpose: a consent (or another lawful basis) is recorded and
 * not withdrawn. Profiles with nothing recorded for the purpose are excluded: no record, no use.
 */
export async function consentingSubjects(vigie: Pick<Vigie, 'db'>, purpose: Purpose): Promise<Set<string>> {
  if (!PURPOSES.includes(purpose)) throw new AppError('VALIDATION', `unknown purpose ${String(purpose)}`);
  const rows = await vigie.db
    .selectFrom('customer_consents')
    .select('subject')
    .where('purpose', '=', purpose)
    .where('status', '=', 'given')
    .execute();
  return new Set(rows.map((r) => r.subject));
}

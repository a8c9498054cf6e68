import { AppError, actorOf, type Executor, nowIso, type Principal, type Vigie } from '../../core/index.js';
import { type Consent, type ConsentInput, consentInputSchema, PURPOSES, type Purpose } from './model.js';
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
 */
export async function writeConsents(
  tx: Executor,
  writes: Array<ConsentWrite & { subject: string }>,
): Promise<void> {
  if (writes.length === 0) return;
  const now = nowIso();
  await tx
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
      oc.columns(['subject', 'purpose']).doUpdateSet((eb) => ({
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
      })),
    )
    .execute();
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
  if (c.at && Date.parse(c.at) > Date.now() + 60_000)
    throw new AppError('VALIDATION', 'a consent cannot be dated in the future');
  await vigie.db.transaction().execute(async (tx) => {
    await requireSubject(tx, subject);
    await writeConsents(tx, [
      {
        subject,
        purpose: c.purpose,
        status: c.status,
        lawful_basis: c.lawful_basis,
        source: c.source,
        at: c.at ?? nowIso(),
      },
    ]);
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

import { z } from 'zod';
import {
  AppError,
  actorOf,
  chunked,
  type Executor,
  notFound,
  nowIso,
  type Principal,
  type Vigie,
} from '../../core/index.js';
import { type Profile, type ProfileFields, profileFieldsSchema } from './model.js';
import { normalisePhone } from './phone.js';
import { openProfile, sealProfile } from './seal.js';
import { emailIndex, normaliseEmail, phoneIndex } from './subject.js';
import { type IssueCode, profileRules } from './validate-row.js';

export interface StoredProfile {
  subject: string;
  profile: Profile;
  createdAt: string;
  updatedAt: string;
  lastActiveAt: string | null;
}

/** Subject ids are base64url HMAC-SHA-256 outputs: checking the shape keeps junk out of queries. */
export const subjectSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a subject id');

export async function requireSubject(db: Executor, subject: string): Promise<void> {
  const row = await db
    .selectFrom('customers')
    .select('subject')
    .where('subject', '=', subject)
    .executeTakeFirst();
  if (!row) throw notFound('customer');
}

/** Inserts or replaces profiles (upsert by subject); each gets a fresh per-subject key. */
export async function writeProfiles(
  vigie: Vigie,
  tx: Executor,
  rows: Array<{ subject: string; profile: Profile; phone: string | undefined }>,
): Promise<void> {
  if (rows.length === 0) return;
  const now = nowIso();
  const values = rows.map((r) => ({
    subject: r.subject,
    ...sealProfile(vigie, r.subject, r.profile),
    email_bidx: r.profile.email ? emailIndex(vigie, r.profile.email) : null,
    phone_bidx: r.phone ? phoneIndex(vigie, r.phone) : null,
    created_at: now,
    updated_at: now,
    last_active_at: null,
  }));
  await tx
    .insertInto('customers')
    .values(values)
    .onConflict((oc) =>
      oc.column('subject').doUpdateSet((eb) => ({
        key_enc: eb.ref('excluded.key_enc'),
        profile_enc: eb.ref('excluded.profile_enc'),
        email_bidx: eb.ref('excluded.email_bidx'),
        phone_bidx: eb.ref('excluded.phone_bidx'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export async function readProfile(vigie: Vigie, db: Executor, subject: string): Promise<StoredProfile> {
  const row = await db.selectFrom('customers').selectAll().where('subject', '=', subject).executeTakeFirst();
  if (!row) throw notFound('customer');
  return {
    subject,
    profile: await openProfile(vigie, subject, row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActiveAt: row.last_active_at,
  };
}

/** The stored profiles among `subjects`, opened (one query: callers batch, e.g. 500 at a time). */
export async function readProfiles(
  vigie: Vigie,
  db: Executor,
  subjects: string[],
): Promise<Map<string, Profile>> {
  const out = new Map<string, Profile>();
  if (subjects.length === 0) return out;
  const rows = await db
    .selectFrom('customers')
    .select(['subject', 'key_enc', 'profile_enc'])
    .where('subject', 'in', subjects)
    .execute();
  for (const row of rows) out.set(row.subject, await openProfile(vigie, row.subject, row));
  return out;
}

/** Reading a decrypted profile is recorded: who looked at whom (ids only). */
export async function getProfile(
  vigie: Vigie,
  actor: Principal | undefined,
  subject: string,
): Promise<StoredProfile> {
  const stored = await readProfile(vigie, vigie.db, subject);
  await vigie.ledger.record({
    actor: actorOf(actor),
    action: 'customers.read',
    target: `subject:${subject}`,
    details: {},
  });
  return stored;
}

/**
 * Strict: an unknown field is refused, not silently dropped (a typo such as `mail` would otherwise
 * search nothing and answer "no match"). The e-mail and phone are checked for shape here, so a value
 * that cannot be in the index (`jean.dupont`, `+33 1`) is a 400, not an empty 200.
 */
export const findInputSchema = z
  .strictObject({
    email: z.string().trim().min(3).max(254).pipe(z.email('not a valid e-mail address')).optional(),
    phone: z
      .string()
      .trim()
      .min(3)
      .max(40)
      .refine((p) => normalisePhone(p, undefined) !== undefined, 'not a valid phone number')
      .optional(),
  })
  .refine((v) => Boolean(v.email) !== Boolean(v.phone), 'give either an e-mail or a phone number');

/** Equality search through the blind indexes: the plaintext is never compared in the database. */
export async function findSubjects(
  vigie: Vigie,
  actor: Principal | undefined,
  input: z.input<typeof findInputSchema>,
): Promise<string[]> {
  const q = findInputSchema.parse(input);
  let query = vigie.db.selectFrom('customers').select('subject');
  if (q.email) query = query.where('email_bidx', '=', emailIndex(vigie, q.email));
  else {
    const e164 = normalisePhone(q.phone!, undefined);
    if (!e164) throw new AppError('VALIDATION', 'not a valid phone number');
    query = query.where('phone_bidx', '=', phoneIndex(vigie, e164));
  }
  const subjects = (await query.orderBy('subject').limit(100).execute()).map((r) => r.subject);
  await vigie.ledger.record({
    actor: actorOf(actor),
    action: 'customers.find',
    target: 'customers',
    details: { by: q.email ? 'email' : 'phone', matches: subjects.length },
  });
  return subjects;
}

/** A patch: a field set to null is removed from the profile. */
export const rectifyInputSchema = z
  .object(
    Object.fromEntries(
      Object.entries(profileFieldsSchema.shape).map(([k, s]) => [
        k,
        (s as z.ZodOptional<z.ZodType>).unwrap().nullable().optional(),
      ]),
    ) as {
      [K in keyof ProfileFields]-?: z.ZodOptional<z.ZodNullable<z.ZodType<NonNullable<ProfileFields[K]>>>>;
    },
  )
  .strict();
export type RectifyInput = z.input<typeof rectifyInputSchema>;

export type MergedProfile =
  | { ok: true; profile: Profile; phone: string | undefined }
  | { ok: false; problems: Array<[column: string, code: IssueCode, reason: string]> };

/**
 * A stored profile updated field by field (rectification, re-import): a field in the patch replaces
 * the stored one, null removes it, fields the patch leaves out are kept. The result is checked as a
 * whole (a gender needs a lawful basis, a phone must read with the country), with its E.164 phone.
 */
export function mergeProfile(current: Profile, patch: Record<string, unknown>): MergedProfile {
  const merged: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete merged[k];
    else merged[k] = k === 'email' ? normaliseEmail(String(v)) : v;
  }
  const next = merged as unknown as Profile;
  const problems = profileRules(next, next.external_id);
  if (problems.length > 0) return { ok: false, problems };
  let phone: string | undefined;
  if (next.phone) {
    phone = normalisePhone(next.phone, next.country);
    if (!phone) return { ok: false, problems: [['phone', 'invalid_phone', 'not a valid phone number']] };
  }
  return { ok: true, profile: next, phone };
}

export async function rectifyProfile(
  vigie: Vigie,
  actor: Principal | undefined,
  subject: string,
  input: RectifyInput,
): Promise<StoredProfile> {
  const patch = rectifyInputSchema.parse(input) as Record<string, unknown>;
  const fields = Object.keys(patch);
  if (fields.length === 0) throw new AppError('VALIDATION', 'nothing to rectify');
  await vigie.db.transaction().execute(async (tx) => {
    const current = await readProfile(vigie, tx, subject);
    const merged = mergeProfile(current.profile, patch);
    if (!merged.ok) {
      const [column, , reason] = merged.problems[0]!;
      throw new AppError('VALIDATION', `${column}: ${reason}`);
    }
    await writeProfiles(vigie, tx, [{ subject, profile: merged.profile, phone: merged.phone }]);
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'customers.rectify',
        target: `subject:${subject}`,
        details: { fields },
      },
    ]);
  });
  return readProfile(vigie, vigie.db, subject);
}

/** Marks subjects as active (events call it), which restarts their retention period. */
export async function markActive(db: Executor, subjects: string[], at: string = nowIso()): Promise<void> {
  for (const part of chunked(subjects, 500)) {
    await db.updateTable('customers').set({ last_active_at: at }).where('subject', 'in', part).execute();
  }
}

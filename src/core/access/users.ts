import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Executor, User } from '../db/index.js';
import { nowIso } from '../db/index.js';
import { AppError, notFound } from '../errors.js';
import type { Vigie } from '../workspace.js';
import { checkPasswordStrength, hashPassword } from './passwords.js';
import { actorOf, type Principal, ROLES, type Role } from './permissions.js';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,63}$/,
    'a username has 2 to 64 letters, digits, dots, dashes or underscores',
  );
export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const roleSchema = z.enum(ROLES);

export const newUserSchema = z.object({
  username: usernameSchema,
  password: z.string().min(1).max(256),
  role: roleSchema,
  email: emailSchema.optional(),
  displayName: z.string().trim().min(1).max(120).optional(),
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const userPatchSchema = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    email: emailSchema.nullable().optional(),
    displayName: z.string().trim().min(1).max(120).nullable().optional(),
    password: z.string().min(1).max(256).optional(),
  })
  .strict();
export type UserPatch = z.input<typeof userPatchSchema>;

/** A user as shown to administrators: decrypted fields, never the password hash. */
export interface UserView {
  id: string;
  username: string;
  displayName: string | null;
  email: string | null;
  role: Role;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

const EMAIL_FIELD = { table: 'users', column: 'email' };

function seal(vigie: Vigie, id: string, column: string, value: string | null | undefined): string | null {
  return value ? vigie.keyring.seal(value, { table: 'users', column, row: id }) : null;
}

export async function toUserView(vigie: Vigie, row: User): Promise<UserView> {
  const open = (column: string, v: string | null) =>
    v ? vigie.keyring.open(v, { table: 'users', column, row: row.id }) : Promise.resolve(null);
  return {
    id: row.id,
    username: row.username,
    displayName: await open('display_name', row.display_name_enc),
    email: await open('email', row.email_enc),
    role: row.role as Role,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until && row.locked_until > nowIso() ? row.locked_until : null,
    createdAt: row.created_at,
  };
}

export async function createUser(
  vigie: Vigie,
  actor: Principal | undefined,
  input: NewUserInput,
): Promise<UserView> {
  const data = newUserSchema.parse(input);
  checkPasswordStrength(data.password);
  const passwordHash = await hashPassword(data.password);
  const id = randomUUID();
  const now = nowIso();
  const row = await vigie.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('users')
      .select('id')
      .where('username', '=', data.username)
      .executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', 'a user with this username already exists');
    const user = {
      id,
      username: data.username,
      email_enc: seal(vigie, id, 'email', data.email),
      email_bidx: data.email ? vigie.keyring.blindIndex(data.email, EMAIL_FIELD) : null,
      display_name_enc: seal(vigie, id, 'display_name', data.displayName),
      role: data.role,
      password_hash: passwordHash,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      locale: null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('users').values(user).execute();
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'user.create', target: `user:${id}`, details: { role: data.role } },
    ]);
    return user;
  });
  return toUserView(vigie, row);
}

export async function listUsers(vigie: Vigie): Promise<UserView[]> {
  const rows = await vigie.db.selectFrom('users').selectAll().orderBy('username').execute();
  return Promise.all(rows.map((r) => toUserView(vigie, r)));
}

export async function getUserRow(db: Executor, id: string): Promise<User> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('user');
  return row;
}

export async function findUserByUsername(db: Executor, username: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

/** Equality lookup on the encrypted e-mail through its blind index. */
export async function findUserByEmail(vigie: Vigie, email: string): Promise<UserView | undefined> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return undefined;
  const row = await vigie.db
    .selectFrom('users')
    .selectAll()
    .where('email_bidx', '=', vigie.keyring.blindIndex(parsed.data, EMAIL_FIELD))
    .executeTakeFirst();
  return row ? toUserView(vigie, row) : undefined;
}

/** Role changes, disabling (which ends every session at once), profile and password updates. */
export async function updateUser(
  vigie: Vigie,
  actor: Principal | undefined,
  id: string,
  patch: UserPatch,
): Promise<UserView> {
  const data = userPatchSchema.parse(patch);
  if (data.password !== undefined) checkPasswordStrength(data.password);
  const passwordHash = data.password !== undefined ? await hashPassword(data.password) : undefined;
  const row = await vigie.db.transaction().execute(async (tx) => {
    const user = await getUserRow(tx, id);
    if (actor && actor.userId === id && (data.disabled === true || (data.role && data.role !== user.role))) {
      throw new AppError('FORBIDDEN', 'you cannot disable yourself or change your own role');
    }
    if ((data.disabled === true || (data.role && data.role !== 'admin')) && user.role === 'admin') {
      let activeAdmins = tx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled', '=', 0);
      // Two demotions at once on PostgreSQL must not both count two admins: lock their rows. SQLite
      // transactions already run one at a time (BEGIN IMMEDIATE).
      if (vigie.storage.dialect === 'postgres') activeAdmins = activeAdmins.forUpdate();
      const admins = await activeAdmins.execute();
      if (admins.length <= 1 && user.disabled === 0) {
        throw new AppError('CONFLICT', 'the last active administrator cannot be disabled or demoted');
      }
    }
    const update: Partial<User> = { updated_at: nowIso() };
    const entries: { action: string; details: Record<string, unknown> }[] = [];
    if (data.role && data.role !== user.role) {
      update.role = data.role;
      entries.push({ action: 'user.role', details: { from: user.role, to: data.role } });
    }
    if (data.disabled !== undefined && (data.disabled ? 1 : 0) !== user.disabled) {
      update.disabled = data.disabled ? 1 : 0;
      entries.push({ action: data.disabled ? 'user.disable' : 'user.enable', details: {} });
    }
    if (data.email !== undefined) {
      update.email_enc = seal(vigie, id, 'email', data.email);
      update.email_bidx = data.email ? vigie.keyring.blindIndex(data.email, EMAIL_FIELD) : null;
      entries.push({ action: 'user.update', details: { fields: ['email'] } });
    }
    if (data.displayName !== undefined) {
      update.display_name_enc = seal(vigie, id, 'display_name', data.displayName);
      entries.push({ action: 'user.update', details: { fields: ['displayName'] } });
    }
    if (passwordHash) {
      update.password_hash = passwordHash;
      update.failed_logins = 0;
      update.locked_until = null;
      entries.push({ action: 'user.password', details: {} });
    }
    await tx.updateTable('users').set(update).where('id', '=', id).execute();
    // A disabled user, a changed role or a new password ends every open session at once.
    if (update.disabled === 1 || update.role || passwordHash) {
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    if (entries.length > 0) {
      await vigie.ledger.append(
        tx,
        entries.map((e) => ({
          actor: actorOf(actor),
          action: e.action,
          target: `user:${id}`,
          details: e.details,
        })),
      );
    }
    return { ...user, ...update };
  });
  return toUserView(vigie, row);
}

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * First start: creates the `admin` user with VIGIE_ADMIN_PASSWORD, or a random password that the caller
 * prints once. Does nothing when any user exists.
 */
export async function ensureAdmin(
  vigie: Vigie,
): Promise<{ created: boolean; password?: string; generated?: boolean }> {
  const any = await vigie.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false };
  const generated = !vigie.config.adminPassword;
  const password = vigie.config.adminPassword ?? generatePassword();
  try {
    await createUser(vigie, undefined, { username: 'admin', password, role: 'admin' });
  } catch (err) {
    // Another instance created it first.
    if (err instanceof AppError && err.code === 'CONFLICT') return { created: false };
    throw err;
  }
  return { created: true, password, generated };
}

import type { Executor } from '../db/index.js';
import { nowIso } from '../db/index.js';
import type { Vigie } from '../workspace.js';
import { isRole, type Principal, permissionsOf } from './permissions.js';
import { digest, newSecret } from './secrets.js';

export const SESSION_TTL_MS = 12 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  tx: Executor,
  userId: string,
): Promise<{ cookie: string; expiresAt: string }> {
  const cookie = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await tx
    .insertInto('sessions')
    .values({
      id_hash: digest(cookie),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { cookie, expiresAt };
}

/** Resolves a session cookie to its principal; a disabled user or an expired session resolves to nothing. */
export async function resolveSession(vigie: Vigie, cookie: string): Promise<Principal | undefined> {
  if (cookie.length > 128) return undefined;
  const idHash = digest(cookie);
  const row = await vigie.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.role',
      'users.disabled',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  const now = nowIso();
  if (!row || row.disabled === 1 || row.expires_at <= now || !isRole(row.role)) return undefined;
  if (Date.parse(now) - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await vigie.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  return {
    userId: row.id,
    username: row.username,
    role: row.role,
    permissions: new Set(permissionsOf(row.role)),
    via: 'session',
  };
}

export async function deleteSession(vigie: Vigie, cookie: string): Promise<void> {
  await vigie.db.deleteFrom('sessions').where('id_hash', '=', digest(cookie)).execute();
}

export async function purgeExpiredSessions(vigie: Vigie): Promise<number> {
  const res = await vigie.db.deleteFrom('sessions').where('expires_at', '<=', nowIso()).executeTakeFirst();
  return Number(res.numDeletedRows);
}

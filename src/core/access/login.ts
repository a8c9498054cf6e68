import { createHmac } from 'node:crypto';
import { nowIso } from '../db/index.js';
import { AppError } from '../errors.js';
import type { Vigie } from '../workspace.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { isRole, type Principal, permissionsOf } from './permissions.js';
import { createSession } from './sessions.js';
import { findUserByUsername } from './users.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
const INVALID_DETAIL = `invalid username or password; after ${MAX_FAILED_LOGINS} failures in a row an account is locked for ${LOCKOUT_MS / 60_000} minutes`;

export interface LoginResult {
  principal: Principal;
  cookie: string;
  expiresAt: string;
}

/**
 * Checks a password and opens a session. Failures are counted per account; after MAX_FAILED_LOGINS in a
 * row the account is locked for LOCKOUT_MS. Every outcome lands in the ledger, with ids and a keyed hash
 * of an unknown username, never the name typed.
 */
export async function login(vigie: Vigie, username: string, password: string): Promise<LoginResult> {
  const name = username.trim().toLowerCase().slice(0, 128);
  const user = await findUserByUsername(vigie.db, name);
  if (!user) {
    await burnPasswordCheck(password);
    await vigie.ledger.record({
      actor: 'anonymous',
      action: 'auth.login.failure',
      details: { reason: 'unknown-user', username: usernameDigest(vigie, name) },
    });
    throw new AppError('INVALID_CREDENTIALS', INVALID_DETAIL);
  }
  const target = `user:${user.id}`;
  const failure = async (reason: string, lock: boolean) => {
    await vigie.db.transaction().execute(async (tx) => {
      if (lock) {
        await tx
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: new Date(Date.now() + LOCKOUT_MS).toISOString() })
          .where('id', '=', user.id)
          .execute();
      }
      const entries = [{ actor: 'anonymous', action: 'auth.login.failure', target, details: { reason } }];
      if (lock)
        entries.push({
          actor: 'system',
          action: 'auth.lockout',
          target,
          details: { reason: 'failed-logins' },
        });
      await vigie.ledger.append(tx, entries);
    });
    // The same answer as for an unknown user: the response never tells which accounts exist or are locked.
    return new AppError('INVALID_CREDENTIALS', INVALID_DETAIL);
  };
  // Reserve the attempt atomically before the (slow) password check, so parallel guesses cannot
  // all slip in before the counter reaches the limit, on one instance or several.
  const reserved = await vigie.db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso())]))
    .executeTakeFirst();
  if (Number(reserved.numUpdatedRows) === 0) {
    await burnPasswordCheck(password);
    throw await failure('locked', false);
  }
  const { failed_logins: attempt } = await vigie.db
    .selectFrom('users')
    .select('failed_logins')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (attempt > MAX_FAILED_LOGINS) throw await failure('too-many-attempts', true);
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok || user.disabled === 1 || !isRole(user.role)) {
    throw await failure(user.disabled === 1 ? 'disabled' : 'bad-password', attempt >= MAX_FAILED_LOGINS);
  }
  const session = await vigie.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    const s = await createSession(tx, user.id);
    await vigie.ledger.append(tx, [{ actor: target, action: 'auth.login', target }]);
    return s;
  });
  return {
    principal: {
      userId: user.id,
      username: user.username,
      role: user.role,
      permissions: new Set(permissionsOf(user.role)),
      via: 'session',
    },
    cookie: session.cookie,
    expiresAt: session.expiresAt,
  };
}

function usernameDigest(vigie: Vigie, name: string): string {
  return createHmac('sha256', vigie.keyring.deriveKey('ledger-usernames'))
    .update(name)
    .digest('base64url')
    .slice(0, 22);
}

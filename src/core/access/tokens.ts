import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApiToken } from '../db/index.js';
import { nowIso } from '../db/index.js';
import { AppError, notFound } from '../errors.js';
import type { Vigie } from '../workspace.js';
import { actorOf, isRole, type Principal, permissionsOf, type Role } from './permissions.js';
import { digest, newSecret } from './secrets.js';
import { getUserRow, roleSchema } from './users.js';

export const TOKEN_PREFIX = 'vgt_';
export const MAX_TOKEN_DAYS = 366;

export const newTokenSchema = z.object({
  name: z.string().trim().min(1).max(80),
  role: roleSchema,
  userId: z.string().uuid().optional(),
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(90),
});
export type NewTokenInput = z.input<typeof newTokenSchema>;

export interface TokenView {
  id: string;
  name: string;
  userId: string;
  username: string;
  role: Role;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

function toView(row: ApiToken & { username: string }): TokenView {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    username: row.username,
    role: row.role as Role,
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** Creates a token for a user (default: the actor). The secret is returned once and stored hashed. */
export async function createToken(
  vigie: Vigie,
  actor: Principal,
  input: NewTokenInput,
): Promise<{ token: TokenView; secret: string }> {
  const data = newTokenSchema.parse(input);
  const userId = data.userId ?? actor.userId;
  const secret = newSecret(TOKEN_PREFIX);
  const id = randomUUID();
  const now = new Date();
  const row = await vigie.db.transaction().execute(async (tx) => {
    const user = await getUserRow(tx, userId);
    if (user.disabled === 1) throw new AppError('CONFLICT', 'tokens cannot be created for a disabled user');
    const values = {
      id,
      user_id: userId,
      name: data.name,
      role: data.role,
      token_hash: digest(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + data.expiresInDays * 86_400_000).toISOString(),
      revoked_at: null,
      last_used_at: null,
    };
    await tx.insertInto('api_tokens').values(values).execute();
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'token.create',
        target: `token:${id}`,
        details: { user: `user:${userId}`, role: data.role, expiresInDays: data.expiresInDays },
      },
    ]);
    return { ...values, username: user.username };
  });
  return { token: toView(row), secret };
}

export async function listTokens(vigie: Vigie): Promise<TokenView[]> {
  const rows = await vigie.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select('users.username')
    .orderBy('api_tokens.created_at', 'desc')
    .execute();
  return rows.map(toView);
}

export async function revokeToken(vigie: Vigie, actor: Principal, id: string): Promise<void> {
  await vigie.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('api_tokens')
      .select(['id', 'revoked_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('token');
    if (row.revoked_at) return;
    await tx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
    await vigie.ledger.append(tx, [{ actor: actorOf(actor), action: 'token.revoke', target: `token:${id}` }]);
  });
}

/**
 * Resolves a bearer token. Its permissions are those of its role, never more than its owner's role
 * allows; a disabled owner, an expired or a revoked token resolves to nothing.
 */
export async function resolveToken(vigie: Vigie, secret: string): Promise<Principal | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 128) return undefined;
  const row = await vigie.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.role',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'users.id as user_id',
      'users.username',
      'users.role as user_role',
      'users.disabled',
    ])
    .where('api_tokens.token_hash', '=', digest(secret))
    .executeTakeFirst();
  const now = nowIso();
  if (!row || row.revoked_at || row.disabled === 1 || (row.expires_at && row.expires_at <= now))
    return undefined;
  if (!isRole(row.role) || !isRole(row.user_role)) return undefined;
  const owner = new Set(permissionsOf(row.user_role));
  const permissions = new Set(permissionsOf(row.role).filter((p) => owner.has(p)));
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await vigie.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role,
    permissions,
    via: 'token',
    tokenId: row.id,
    // Separation of duties looks at the person: a token with a lesser role does not change who owns it.
    ownerRole: row.user_role,
  };
}

import type { Vigie } from '../../core/workspace.js';

/**
 * The name shown publicly (provenance manifests, verification): a display name when one is set,
 * else the role; never a username or an e-mail.
 */
export async function publicNameOf(vigie: Vigie, identity: string): Promise<string> {
  if (!identity.startsWith('user:')) return identity === 'cli' ? 'operator' : identity;
  const id = identity.slice('user:'.length);
  const row = await vigie.db
    .selectFrom('users')
    .select(['id', 'role', 'display_name_enc'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return 'former user';
  if (row.display_name_enc) {
    return vigie.keyring.open(row.display_name_enc, { table: 'users', column: 'display_name', row: row.id });
  }
  return row.role;
}

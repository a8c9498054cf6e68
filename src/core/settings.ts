import { createHash } from 'node:crypto';
import { actorOf, type Principal } from './access/permissions.js';
import { type Executor, nowIso } from './db/index.js';
import { AppError } from './errors.js';
import type { Vigie } from './workspace.js';

/** Workspace settings: one row per key, each change in the ledger with a hash of the new value. */
export const MAX_SETTING_BYTES = 256 * 1024;

export async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(
  vigie: Vigie,
  actor: Principal | undefined,
  key: string,
  value: string,
  action: string,
): Promise<void> {
  if (Buffer.byteLength(value) > MAX_SETTING_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `settings are limited to ${MAX_SETTING_BYTES / 1024} KB`);
  }
  const now = nowIso();
  await vigie.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('settings')
      .values({ key, value, updated_at: now, updated_by: actorOf(actor) })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: actorOf(actor) }),
      )
      .execute();
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action,
        target: `setting:${key}`,
        details: { sha256: createHash('sha256').update(value).digest('hex') },
      },
    ]);
  });
}

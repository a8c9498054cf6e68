import { sql } from 'kysely';
import { actorOf, type Principal } from '../access/permissions.js';
import type { Vigie } from '../workspace.js';
import { parseSealed } from './keyring.js';

/** A column holding sealed values; modules register theirs so rewrap moves every ciphertext forward. */
export interface SealedColumn {
  table: string;
  column: string;
  /** The column used as the row id in the associated data. */
  idColumn: string;
  /** The `column` name used in the associated data when it differs from the SQL column. */
  aadColumn: string;
}

const sealedColumns: SealedColumn[] = [
  { table: 'users', column: 'email_enc', idColumn: 'id', aadColumn: 'email' },
  { table: 'users', column: 'display_name_enc', idColumn: 'id', aadColumn: 'display_name' },
  { table: 'known_values', column: 'value_enc', idColumn: 'id', aadColumn: 'value' },
  { table: 'pseudonym_maps', column: 'mapping_enc', idColumn: 'id', aadColumn: 'mapping' },
  { table: 'email_analyses', column: 'subject_enc', idColumn: 'id', aadColumn: 'subject' },
  { table: 'email_analyses', column: 'from_enc', idColumn: 'id', aadColumn: 'from' },
  { table: 'mailbox_settings', column: 'imap_password_enc', idColumn: 'id', aadColumn: 'imap_password' },
  { table: 'mailbox_settings', column: 'smtp_password_enc', idColumn: 'id', aadColumn: 'smtp_password' },
  { table: 'mailbox_reports', column: 'reporter_enc', idColumn: 'id', aadColumn: 'reporter' },
  { table: 'studio_drafts', column: 'brief_enc', idColumn: 'id', aadColumn: 'brief' },
  { table: 'studio_versions', column: 'content_enc', idColumn: 'id', aadColumn: 'content' },
  { table: 'studio_comments', column: 'body_enc', idColumn: 'id', aadColumn: 'body' },
  { table: 'studio_providers', column: 'api_key_enc', idColumn: 'name', aadColumn: 'api_key' },
  { table: 'conversations', column: 'state_enc', idColumn: 'id', aadColumn: 'state' },
  { table: 'conversation_messages', column: 'text_enc', idColumn: 'id', aadColumn: 'text' },
  // Per-subject data keys: the profiles they seal need no rewrap, erasure deletes the key.
  { table: 'customers', column: 'key_enc', idColumn: 'subject', aadColumn: 'data_key' },
];

export function registerSealedColumn(column: SealedColumn): void {
  if (!sealedColumns.some((c) => c.table === column.table && c.column === column.column))
    sealedColumns.push(column);
}

export function listSealedColumns(): readonly SealedColumn[] {
  return sealedColumns;
}

export async function rotateDataKey(vigie: Vigie, actor: Principal | undefined): Promise<number> {
  const version = await vigie.db.transaction().execute(async (tx) => {
    const v = await vigie.keyring.rotate(tx);
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'keys.rotate', target: `key:data:${v}`, details: { version: v } },
    ]);
    return v;
  });
  await vigie.keyring.reload();
  return version;
}

export interface RewrapProgress {
  table: string;
  column: string;
  rewrapped: number;
}

/**
 * Re-seals every value written under an older data key with the current one. Each batch is its own
 * transaction and each row update is a compare-and-swap on the old ciphertext, so an interrupted run
 * loses nothing and the next run simply carries on.
 */
export async function rewrapAll(
  vigie: Vigie,
  actor: Principal | undefined,
  options: { batchSize?: number; maxRows?: number; onProgress?: (p: RewrapProgress) => void } = {},
): Promise<{ rewrapped: number; remaining: number; version: number }> {
  const batchSize = options.batchSize ?? 200;
  await vigie.keyring.reload();
  // The target is fixed at the start: a rotation by another instance meanwhile must not restart the work.
  const version = vigie.keyring.dataKeyVersion;
  const current = `vk${version}:%`;
  let rewrapped = 0;
  const db = vigie.db as unknown as import('kysely').Kysely<Record<string, Record<string, string | null>>>;
  for (const col of sealedColumns) {
    let done = 0;
    let lastId = '';
    for (;;) {
      if (options.maxRows !== undefined && rewrapped >= options.maxRows) break;
      const rows = await db
        .selectFrom(col.table)
        .select([`${col.idColumn} as id`, `${col.column} as value`])
        .where(col.column, 'is not', null)
        .where(col.column, 'not like', current)
        .where(col.idColumn, '>', lastId)
        .orderBy(col.idColumn)
        .limit(batchSize)
        .execute();
      if (rows.length === 0) break;
      lastId = String(rows[rows.length - 1]!.id);
      let moved = 0;
      await db.transaction().execute(async (tx) => {
        for (const row of rows) {
          const sealed = parseSealed(String(row.value));
          // Already under the target or a newer key: nothing to do.
          if (sealed && sealed.version >= version) continue;
          const ctx = { table: col.table, column: col.aadColumn, row: String(row.id) };
          const plain = await vigie.keyring.open(String(row.value), ctx);
          await tx
            .updateTable(col.table)
            .set({ [col.column]: vigie.keyring.sealWith(version, plain, ctx) })
            .where(col.idColumn, '=', row.id)
            .where(col.column, '=', row.value)
            .execute();
          moved++;
        }
      });
      done += moved;
      rewrapped += moved;
      options.onProgress?.({ table: col.table, column: col.column, rewrapped: done });
    }
  }
  const remaining = await countStale(vigie, current);
  if (rewrapped > 0) {
    await vigie.ledger.record({
      actor: actorOf(actor),
      action: 'keys.rewrap',
      target: `key:data:${version}`,
      details: { rewrapped, remaining },
    });
  }
  return { rewrapped, remaining, version };
}

async function countStale(vigie: Vigie, currentPattern: string): Promise<number> {
  let total = 0;
  for (const col of sealedColumns) {
    const res = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(col.table)} where ${sql.ref(col.column)} is not null and ${sql.ref(col.column)} not like ${currentPattern}`.execute(
      vigie.db,
    );
    total += Number(res.rows[0]?.n ?? 0);
  }
  return total;
}

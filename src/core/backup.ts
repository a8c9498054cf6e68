import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, linkSync, rmSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type Kysely, sql } from 'kysely';
import { nowIso } from './db/index.js';
import { TABLE_ORDER } from './db/tables.js';
import { AppError } from './errors.js';
import type { Vigie } from './workspace.js';

/**
 * Backup file: MAGIC, a JSON header line, then AES-256-GCM chunks, each `u32 length || nonce || body ||
 * tag`, whose associated data binds the header hash, the chunk index and a "last chunk" flag: a
 * reordered, truncated or edited file fails before anything is restored. The plaintext is JSON lines
 * `{ "t": table, "r": row }` with binary values as `{ "$b": base64 }`. The key derives from the master
 * key, so a backup restores only where the same master key is configured.
 */
const MAGIC = Buffer.from('VIGIEBK1\n');
const CHUNK = 1024 * 1024;
const PAGE = 1000;

interface Header {
  format: 'vigie-backup/1';
  createdAt: string;
  engine: string;
  nonceSeed: string;
  migrations: string[];
  counts: Record<string, number>;
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

function chunkAad(headerHash: Buffer, index: number, last: boolean): Buffer {
  const b = Buffer.alloc(headerHash.length + 9);
  headerHash.copy(b);
  b.writeBigUInt64BE(BigInt(index), headerHash.length);
  b[b.length - 1] = last ? 1 : 0;
  return b;
}

function encodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = Buffer.isBuffer(v) ? { $b: v.toString('base64') } : v;
  return out;
}

function decodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] =
      v && typeof v === 'object' && '$b' in (v as object)
        ? Buffer.from((v as { $b: string }).$b, 'base64')
        : v;
  }
  return out;
}

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => String(r.name));
}

/** A consistent online copy: one read snapshot (WAL on SQLite, REPEATABLE READ on PostgreSQL). */
export async function backup(
  vigie: Vigie,
  outFile: string,
  onProgress?: (table: string, rows: number) => void,
): Promise<Header> {
  const key = vigie.keyring.deriveKey('backup/v1');
  const tmp = `${outFile}.partial-${randomBytes(4).toString('hex')}`;
  const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
  const db = vigie.db as unknown as AnyDb;
  try {
    // SQLite transactions are serialisable already; PostgreSQL needs REPEATABLE READ for one snapshot.
    const txb =
      vigie.storage.dialect === 'postgres'
        ? db.transaction().setIsolationLevel('repeatable read')
        : db.transaction();
    const header = await txb.execute(async (tx) => {
      const counts: Record<string, number> = {};
      for (const t of TABLE_ORDER) {
        const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(tx);
        counts[t] = Number(r.rows[0]?.n ?? 0);
      }
      const h: Header = {
        format: 'vigie-backup/1',
        createdAt: nowIso(),
        engine: vigie.storage.dialect,
        nonceSeed: randomBytes(8).toString('hex'),
        migrations: await appliedMigrations(tx as unknown as AnyDb),
        counts,
      };
      const headerLine = Buffer.from(`${JSON.stringify(h)}\n`);
      const headerHash = createHash('sha256').update(headerLine).digest();
      out.write(MAGIC);
      out.write(headerLine);
      let index = 0;
      let pending: Buffer[] = [];
      let pendingSize = 0;
      const flush = (last: boolean) => {
        const plain = Buffer.concat(pending);
        pending = [];
        pendingSize = 0;
        const nonce = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', key, nonce);
        cipher.setAAD(chunkAad(headerHash, index++, last));
        const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
        const len = Buffer.alloc(4);
        len.writeUInt32BE(nonce.length + body.length);
        return out.write(Buffer.concat([len, nonce, body]));
      };
      for (const t of TABLE_ORDER) {
        let offset = 0;
        for (;;) {
          // Stable order so paging inside the snapshot is exact.
          const rows = await sql<
            Record<string, unknown>
          >`select * from ${sql.table(t)} order by 1, 2 limit ${PAGE} offset ${offset}`.execute(tx);
          for (const row of rows.rows) {
            const line = Buffer.from(`${JSON.stringify({ t, r: encodeRow(row) })}\n`);
            pending.push(line);
            pendingSize += line.length;
            if (pendingSize >= CHUNK && !flush(false))
              await new Promise<void>((r) => out.once('drain', () => r()));
          }
          offset += rows.rows.length;
          onProgress?.(t, offset);
          if (rows.rows.length < PAGE) break;
        }
      }
      flush(true);
      return h;
    });
    out.end();
    await finished(out);
    // link() fails when the target exists: a backup never replaces a file (least of all the database).
    try {
      linkSync(tmp, outFile);
    } catch (err) {
      throw new AppError(
        'VALIDATION',
        (err as NodeJS.ErrnoException).code === 'EEXIST'
          ? `${outFile} already exists`
          : `cannot write ${outFile}`,
      );
    } finally {
      rmSync(tmp, { force: true });
    }
    await vigie.ledger.record({
      actor: 'cli',
      action: 'backup.create',
      details: { rows: Object.values(header.counts).reduce((a, b) => a + b, 0) },
    });
    return header;
  } catch (err) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Reads the file, checking every chunk; yields the decrypted JSON lines only when asked to. */
async function* readBackup(
  file: string,
  key: Buffer,
  emit: boolean,
): AsyncGenerator<{ header: Header } | { line: string }> {
  let stream: Readable;
  try {
    stream = createReadStream(file);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
  } catch {
    throw new AppError('VALIDATION', `cannot read ${file}`);
  }
  const corrupt = (why: string) =>
    new AppError('INTEGRITY', `the backup failed its integrity check (${why}); nothing was restored`);
  let buf = Buffer.alloc(0);
  let header: Header | undefined;
  let headerHash: Buffer | undefined;
  let index = 0;
  let sawLast = false;
  let carry = '';
  for await (const chunk of stream) {
    buf = Buffer.concat([buf, chunk as Buffer]);
    if (!header) {
      if (buf.length < MAGIC.length) continue;
      if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) throw corrupt('not a Vigie backup');
      const nl = buf.indexOf(0x0a, MAGIC.length);
      if (nl < 0) {
        if (buf.length > 65536) throw corrupt('header too long');
        continue;
      }
      const headerLine = buf.subarray(MAGIC.length, nl + 1);
      try {
        header = JSON.parse(headerLine.toString('utf8')) as Header;
      } catch {
        throw corrupt('unreadable header');
      }
      if (header.format !== 'vigie-backup/1') throw corrupt('unknown format');
      headerHash = createHash('sha256').update(headerLine).digest();
      buf = buf.subarray(nl + 1);
      yield { header };
    }
    while (buf.length >= 4) {
      const len = buf.readUInt32BE(0);
      if (len < 28 || len > CHUNK * 4) throw corrupt('bad chunk length');
      if (buf.length < 4 + len) break;
      if (sawLast) throw corrupt('data after the last chunk');
      const nonce = buf.subarray(4, 16);
      const body = buf.subarray(16, 4 + len - 16);
      const tag = buf.subarray(4 + len - 16, 4 + len);
      buf = buf.subarray(4 + len);
      const isLast = buf.length === 0;
      let plain: Buffer | undefined;
      for (const last of isLast ? [true, false] : [false, true]) {
        try {
          const d = createDecipheriv('aes-256-gcm', key, nonce);
          d.setAAD(chunkAad(headerHash!, index, last));
          d.setAuthTag(tag);
          plain = Buffer.concat([d.update(body), d.final()]);
          sawLast = last;
          break;
        } catch {
          // try the other flag: the last chunk may arrive before the stream reports its end
        }
      }
      if (!plain)
        throw corrupt(
          index === 0 ? 'wrong master key, or the file was modified' : `chunk ${index} was modified`,
        );
      index++;
      if (emit) {
        const text = carry + plain.toString('utf8');
        const lines = text.split('\n');
        carry = lines.pop() ?? '';
        for (const line of lines) if (line) yield { line };
      }
    }
  }
  if (!header) throw corrupt('not a Vigie backup');
  if (buf.length > 0) throw corrupt('truncated chunk');
  if (!sawLast) throw corrupt('the file is truncated');
}

/** Checks the whole file, then replaces the workspace's content in one transaction. */
export async function restore(
  vigie: Vigie,
  file: string,
  onProgress?: (rows: number) => void,
): Promise<Header> {
  const key = vigie.keyring.deriveKey('backup/v1');
  let header: Header | undefined;
  for await (const item of readBackup(file, key, false)) if ('header' in item) header = item.header;
  const known = new Set(await appliedMigrations(vigie.db as unknown as AnyDb));
  const unknown = header!.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION',
      `the backup comes from a newer Vigie (migration ${unknown[0]}): upgrade first`,
    );
  }
  const db = vigie.db as unknown as AnyDb;
  let rows = 0;
  await db.transaction().execute(async (tx) => {
    for (const t of [...TABLE_ORDER].reverse()) await tx.deleteFrom(t).execute();
    let batch: { t: string; r: Record<string, unknown> }[] = [];
    const flush = async () => {
      // One insert per run of same-table rows keeps the order parents-first.
      let i = 0;
      while (i < batch.length) {
        const t = batch[i]!.t;
        let j = i;
        while (j < batch.length && batch[j]!.t === t && j - i < 200) j++;
        await tx
          .insertInto(t)
          .values(batch.slice(i, j).map((b) => b.r))
          .execute();
        i = j;
      }
      rows += batch.length;
      batch = [];
      onProgress?.(rows);
    };
    for await (const item of readBackup(file, key, true)) {
      if (!('line' in item)) continue;
      const { t, r } = JSON.parse(item.line) as { t: string; r: Record<string, unknown> };
      if (!(TABLE_ORDER as readonly string[]).includes(t))
        throw new AppError('INTEGRITY', `unknown table ${t} in backup`);
      batch.push({ t, r: decodeRow(r) });
      if (batch.length >= 1000) await flush();
    }
    await flush();
    // Sessions from the backup's time must not come back to life.
    await tx.deleteFrom('sessions').execute();
  });
  await vigie.keyring.reload();
  await vigie.ledger.record({
    actor: 'cli',
    action: 'backup.restore',
    details: { rows, createdAt: header!.createdAt },
  });
  return header!;
}

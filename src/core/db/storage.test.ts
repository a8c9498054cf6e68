import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from './index.js';

describe('SQLite storage', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('takes the write lock when a transaction begins, so another process waits instead of failing later', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-storage-'));
    dirs.push(dir);
    const file = join(dir, 'vigie.db');
    const storage = openStorage({ kind: 'sqlite', file });
    await sql`create table t (x integer)`.execute(storage.db);
    const other = new SQLite(file);
    other.pragma('busy_timeout = 0');
    try {
      await storage.db.transaction().execute(async (tx) => {
        await sql`select count(*) from t`.execute(tx);
        // A deferred BEGIN would hold no lock yet after a read, and this would succeed.
        expect(() => other.exec('begin immediate')).toThrow(/locked|busy/i);
      });
      other.exec('begin immediate; insert into t values (1); commit');
    } finally {
      other.close();
      await storage.close();
    }
  });

  it('overwrites deleted rows, so erased secrets do not linger in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-storage-'));
    dirs.push(dir);
    const file = join(dir, 'vigie.db');
    const storage = openStorage({ kind: 'sqlite', file });
    await sql`create table t (x text)`.execute(storage.db);
    await sql`insert into t values (${'secret-key-material-0123456789'})`.execute(storage.db);
    await sql`delete from t`.execute(storage.db);
    storage.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    await storage.close();
    expect(readFileSync(file).includes('secret-key-material')).toBe(false);
  });
});

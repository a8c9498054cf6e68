import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type Driver,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { type Dialect, migrationsFor } from './migrations/index.js';
import type { Database } from './schema.js';

export { chunked } from './chunked.js';
export type { Dialect } from './migrations/index.js';
export type * from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or a transaction: repository functions accept both. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface Storage {
  db: Db;
  dialect: Dialect;
  /** The SQLite handle, for the online backup API; undefined on PostgreSQL. */
  sqlite: SQLite.Database | undefined;
  close(): Promise<void>;
}

// bigint columns (int8) come back from pg as strings; our values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE). With the default deferred
 * BEGIN, a transaction that reads and then writes while another process (the CLI next to the server)
 * committed meanwhile fails with SQLITE_BUSY at once; taking the lock first makes it wait on busy_timeout.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

export function openStorage(database: Config['database']): Storage {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: undefined, close: () => db.destroy() };
  }
  if (database.file !== ':memory:') {
    mkdirSync(dirname(database.file), { recursive: true, mode: 0o700 });
    // SQLite gives its -wal and -shm files the database file's mode: create it private.
    if (!existsSync(database.file)) closeSync(openSync(database.file, 'a', 0o600));
  }
  const sqlite = new SQLite(database.file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows are overwritten, so an erased customer's sealed key does not linger in free pages.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (default 2 MiB): batched event writes touch random pages of several indexes.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

export async function migrate(storage: Storage): Promise<void> {
  const migrations = migrationsFor(storage.dialect);
  const migrator = new Migrator({
    db: storage.db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its migration tables in every schema unless told which: another workspace in
    // the same PostgreSQL database (its own schema on the search_path) would be taken for this one.
    migrationTableSchema: storage.dialect === 'postgres' ? await currentSchema(storage.db) : undefined,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('INTERNAL', `database migration ${failed} failed: ${(error as Error).message}`);
  }
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}

export function nowIso(): string {
  return new Date().toISOString();
}

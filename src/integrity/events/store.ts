/**
 * Writes of events: multi-row inserts inside the caller's transaction, skipping event ids stored
 * meanwhile, and lookups of ids already stored.
 *
 * On SQLite the rows go through one prepared multi-row statement on the workspace's connection:
 * building a 1,000-row Kysely query per chunk costs more than SQLite takes to store it, and the
 * 50,000 events/s goal is mostly that overhead. The statement runs inside the caller's Kysely
 * transaction (SQLite has one connection, which the transaction holds), so atomicity is unchanged.
 */
import type SQLite from 'better-sqlite3';
import { chunked, type Executor, type Vigie } from '../../core/index.js';
import type { PreparedEvent } from './types.js';

/** 7 parameters a row: 3,500 a statement, under SQLite's 32,766 and PostgreSQL's 65,535. */
const INSERT_ROWS = 500;
const LOOKUP_CHUNK = 1000;
const COLUMNS = ['event_id', 'subject', 'type', 'item', 'value', 'occurred_at', 'batch_id'] as const;

/** The ids among `ids` that are stored already (duplicates to skip). */
export async function storedEventIds(
  vigie: Pick<Vigie, 'storage' | 'db'>,
  ids: readonly string[],
): Promise<Set<string>> {
  const sqlite = vigie.storage.sqlite;
  // On SQLite, one statement over a JSON array: fifty Kysely queries of 1,000 ids cost more than the lookups.
  if (sqlite) return new Set(lookupStatement(sqlite).pluck().all(JSON.stringify(ids)) as string[]);
  const found = new Set<string>();
  for (const part of chunked(ids, LOOKUP_CHUNK)) {
    const rows = await vigie.db
      .selectFrom('customer_events')
      .select('event_id')
      .where('event_id', 'in', part)
      .execute();
    for (const r of rows) found.add(r.event_id);
  }
  return found;
}

const lookups = new WeakMap<SQLite.Database, SQLite.Statement>();

function lookupStatement(sqlite: SQLite.Database): SQLite.Statement {
  let stmt = lookups.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare(
      'select event_id from customer_events where event_id in (select value from json_each(?))',
    );
    lookups.set(sqlite, stmt);
  }
  return stmt;
}

const row = (e: PreparedEvent, batchId: string) => ({
  event_id: e.eventId,
  subject: e.subject,
  type: e.type,
  item: e.item,
  value: e.value,
  occurred_at: e.occurredAt,
  batch_id: batchId,
});

/** Inserts the events of a batch; returns how many were new (a concurrent writer may have won some). */
export async function insertEvents(
  vigie: Pick<Vigie, 'storage'>,
  tx: Executor,
  batchId: string,
  events: readonly PreparedEvent[],
): Promise<number> {
  const sqlite = vigie.storage.sqlite;
  if (sqlite) return insertSqlite(sqlite, batchId, events);
  let inserted = 0;
  for (const part of chunked(events, INSERT_ROWS)) {
    const result = await tx
      .insertInto('customer_events')
      .values(part.map((e) => row(e, batchId)))
      .onConflict((oc) => oc.column('event_id').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

const statements = new WeakMap<SQLite.Database, Map<number, SQLite.Statement>>();

function insertStatement(sqlite: SQLite.Database, rows: number): SQLite.Statement {
  let byRows = statements.get(sqlite);
  if (!byRows) {
    byRows = new Map();
    statements.set(sqlite, byRows);
  }
  let stmt = byRows.get(rows);
  if (!stmt) {
    const one = `(${COLUMNS.map(() => '?').join(',')})`;
    stmt = sqlite.prepare(
      `insert into customer_events (${COLUMNS.join(',')}) values ${Array(rows).fill(one).join(',')} on conflict (event_id) do nothing`,
    );
    byRows.set(rows, stmt);
  }
  return stmt;
}

function insertSqlite(sqlite: SQLite.Database, batchId: string, events: readonly PreparedEvent[]): number {
  let inserted = 0;
  for (let i = 0; i < events.length; i += INSERT_ROWS) {
    const end = Math.min(i + INSERT_ROWS, events.length);
    const params: unknown[] = [];
    for (let k = i; k < end; k++) {
      const e = events[k]!;
      // The order of COLUMNS.
      params.push(e.eventId, e.subject, e.type, e.item, e.value, e.occurredAt, batchId);
    }
    inserted += insertStatement(sqlite, end - i).run(params).changes;
  }
  return inserted;
}

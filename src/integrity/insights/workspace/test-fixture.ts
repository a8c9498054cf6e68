/**
 * Customers and accepted events for insights tests: real vault imports, events in an accepted batch.
 * Imported by test files only.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import { nowIso, type Principal, type Vigie } from '../../../core/index.js';
import { importCustomers, subjectOf } from '../../vault/index.js';
import type { InsightEvent } from '../types.js';

/** The scenario's clock: events are dated relative to it. */
export const NOW = new Date('2026-11-29T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

export interface FixtureCustomer {
  id: string;
  gender?: 'female' | 'male';
  profiling?: boolean;
  recommendations?: boolean;
}

export async function importFixtureCustomers(
  vigie: Vigie,
  customers: readonly FixtureCustomer[],
): Promise<Map<string, string>> {
  const records = customers.map((c) => ({
    external_id: c.id,
    ...(c.gender ? { gender: c.gender, sensitive_basis: 'consent' } : {}),
    consent_profiling: c.profiling === false ? 'no' : 'yes',
    consent_recommendations: c.recommendations === false ? 'no' : 'yes',
  }));
  const report = await importCustomers(vigie, undefined, Readable.from([JSON.stringify(records)]), {
    format: 'json',
  });
  if (!report.ok) throw new Error(`fixture import failed: ${JSON.stringify(report.issues.slice(0, 3))}`);
  return new Map(customers.map((c) => [c.id, subjectOf(vigie, c.id)]));
}

/** Writes events straight into one accepted batch (the poisoning checks have their own tests). */
export async function insertAcceptedEvents(
  vigie: Vigie,
  events: readonly InsightEvent[],
  status = 'accepted',
): Promise<void> {
  const batch = randomUUID();
  await vigie.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('event_batches')
      .values({
        id: batch,
        source: 'api',
        received_at: nowIso(),
        count: events.length,
        fingerprint: 'test',
        stats: '{}',
        status: status as 'accepted',
        reasons: '[]',
        created_by: 'system',
      })
      .execute();
    for (let i = 0; i < events.length; i += 500)
      await tx
        .insertInto('customer_events')
        .values(
          events.slice(i, i + 500).map((e, j) => ({
            event_id: `${batch}-${i + j}`,
            subject: e.subject,
            type: e.type,
            item: e.item,
            value: e.value,
            occurred_at: e.occurredAt,
            batch_id: batch,
          })),
        )
        .execute();
  });
}

/**
 * 20 women and 20 men consent to profiling; 10 of each only browse (10 views), 10 of each buy three
 * of four products. The men bought 1 to 3 days ago, the women 100 to 102 days ago, so RFM puts the
 * men in `need_attention` (r = 3, f = 1) and the women in `hibernating` (r = 1, f = 1): targeting
 * need_attention would reach half the men and no woman. Two more customers bought but refused
 * profiling and recommendations (their item "secret" must never show up); a quarantined batch holds
 * an item "poison".
 */
export async function seedInsightsScenario(vigie: Vigie): Promise<Map<string, string>> {
  const customers: FixtureCustomer[] = [];
  for (let i = 0; i < 20; i++)
    customers.push({ id: `f${i}`, gender: 'female' }, { id: `m${i}`, gender: 'male' });
  customers.push({ id: 'x0', gender: 'female', profiling: false, recommendations: false });
  customers.push({ id: 'x1', gender: 'male', profiling: false, recommendations: false });
  customers.push({ id: 'r0', gender: 'female', recommendations: false });
  const ids = await importFixtureCustomers(vigie, customers);
  const s = (id: string) => ids.get(id)!;
  const events: InsightEvent[] = [];
  for (let i = 0; i < 20; i++) {
    for (const g of ['f', 'm']) {
      if (i < 10) {
        for (let v = 0; v < 10; v++)
          events.push({
            subject: s(`${g}${i}`),
            type: 'view',
            item: 'home',
            value: null,
            occurredAt: daysAgo(5),
          });
        continue;
      }
      for (let p = 0; p < 3; p++)
        events.push({
          subject: s(`${g}${i}`),
          type: 'purchase',
          item: `p${(i + p) % 4}`,
          value: 20,
          occurredAt: daysAgo((g === 'm' ? 1 : 100) + p),
        });
    }
  }
  for (const x of ['x0', 'x1'])
    events.push({ subject: s(x), type: 'purchase', item: 'secret', value: 5, occurredAt: daysAgo(1) });
  await insertAcceptedEvents(vigie, events);
  await insertAcceptedEvents(
    vigie,
    [{ subject: s('f10'), type: 'purchase', item: 'poison', value: 1, occurredAt: daysAgo(1) }],
    'quarantined',
  );
  return ids;
}

/** A signed-in user named after `name` (`u-analyst`, `analyst`) with that role, unless overridden. */
export function principal(name: Principal['role'], overrides: Partial<Principal> = {}): Principal {
  return {
    userId: `u-${name}`,
    username: name,
    role: name,
    permissions: new Set(),
    via: 'session',
    ...overrides,
  };
}

/** What `useInsightsScenario` gives a test: read them inside tests and hooks, not at collection time. */
export interface InsightsScenario {
  /** The workspace of the running test. */
  vigie(): Vigie;
  /** Its database, for reading and arranging rows directly. */
  db(): Vigie['db'];
  /** Fixture id (`f0`, `m10`, `x0`...) -> vault subject, for every seeded customer. */
  ids(): Map<string, string>;
  /** The vault subject of one fixture customer. */
  s(id: string): string;
}

/**
 * Opens a workspace with `open` (`() => openTestVigie(engine)`: test/support stays out of src) and
 * seeds `seedInsightsScenario` before each test of the enclosing describe; closes it after each.
 */
export function useInsightsScenario(
  open: () => Promise<{ vigie: Vigie; close(): Promise<void> }>,
): InsightsScenario {
  let t: { vigie: Vigie; close(): Promise<void> } | undefined;
  let ids: Map<string, string> | undefined;
  beforeEach(async () => {
    t = await open();
    ids = await seedInsightsScenario(t.vigie);
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
    ids = undefined;
  });
  const current = () => {
    if (!t || !ids) throw new Error('the insights scenario is only open inside a test');
    return { vigie: t.vigie, ids };
  };
  return {
    vigie: () => current().vigie,
    db: () => current().vigie.db,
    ids: () => current().ids,
    s: (id) => {
      const subject = current().ids.get(id);
      if (subject === undefined) throw new Error(`no fixture customer ${id}`);
      return subject;
    },
  };
}

import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Engine, engines, openTestVigie } from '../../../test/support/vigie.js';
import { createToken, createUser, type Principal, type Vigie } from '../../core/index.js';
import { generateGenuineRatings, injectAttack } from '../attack-generator.js';
import {
  acceptedEventList,
  decideBatch,
  getBatch,
  ingestEvents,
  listBatches,
  renderReasons,
} from './index.js';
import { ratingEvents } from './test-helpers.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString();
const view = (id: string, customer: string, item = 'sku-1', minute = 0) => ({
  event_id: id,
  customer_id: customer,
  type: 'view' as const,
  item,
  occurred_at: at(minute),
});

describe.each(engines)('events on %s', (engine: Engine) => {
  let vigie: Vigie;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ vigie, close } = await openTestVigie(engine));
  });
  afterEach(async () => close());

  it('is idempotent on event id: repeats in a batch and events already stored are skipped and reported', async () => {
    const first = await ingestEvents(
      vigie,
      undefined,
      [view('e1', 'c1'), view('e2', 'c2'), view('e1', 'c1')],
      {
        source: 'api',
      },
    );
    expect(first).toMatchObject({ status: 'accepted', received: 3, stored: 2 });
    expect(first.duplicates).toEqual({ inBatch: 1, alreadyStored: 0, eventIds: ['e1'] });
    const again = await ingestEvents(vigie, undefined, [view('e2', 'c2'), view('e3', 'c3')], {
      source: 'api',
    });
    expect(again).toMatchObject({
      stored: 1,
      duplicates: { inBatch: 0, alreadyStored: 1, eventIds: ['e2'] },
    });
    const none = await ingestEvents(vigie, undefined, [view('e3', 'c3')], { source: 'api' });
    expect(none).toMatchObject({ batchId: null, stored: 0 });
    const rows = await vigie.db.selectFrom('customer_events').selectAll().orderBy('event_id').execute();
    expect(rows.map((r) => r.event_id)).toEqual(['e1', 'e2', 'e3']);
    // The subject is the vault's blind index, never the customer id.
    expect(rows[0]!.subject).toBe(
      vigie.keyring.blindIndex('c1', { table: 'customers', column: 'external_id' }),
    );
    expect(JSON.stringify(rows)).not.toContain('"c1"');
    expect((await acceptedEventList(vigie)).map((e) => e.item)).toEqual(['sku-1', 'sku-1', 'sku-1']);
  });

  it("forgets a customer's events on erasure (the vault walks SUBJECT_TABLES)", async () => {
    await ingestEvents(vigie, undefined, [view('x1', 'C-9'), view('x2', 'C-9'), view('x3', 'C-8')], {
      source: 'api',
    });
    const { eraseSubject, subjectOf } = await import('../vault/index.js');
    const erased = await eraseSubject(vigie, undefined, subjectOf(vigie, 'C-9'));
    expect(erased.deleted.customer_events).toBe(2);
    expect((await acceptedEventList(vigie)).map((e) => e.subject)).toEqual([subjectOf(vigie, 'C-8')]);
    // The same feed sent again does not bring the erased customer back.
    const again = await ingestEvents(vigie, undefined, [view('x4', 'C-9'), view('x5', 'C-8')], {
      source: 'api',
    });
    expect(again).toMatchObject({ stored: 1, erased: 1 });
    expect(JSON.stringify(await vigie.db.selectFrom('erased_subjects').selectAll().execute())).not.toContain(
      'C-9',
    );
  });

  it('ties an e-mail-keyed event to its profile whatever the case, and restarts its retention clock', async () => {
    const { importCustomers, subjectOf } = await import('../vault/index.js');
    await importCustomers(
      vigie,
      undefined,
      Readable.from([Buffer.from('email,first_name\njean@exemple.fr,Jean\n')]),
      {
        format: 'csv',
      },
    );
    const subject = subjectOf(vigie, 'jean@exemple.fr');
    expect(subjectOf(vigie, ' Jean@Exemple.FR ')).toBe(subject);
    await ingestEvents(vigie, undefined, [view('m1', 'Jean@Exemple.FR')], { source: 'api' });
    const row = await vigie.db
      .selectFrom('customers')
      .select('last_active_at')
      .where('subject', '=', subject)
      .executeTakeFirstOrThrow();
    expect(row.last_active_at).not.toBeNull();
    expect((await acceptedEventList(vigie)).map((e) => e.subject)).toEqual([subject]);
  });

  it('pages through accepted events by type and time, with a since filter', async () => {
    const events = [
      view('p1', 'C-1', 'a', 5),
      view('p2', 'C-2', 'b', 1),
      view('p3', 'C-3', 'c', 1),
      { ...view('p4', 'C-4', 'd', 3), type: 'purchase' as const, value: 12.5 },
      view('p5', 'C-5', 'e', 9),
    ];
    await ingestEvents(vigie, undefined, events, { source: 'api' });
    const all = await acceptedEventList(vigie, { pageSize: 2 });
    expect(all.map((e) => e.item)).toEqual(['b', 'c', 'a', 'e', 'd']);
    expect(all[4]).toMatchObject({ type: 'purchase', value: 12.5, occurredAt: at(3) });
    const recent = await acceptedEventList(vigie, { types: ['view'], since: at(5), pageSize: 1 });
    expect(recent.map((e) => e.item)).toEqual(['a', 'e']);
  });

  it('refuses malformed batches with the row and field', async () => {
    const bad = [view('ok', 'c1'), { ...view('x', 'c2'), type: 'rating' }];
    await expect(ingestEvents(vigie, undefined, bad, { source: 'api' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: [1, 'value'] })],
    });
    await expect(
      ingestEvents(vigie, undefined, [{ ...view('y', 'c'), extra: 1 }], { source: 'api' }),
    ).rejects.toThrow();
    await expect(
      ingestEvents(vigie, undefined, [{ ...view('y', 'c'), occurred_at: '2999-01-01T00:00:00Z' }], {
        source: 'api',
      }),
    ).rejects.toThrow(/future/);
    await expect(
      ingestEvents(vigie, undefined, [{ ...view('z', 'c'), occurred_at: '0000-01-01T00:00:00Z' }], {
        source: 'api',
      }),
    ).rejects.toThrow(/before 1970/);
    expect(await listBatches(vigie)).toEqual([]);
  });

  it('lets nobody release a quarantined batch they sent, with another credential or from the CLI', async () => {
    const person = (userId: string, via: Principal['via']): Principal => ({
      userId,
      username: userId,
      role: 'admin',
      permissions: new Set(),
      via,
    });
    const alice = await createUser(vigie, undefined, {
      username: 'alice',
      password: 'correct horse battery staple 1',
      role: 'admin',
    });
    const { token } = await createToken(vigie, person(alice.id, 'session'), {
      name: 'feed',
      role: 'analyst',
    });
    const quarantined = async (createdBy: string) => {
      const id = crypto.randomUUID();
      await vigie.db
        .insertInto('event_batches')
        .values({
          id,
          source: 'api',
          received_at: at(0),
          count: 0,
          fingerprint: '0'.repeat(64),
          stats: '{}',
          status: 'quarantined',
          reasons: '[]',
          created_by: createdBy,
          decided_by: null,
          decided_at: null,
        })
        .execute();
      return id;
    };
    const forbidden = { code: 'FORBIDDEN' };
    const viaToken = await quarantined(`token:${token.id}`);
    await expect(decideBatch(vigie, person(alice.id, 'session'), viaToken, 'release')).rejects.toMatchObject(
      forbidden,
    );
    const bySession = await quarantined(`user:${alice.id}`);
    await expect(decideBatch(vigie, person(alice.id, 'token'), bySession, 'release')).rejects.toMatchObject(
      forbidden,
    );
    const fromCli = await quarantined('cli');
    await expect(decideBatch(vigie, person('cli', 'cli'), fromCli, 'release')).rejects.toMatchObject(
      forbidden,
    );
    // Someone else releases; the sender may still purge.
    expect((await decideBatch(vigie, person('bob', 'session'), viaToken, 'release')).status).toBe('released');
    expect((await decideBatch(vigie, person('bob', 'session'), fromCli, 'release')).status).toBe('released');
    expect((await decideBatch(vigie, person(alice.id, 'session'), bySession, 'purge')).status).toBe('purged');
  });

  it('quarantines a batch carrying a shilling attack, then releases or purges it in the ledger', async () => {
    const base = generateGenuineRatings({ users: 500, items: 800, seed: 3 });
    const attack = injectAttack(base, { model: 'average', attackSize: 0.08, fillerSize: 0.05, seed: 5 });
    const injected = attack.ratings.slice(base.length);
    const early = base.filter((r) => Number(r.user) <= 420);
    const late = base.filter((r) => Number(r.user) > 420);

    const history = await ingestEvents(vigie, undefined, ratingEvents(early, 'h'), { source: 'file' });
    expect(history.status).toBe('accepted');
    const genuine = await ingestEvents(vigie, undefined, ratingEvents(late, 'g'), { source: 'file' });
    expect(genuine.reasons).toEqual([]);
    expect(genuine.status).toBe('accepted');

    const poisoned = await ingestEvents(vigie, undefined, ratingEvents(injected, 'a'), { source: 'api' });
    expect(poisoned.status).toBe('quarantined');
    const codes = poisoned.reasons.map((r) => r.code);
    expect(codes).toContain('shilling-profiles');
    expect(codes).toContain('coordinated-burst');
    const shilling = poisoned.reasons.find((r) => r.code === 'shilling-profiles')!;
    expect(Number(shilling.data.profiles)).toBeGreaterThanOrEqual(attack.attackers.length * 0.9);
    expect(String(shilling.data.targets)).toContain(`item-${attack.target}`);
    const [fr] = renderReasons([shilling], 'fr');
    expect(fr!.message).toMatch(/profils? de notation/);
    expect(fr!.message).not.toMatch(/\(s\)|shilling/);

    // Quarantined events are not used.
    const usable = await acceptedEventList(vigie, { types: ['rating'] });
    expect(usable).toHaveLength(early.length + late.length);
    expect((await listBatches(vigie, { status: 'quarantined' })).map((b) => b.id)).toEqual([
      poisoned.batchId,
    ]);

    const released = await decideBatch(vigie, undefined, poisoned.batchId!, 'release');
    expect(released.status).toBe('released');
    expect(await acceptedEventList(vigie, { types: ['rating'] })).toHaveLength(base.length + injected.length);
    await expect(decideBatch(vigie, undefined, poisoned.batchId!, 'purge')).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const second = await ingestEvents(vigie, undefined, ratingEvents(injected, 'b'), { source: 'api' });
    expect(second.status).toBe('quarantined');
    const purged = await decideBatch(vigie, undefined, second.batchId!, 'purge');
    expect(purged).toMatchObject({ status: 'purged', decidedBy: 'system' });
    const left = await vigie.db
      .selectFrom('customer_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('batch_id', '=', second.batchId!)
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    expect((await getBatch(vigie, second.batchId!)).count).toBe(injected.length);

    const entries = await vigie.db.selectFrom('ledger_entries').selectAll().orderBy('seq').execute();
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual([
      'events.accept',
      'events.accept',
      'events.quarantine',
      'events.release',
      'events.quarantine',
      'events.purge',
    ]);
    const purgeEntry = JSON.parse(entries.at(-1)!.details);
    expect(purgeEntry).toEqual({
      count: injected.length,
      deleted: injected.length,
      reasons: expect.arrayContaining(['shilling-profiles']),
    });
    // No subject (nor customer id) ever reaches the ledger.
    const subject = vigie.keyring.blindIndex(`cust-${attack.attackers[0]}`, {
      table: 'customers',
      column: 'external_id',
    });
    for (const e of entries) {
      expect(e.details).not.toContain(subject);
      expect(e.details).not.toContain('cust-');
    }
  }, 60_000);
});

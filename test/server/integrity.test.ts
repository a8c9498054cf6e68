import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/index.js';
import { ratingEvents } from '../../src/integrity/events/test-helpers.js';
import { generateGenuineRatings, injectAttack } from '../../src/integrity/index.js';
import { loginAs, startTestServer, type TestServer } from '../support/server.js';
import { engines } from '../support/vigie.js';

const view = (id: string, customer: string) => ({
  event_id: id,
  customer_id: customer,
  type: 'view',
  item: 'sku-1',
  occurred_at: '2026-11-01T10:00:00Z',
});

describe.each(engines)('events and quarantine API on %s', (engine) => {
  let s: TestServer;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = (await loginAs(s.app, 'admin', s.adminPassword)).headers;
    await createUser(s.vigie, undefined, {
      username: 'ana',
      password: 'analyst password 1',
      role: 'analyst',
    });
    analyst = (await loginAs(s.app, 'ana', 'analyst password 1')).headers;
  });
  afterAll(async () => s?.close());

  const post = (url: string, payload: unknown, headers = admin) =>
    s.app.inject({ method: 'POST', url, headers, payload: payload as object });

  it('ingests a JSON batch idempotently and answers bad input with problem+json', async () => {
    const first = await post(
      '/api/v1/events',
      { events: [view('a1', 'C-1'), view('a2', 'C-2'), view('a1', 'C-1')] },
      analyst,
    );
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'accepted',
      stored: 2,
      duplicates: { inBatch: 1, alreadyStored: 0 },
    });
    const again = await post('/api/v1/events', { events: [view('a2', 'C-2')] });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ batchId: null, stored: 0, duplicates: { alreadyStored: 1 } });

    const bad = await post('/api/v1/events', { events: [{ ...view('a3', 'C-3'), type: 'rating' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const tooMany = await post('/api/v1/events', {
      events: Array.from({ length: 10_001 }, (_, i) => view(`m${i}`, 'C')),
    });
    expect(tooMany.statusCode).toBe(400);
    const huge = await s.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: `{"events":[${JSON.stringify(view('h', 'x'.repeat(9_000_000)))}]}`,
    });
    expect(huge.statusCode).toBe(413);
  });

  it('imports a file upload with a validation report', async () => {
    const csv =
      'event_id,customer_id,type,item,value,occurred_at\nf1,C-1,purchase,sku-2,19.9,2026-11-01T10:00:00Z\nf2,C-2,purchase,sku-2,-3,2026-11-01T10:00:00Z\n';
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/events/import',
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rows: 2, stored: 1, malformed: [{ row: 3, column: 'value' }] });
    const wrongType = await s.app.inject({
      method: 'POST',
      url: '/api/v1/events/import',
      headers: { ...admin, 'content-type': 'text/plain' },
      payload: csv,
    });
    expect(wrongType.statusCode).toBe(415);
  });

  it('quarantines an attack batch, explains it in French, and lets security, not the importer, decide', async () => {
    const base = generateGenuineRatings({ users: 300, items: 500, seed: 11 });
    const attack = injectAttack(base, { model: 'random', attackSize: 0.1, fillerSize: 0.05, seed: 12 });
    for (let i = 0; i < base.length; i += 10_000) {
      const r = await post('/api/v1/events', { events: ratingEvents(base.slice(i, i + 10_000), `b${i}`) });
      expect(r.statusCode).toBe(201);
    }
    const poisoned = await post(
      '/api/v1/events?locale=fr',
      { events: ratingEvents(attack.ratings.slice(base.length), 'atk') },
      analyst,
    );
    expect(poisoned.statusCode).toBe(201);
    const body = poisoned.json();
    expect(body.status).toBe('quarantined');
    expect(body.reasons.map((r: { message: string }) => r.message).join(' ')).toMatch(/nouveau|profil/);

    const list = await s.app.inject({
      method: 'GET',
      url: '/api/v1/integrity/batches?status=quarantined',
      headers: analyst,
    });
    expect(list.json().batches.map((b: { id: string }) => b.id)).toEqual([body.batchId]);
    const detail = await s.app.inject({
      method: 'GET',
      url: `/api/v1/integrity/batches/${body.batchId}`,
      headers: analyst,
    });
    expect(detail.json().batch.reasons[0].message).toMatch(/\w/);

    expect((await post(`/api/v1/integrity/batches/${body.batchId}/release`, {}, analyst)).statusCode).toBe(
      403,
    );
    const released = await post(`/api/v1/integrity/batches/${body.batchId}/release`, {});
    expect(released.statusCode).toBe(200);
    expect(released.json().batch.status).toBe('released');
    expect((await post(`/api/v1/integrity/batches/${body.batchId}/purge`, {})).statusCode).toBe(409);
    expect(
      (await post('/api/v1/integrity/batches/00000000-0000-4000-8000-000000000000/purge', {})).statusCode,
    ).toBe(404);
  }, 120_000);
});

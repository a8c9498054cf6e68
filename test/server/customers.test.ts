import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/index.js';
import { subjectOf } from '../../src/integrity/vault/index.js';
import { loginAs, startTestServer, type TestServer } from '../support/server.js';
import { engines } from '../support/vigie.js';

const CSV = [
  'external_id,first_name,last_name,email,phone,country,birth_year,consent_marketing_email',
  'C-100,Louise,Martin,louise.martin@example.com,+33 6 11 22 33 44,FR,1990,yes',
  'C-101,Paul,Bernard,paul.bernard@example.com,,FR,1985,no',
].join('\n');

describe.each(engines)('customers API on %s', (engine) => {
  let s: TestServer;
  let admin: Record<string, string>;
  let louise: string;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = (await loginAs(s.app, 'admin', s.adminPassword)).headers;
    louise = subjectOf(s.vigie, 'C-100');
  });
  afterAll(async () => s?.close());

  const upload = (body: string, type: string, query = '') =>
    s.app.inject({
      method: 'POST',
      url: `/api/v1/customers/import${query}`,
      headers: { ...admin, 'content-type': type },
      payload: body,
    });

  it('refuses an import with an invalid row as problem+json with the report, and imports nothing', async () => {
    const res = await upload(`${CSV}\nC-102,Bad,Row,not-an-email,,FR,3000,maybe`, 'text/csv');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const report = res.json().report;
    expect(report.ok).toBe(false);
    expect(report.issues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`)).toEqual(
      expect.arrayContaining(['4:email', '4:birth_year', '4:consent_marketing_email']),
    );
    expect(res.body).not.toContain('not-an-email');
    const found = await s.app.inject({
      method: 'POST',
      url: '/api/v1/customers/find',
      headers: admin,
      payload: { email: 'louise.martin@example.com' },
    });
    expect(found.json().subjects).toEqual([]);
  });

  it('dry-runs, then imports a CSV, finds by e-mail in a POST body and reads the profile', async () => {
    const dry = await upload(CSV, 'text/csv', '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json().report).toMatchObject({ ok: true, dryRun: true, created: 0 });
    const res = await upload(CSV, 'text/csv');
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({ ok: true, created: 2, consents: 2 });
    const found = await s.app.inject({
      method: 'POST',
      url: '/api/v1/customers/find',
      headers: admin,
      payload: { email: 'Louise.Martin@example.com' },
    });
    expect(found.json().subjects).toEqual([louise]);
    const p = await s.app.inject({ method: 'GET', url: `/api/v1/customers/${louise}`, headers: admin });
    expect(p.statusCode).toBe(200);
    expect(p.json().customer.profile).toMatchObject({
      first_name: 'Louise',
      phone: '+33 6 11 22 33 44',
      birth_year: 1990,
    });
  });

  it('imports JSON lines and a JSON array sent as x-ndjson', async () => {
    const lines =
      '{"external_id":"C-200","email":"a200@example.com"}\n{"external_id":"C-201","email":"a201@example.com"}\n';
    expect((await upload(lines, 'application/x-ndjson')).json().report).toMatchObject({
      ok: true,
      created: 2,
    });
    const arr = JSON.stringify([{ external_id: 'C-200', email: 'a200@example.com', city: 'Lyon' }]);
    expect((await upload(arr, 'application/x-ndjson', '?format=json')).json().report).toMatchObject({
      ok: true,
      updated: 1,
    });
  });

  it('gives and withdraws consent, rectifies, exports and erases', async () => {
    const put = await s.app.inject({
      method: 'PUT',
      url: `/api/v1/customers/${louise}/consents`,
      headers: admin,
      payload: { purpose: 'profiling', status: 'given', source: 'web form' },
    });
    expect(put.statusCode).toBe(200);
    const consents = (
      await s.app.inject({ method: 'GET', url: `/api/v1/customers/${louise}/consents`, headers: admin })
    ).json().consents;
    expect(consents.map((c: { purpose: string; status: string }) => `${c.purpose}:${c.status}`)).toEqual([
      'marketing_email:given',
      'profiling:given',
    ]);

    const fix = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/customers/${louise}`,
      headers: admin,
      payload: { last_name: 'Martin-Durand', phone: null },
    });
    expect(fix.statusCode).toBe(200);
    expect(fix.json().customer.profile.last_name).toBe('Martin-Durand');
    expect(fix.json().customer.profile.phone).toBeUndefined();

    const exp = await s.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${louise}/access`,
      headers: admin,
    });
    expect(exp.json()).toMatchObject({ subject: louise, profile: { last_name: 'Martin-Durand' } });

    const del = await s.app.inject({ method: 'DELETE', url: `/api/v1/customers/${louise}`, headers: admin });
    expect(del.statusCode).toBe(200);
    expect(del.json().deleted).toMatchObject({ customers: 1, customer_consents: 2 });
    expect(del.json().derived).toEqual({ recommendations: 0, segmentsAffected: 0, usesVoided: 0 });
    // Imported again after the erasure request: refused, row by row, without naming the person.
    const back = await upload(CSV, 'text/csv');
    expect(back.statusCode).toBe(400);
    expect(back.json().report.issues).toEqual([
      expect.objectContaining({ row: 2, column: 'external_id', code: 'erased_subject' }),
    ]);
    expect(back.body).not.toMatch(/Louise|louise\.martin/);
    const gone = await s.app.inject({ method: 'GET', url: `/api/v1/customers/${louise}`, headers: admin });
    expect(gone.statusCode).toBe(404);
  });

  it('answers bad input with problem+json 4xx, never 500', async () => {
    const cases = [
      await s.app.inject({
        method: 'POST',
        url: '/api/v1/customers/find',
        headers: admin,
        payload: { email: 'x@example.com', phone: '+33611223344' },
      }),
      await s.app.inject({ method: 'GET', url: '/api/v1/customers/not-a-subject', headers: admin }),
      await s.app.inject({
        method: 'PUT',
        url: `/api/v1/customers/${subjectOf(s.vigie, 'C-101')}/consents`,
        headers: admin,
        payload: { purpose: 'spam', status: 'given' },
      }),
      await s.app.inject({
        method: 'PATCH',
        url: `/api/v1/customers/${subjectOf(s.vigie, 'C-101')}`,
        headers: admin,
        payload: { shoe_size: 42 },
      }),
      await s.app.inject({
        method: 'PATCH',
        url: `/api/v1/customers/${subjectOf(s.vigie, 'C-101')}`,
        headers: admin,
        payload: { city: 'Lyon\u001b[2J' },
      }),
      await s.app.inject({
        method: 'PUT',
        url: '/api/v1/customers/retention',
        headers: admin,
        payload: { days: 0 },
      }),
      await upload('', 'text/csv'),
      await s.app.inject({
        method: 'POST',
        url: '/api/v1/customers/import',
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: 'a'.repeat(21 * 1024 * 1024),
      }),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400, 400, 415, 413]);
    for (const r of cases) expect(r.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses unknown fields, non-e-mails and invalid phones, and an older consent than the stored one', async () => {
    const paul = subjectOf(s.vigie, 'C-101');
    const find = (payload: Record<string, unknown>) =>
      s.app.inject({ method: 'POST', url: '/api/v1/customers/find', headers: admin, payload });
    const consent = (payload: Record<string, unknown>) =>
      s.app.inject({ method: 'PUT', url: `/api/v1/customers/${paul}/consents`, headers: admin, payload });
    const cases = [
      await find({ email: 'paul.bernard@example.com', zz: 1 }),
      await find({ email: 'jean.dupont' }),
      await find({ phone: '+33 1' }),
      await consent({ purpose: 'analytics', status: 'given', zz: 'x' }),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([400, 400, 400, 400]);
    for (const r of cases) expect(r.headers['content-type']).toContain('application/problem+json');

    // Withdrawn now; a consent dated 2020 arriving later must not bring it back.
    expect((await consent({ purpose: 'analytics', status: 'withdrawn' })).statusCode).toBe(200);
    const old = await consent({ purpose: 'analytics', status: 'given', at: '2020-01-01T00:00:00Z' });
    expect(old.statusCode).toBe(409);
    expect(old.headers['content-type']).toContain('application/problem+json');
    expect(old.json().detail).toMatch(/more recent consent decision/);
    const now = await s.app.inject({
      method: 'GET',
      url: `/api/v1/customers/${paul}/consents`,
      headers: admin,
    });
    expect(now.json().consents.find((c: { purpose: string }) => c.purpose === 'analytics').status).toBe(
      'withdrawn',
    );
  });

  it('keeps the vault to admins and analysts, and sets the retention period', async () => {
    await createUser(s.vigie, undefined, { username: 'ed', password: 'editor password 123', role: 'editor' });
    const editor = (await loginAs(s.app, 'ed', 'editor password 123')).headers;
    const denied = await s.app.inject({
      method: 'POST',
      url: '/api/v1/customers/find',
      headers: editor,
      payload: { email: 'x@example.com' },
    });
    expect(denied.statusCode).toBe(403);
    const set = await s.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/retention',
      headers: admin,
      payload: { days: 730 },
    });
    expect(set.json().retention).toEqual({ days: 730 });
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/v1/customers/retention', headers: admin })).json()
        .retention,
    ).toEqual({ days: 730 });
    const purge = await s.app.inject({
      method: 'POST',
      url: '/api/v1/customers/purge-expired',
      headers: admin,
    });
    expect(purge.json().deleted).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer, type TestServer } from '../support/server.js';

describe('Guard over HTTP', () => {
  let s: TestServer;
  let headers: Record<string, string>;
  beforeAll(async () => {
    s = await startTestServer({ listen: false });
    headers = (await loginAs(s.app, 'admin', s.adminPassword)).headers;
  });
  afterAll(async () => s.close());

  const post = (url: string, payload: unknown) =>
    s.app.inject({ method: 'POST', url, headers, payload: payload as object });

  it('scans a text and reports personal data with a verdict', async () => {
    const res = await post('/api/v1/guard/scan', {
      text: 'Écrivez à marie.dupont@example.fr ou au 06 12 34 56 78.',
      profile: 'input',
      locale: 'fr',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.findings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['pii.email', 'pii.phone']),
    );
    expect(body.verdict).not.toBe('allow');
    expect(JSON.stringify(body.findings.map((f: { data?: unknown }) => f.data ?? {}))).not.toContain(
      'marie.dupont',
    );
  });

  it('pseudonymises, keeps the mapping in the vault and restores the answer', async () => {
    const text = 'Please answer Jane Smith at jane.smith@example.com about her order.';
    const red = (await post('/api/v1/guard/redact', { text })).json();
    expect(red.text).not.toContain('jane.smith@example.com');
    expect(red.mapId).toBeTruthy();
    const stored = await s.vigie.db
      .selectFrom('pseudonym_maps')
      .selectAll()
      .where('id', '=', red.mapId)
      .executeTakeFirstOrThrow();
    expect(stored.mapping_enc).not.toContain('jane');
    const back = await post('/api/v1/guard/restore', { text: red.text, mapId: red.mapId });
    expect(back.json().text).toBe(text);
    const actions = (
      await s.vigie.db.selectFrom('ledger_entries').select(['action', 'details']).execute()
    ).filter((e) => e.action.startsWith('guard.'));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['guard.redact', 'guard.restore']));
    expect(JSON.stringify(actions)).not.toContain('jane');
  });

  it('answers 413 beyond the body limit and 400 for a missing text', async () => {
    const big = await post('/api/v1/guard/scan', { text: 'a'.repeat(5 * 1024 * 1024), profile: 'input' });
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
    expect((await post('/api/v1/guard/scan', { profile: 'input' })).statusCode).toBe(400);
    expect(
      (await post('/api/v1/guard/restore', { text: 'x', mapId: '00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
  });

  it('imports brand rules as YAML and applies them to scans', async () => {
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/v1/guard/brand',
      headers,
      payload: { yaml: 'competitors: [Globex]\nbannedPhrases:\n  - phrase: best in the world\n' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().yaml).toContain('Globex');
    const res = (
      await post('/api/v1/guard/scan', {
        text: 'We are the best in the world, unlike Globex.',
        profile: 'publish',
      })
    ).json();
    expect(res.findings.map((f: { category: string }) => f.category)).toContain('brand');
    const bad = await s.app.inject({
      method: 'PUT',
      url: '/api/v1/guard/brand',
      headers,
      payload: { yaml: 'competitors: {' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses an invalid policy override and keeps the old one', async () => {
    const bad = await s.app.inject({
      method: 'PUT',
      url: '/api/v1/guard/policy',
      headers,
      payload: { yaml: 'profiles: [1, 2' },
    });
    expect(bad.statusCode).toBe(400);
    const now = await s.app.inject({ url: '/api/v1/guard/policy', headers });
    expect(now.json().override).toBe('');
  });

  it('lets only the maker of a map (or an admin) restore with it', async () => {
    const admin = headers;
    for (const [username, role] of [
      ['maker', 'editor'],
      ['snoop', 'security'],
    ]) {
      await s.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username, password: 'a long password 123', role },
      });
    }
    const maker = (await loginAs(s.app, 'maker', 'a long password 123')).headers;
    const snoop = (await loginAs(s.app, 'snoop', 'a long password 123')).headers;
    const red = (
      await s.app.inject({
        method: 'POST',
        url: '/api/v1/guard/redact',
        headers: maker,
        payload: { text: 'Call Jane Smith at jane@example.com' },
      })
    ).json();
    const stolen = await s.app.inject({
      method: 'POST',
      url: '/api/v1/guard/restore',
      headers: snoop,
      payload: { text: red.text, mapId: red.mapId },
    });
    expect(stolen.statusCode).toBe(404);
    const overwrite = await s.app.inject({
      method: 'POST',
      url: '/api/v1/guard/redact',
      headers: snoop,
      payload: { text: 'x@example.com', mapId: red.mapId },
    });
    expect(overwrite.statusCode).toBe(404);
    const own = await s.app.inject({
      method: 'POST',
      url: '/api/v1/guard/restore',
      headers: maker,
      payload: { text: red.text, mapId: red.mapId },
    });
    expect(own.json().text).toBe('Call Jane Smith at jane@example.com');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/core/index.js';
import { loginAs, startTestServer, type TestServer } from '../support/server.js';

describe('authentication over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ listen: false });
  });
  afterAll(async () => s.close());

  it('logs the admin in with an HttpOnly SameSite=Strict cookie and a CSRF token', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: s.adminPassword },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.username).toBe('admin');
    expect(body.permissions).toContain('users:manage');
    expect(body.csrfToken).toBeTruthy();
    const session = res.cookies.find((c) => c.name === 'vigie_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers a wrong password with 401 problem+json and records it', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    const last = await s.vigie.db
      .selectFrom('ledger_entries')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last.action).toBe('auth.login.failure');
    expect(last.details).not.toContain('nope');
  });

  it('refuses a state change without the CSRF header, accepts it with', async () => {
    const { cookie, headers } = await loginAs(s.app, 'admin', s.adminPassword);
    const payload = { username: 'csrf-test', password: 'a long enough password', role: 'editor' };
    const without = await s.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF');
    const withToken = await s.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload });
    expect(withToken.statusCode).toBe(201);
  });

  it('locks an account after five failures in a row', async () => {
    const { headers } = await loginAs(s.app, 'admin', s.adminPassword);
    await s.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: { username: 'victim', password: 'the right password', role: 'editor' },
    });
    for (let i = 0; i < 5; i++) {
      const r = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'victim', password: `wrong ${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'victim', password: 'the right password' },
    });
    // Locked accounts answer like wrong passwords: the response tells nothing about the account.
    expect(locked.statusCode).toBe(401);
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-here', password: 'x' },
    });
    expect(locked.json().detail).toBe(unknown.json().detail);
    const lockouts = await s.vigie.db
      .selectFrom('ledger_entries')
      .select('action')
      .where('action', '=', 'auth.lockout')
      .execute();
    expect(lockouts.length).toBe(1);
  });

  it('cannot be raced: parallel guesses lock the account before the right password gets in', async () => {
    const { headers } = await loginAs(s.app, 'admin', s.adminPassword);
    await s.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: { username: 'raced', password: 'the raced password', role: 'editor' },
    });
    const guesses = Array.from({ length: 12 }, (_, i) =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'raced', password: i === 10 ? 'the raced password' : `guess ${i}` },
      }),
    );
    const codes = (await Promise.all(guesses)).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toEqual([]);
    const after = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'raced', password: 'the raced password' },
    });
    expect(after.statusCode).toBe(401);
  });

  it('ends the sessions of a disabled user at once', async () => {
    const admin = await loginAs(s.app, 'admin', s.adminPassword);
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'leaver', password: 'leaver password 123', role: 'auditor' },
    });
    const leaver = await loginAs(s.app, 'leaver', 'leaver password 123');
    expect((await s.app.inject({ url: '/api/v1/audit/head', headers: leaver.headers })).statusCode).toBe(200);
    const disable = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.json().user.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disable.json().user.disabled).toBe(true);
    expect((await s.app.inject({ url: '/api/v1/audit/head', headers: leaver.headers })).statusCode).toBe(401);
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leaver', password: 'leaver password 123' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('accepts API tokens scoped to a role, and refuses them once revoked', async () => {
    const admin = await loginAs(s.app, 'admin', s.adminPassword);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.headers,
      payload: { name: 'ci', role: 'auditor', expiresInDays: 7 },
    });
    expect(res.statusCode).toBe(201);
    const { secret, token } = res.json();
    expect(secret).toMatch(/^vgt_/);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await s.app.inject({ url: '/api/v1/audit/head', headers: bearer })).statusCode).toBe(200);
    expect((await s.app.inject({ url: '/api/v1/users', headers: bearer })).statusCode).toBe(403);
    const list = await s.app.inject({ url: '/api/v1/tokens', headers: admin.headers });
    expect(JSON.stringify(list.json())).not.toContain(secret);
    await s.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: admin.headers });
    expect((await s.app.inject({ url: '/api/v1/audit/head', headers: bearer })).statusCode).toBe(401);
  });

  it('verifies the ledger against an anchor saved earlier, and refuses a malformed one', async () => {
    const admin = await loginAs(s.app, 'admin', s.adminPassword);
    const head = (await s.app.inject({ url: '/api/v1/audit/head', headers: admin.headers })).json();
    const verify = (payload: Record<string, unknown>) =>
      s.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: admin.headers, payload });
    const ok = await verify({ anchor: head });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      ok: true,
      anchor: { ok: true, treeSize: head.treeSize, reason: null },
    });
    const forged = await verify({ anchor: { ...head, treeSize: head.treeSize - 1 } });
    expect(forged.json()).toMatchObject({ ok: false, firstBad: null, anchor: { ok: false } });
    const malformed = await verify({ anchor: { ...head, rootHash: 'zz' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('answers malformed and over-long URLs with problem+json that does not quote the path', async () => {
    const email = 'jean.dupont@example.com';
    for (const [url, status] of [
      [`/api/v1/customers/${email}%E0%A4%A`, 400],
      [`/api/v1/customers/${'x'.repeat(300)}`, 414],
      [`/api/v1/no-such-route/${email}`, 404],
    ] as const) {
      const res = await s.app.inject({ url });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain('jean.dupont');
      expect(res.body).not.toContain('xxxxxxxxxx');
    }
  });

  it('keeps the ledger verifiable after all of this', async () => {
    const res = await verifyLedger(s.vigie);
    expect(res.ok).toBe(true);
    const actions = (await s.vigie.db.selectFrom('ledger_entries').select('action').execute()).map(
      (r) => r.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.login',
        'auth.login.failure',
        'auth.lockout',
        'user.create',
        'user.disable',
        'token.create',
        'token.revoke',
      ]),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { spawnServer, waitExit } from '../support/process.js';
import { createTestWorkspace, type TestWorkspace } from '../support/vigie.js';

async function login(url: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
}

describe('crash safety', () => {
  let ws: TestWorkspace;
  const password = 'crash test admin password';
  beforeAll(async () => {
    ws = await createTestWorkspace('sqlite', { VIGIE_ADMIN_PASSWORD: password });
  });
  afterAll(async () => ws.cleanup());

  it('keeps every acknowledged write and a valid ledger after SIGKILL mid-stream', async () => {
    const server = await spawnServer(ws.env);
    const headers = await login(server.url, password);
    const acknowledged: string[] = [];
    let stop = false;
    let sent = 0;
    const writer = async (w: number) => {
      while (!stop) {
        const name = `w${w}-${sent++}`;
        try {
          const res = await fetch(`${server.url}/api/v1/tokens`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ name, role: 'auditor', expiresInDays: 1 }),
          });
          if (res.status === 201)
            acknowledged.push(((await res.json()) as { token: { id: string } }).token.id);
        } catch {
          return; // the server died under us: that request was never acknowledged
        }
      }
    };
    const writers = Promise.all([0, 1, 2, 3].map(writer));
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGKILL');
    stop = true;
    await writers;
    await waitExit(server.child);
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    const restarted = await spawnServer(ws.env);
    try {
      const h = await login(restarted.url, password);
      const res = await fetch(`${restarted.url}/api/v1/tokens`, { headers: h });
      const stored = new Set(((await res.json()) as { tokens: { id: string }[] }).tokens.map((t) => t.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
    } finally {
      restarted.child.kill('SIGTERM');
      await waitExit(restarted.child);
    }
    const verify = await cli(['audit', 'verify', '--format', 'json'], ws.env);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout).ok).toBe(true);
  }, 120_000);
});

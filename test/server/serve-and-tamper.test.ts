import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, spawnServer, waitExit } from '../support/process.js';
import { createTestWorkspace, type TestWorkspace } from '../support/vigie.js';

/** The acceptance scenario, through the real `vigie` executable. */
describe('vigie serve on an empty VIGIE_HOME', () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createTestWorkspace('sqlite', { VIGIE_ADMIN_PASSWORD: 'acceptance password' });
  });
  afterAll(async () => ws.cleanup());

  it('logs admin in, and `vigie audit verify` exits 1 after any ledger row is changed', async () => {
    const server = await spawnServer(ws.env);
    try {
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'acceptance password' }),
      });
      expect(res.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await waitExit(server.child);
    }
    const verify = () =>
      spawnSync(process.execPath, [join(repoRoot, 'bin/vigie.mjs'), 'audit', 'verify'], {
        env: { ...process.env, ...ws.env },
        encoding: 'utf8',
      });
    const clean = verify();
    expect(clean.status, clean.stderr).toBe(0);
    const db = new SQLite(join(ws.home, 'vigie.db'));
    const rows = db.prepare('select seq from ledger_entries').all() as { seq: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const { seq } of rows) {
      const before = db.prepare('select at from ledger_entries where seq = ?').get(seq) as { at: string };
      db.prepare('update ledger_entries set at = ? where seq = ?').run('2020-01-01T00:00:00.000Z', seq);
      const r = verify();
      expect(r.status, `row ${seq}`).toBe(1);
      expect(r.stdout).toContain(`entry ${seq}`);
      db.prepare('update ledger_entries set at = ? where seq = ?').run(before.at, seq);
    }
    db.close();
    expect(verify().status).toBe(0);
  }, 120_000);
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { createTestWorkspace, engines, type TestWorkspace } from '../support/vigie.js';

describe.each(engines)('vigie CLI on %s', (engine) => {
  let ws: TestWorkspace;
  let env: Record<string, string>;
  beforeEach(async () => {
    ws = await createTestWorkspace(engine, { VIGIE_ADMIN_PASSWORD: 'cli admin password' });
    env = ws.env;
  });
  afterEach(async () => ws.cleanup());

  it('initialises, adds users, lists them as JSON and manages roles', async () => {
    expect((await cli(['init'], env)).code).toBe(0);
    const add = await cli(
      ['user', 'add', 'Claire', '--role', 'editor', '--email', 'claire@example.fr', '--format', 'json'],
      env,
    );
    expect(add.code).toBe(0);
    const created = JSON.parse(add.stdout);
    expect(created.user).toMatchObject({ username: 'claire', role: 'editor', email: 'claire@example.fr' });
    expect(created.password).toHaveLength(24);
    const piped = await cli(
      ['user', 'add', 'bob', '--role', 'auditor', '--password-stdin'],
      env,
      'bob password 1234\n',
    );
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain('password (shown once)');
    expect((await cli(['user', 'set-role', 'claire', 'reviewer'], env)).stdout).toContain('claire (reviewer');
    expect((await cli(['user', 'disable', 'bob'], env)).stdout).toContain('disabled');
    const list = JSON.parse((await cli(['user', 'list', '--format', 'json'], env)).stdout);
    expect(list.users.map((u: { username: string }) => u.username)).toEqual(['admin', 'bob', 'claire']);
    expect(list.users.find((u: { username: string }) => u.username === 'bob').disabled).toBe(true);
  });

  it('exits 2 with one line on stderr for bad input', async () => {
    writeFileSync(join(ws.home, 'bad-anchor.json'), JSON.stringify({ treeSize: 3, rootHash: 'not hex' }));
    const cases = [
      ['user', 'add', 'x', '--role', 'king'],
      ['user', 'add', 'ok-name', '--role', 'editor', '--email', 'not-an-email'],
      ['user', 'set-role', 'nobody', 'editor'],
      ['token', 'create', '--user', 'admin', '--role', 'auditor', '--name', 'x', '--expires-in', 'forever'],
      ['audit', 'proof', 'abc'],
      ['audit', 'verify', '--file', '/nonexistent/export.jsonl'],
      ['audit', 'verify', '--anchor', '/nonexistent/head.json'],
      ['audit', 'verify', '--anchor', join(ws.home, 'bad-anchor.json')],
      ['audit', 'verify', '--anchor', join(ws.home, 'bad-anchor.json'), '--file', 'x.jsonl'],
      ['restore', '/nonexistent/backup.bin'],
      ['no-such-command'],
    ];
    for (const args of cases) {
      const r = await cli(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('creates, lists and revokes tokens; the secret is shown once', async () => {
    await cli(['init'], env);
    const created = JSON.parse(
      (
        await cli(
          [
            'token',
            'create',
            '--user',
            'admin',
            '--role',
            'auditor',
            '--name',
            'ci',
            '--expires-in',
            '30d',
            '--format',
            'json',
          ],
          env,
        )
      ).stdout,
    );
    expect(created.secret).toMatch(/^vgt_/);
    const list = await cli(['token', 'list', '--format', 'json'], env);
    expect(list.stdout).not.toContain(created.secret);
    expect(JSON.parse(list.stdout).tokens[0].expiresAt).toBeTruthy();
    expect((await cli(['token', 'revoke', created.token.id], env)).code).toBe(0);
    expect(
      JSON.parse((await cli(['token', 'list', '--format', 'json'], env)).stdout).tokens[0].revokedAt,
    ).toBeTruthy();
  });

  it('rotates and rewraps keys', async () => {
    await cli(['user', 'add', 'one', '--role', 'editor', '--email', 'one@example.com'], env);
    expect(JSON.parse((await cli(['keys', 'rotate', '--format', 'json'], env)).stdout).version).toBe(2);
    const rewrap = JSON.parse((await cli(['keys', 'rewrap', '--format', 'json'], env)).stdout);
    expect(rewrap).toMatchObject({ rewrapped: 1, remaining: 0, version: 2 });
    const list = JSON.parse((await cli(['user', 'list', '--format', 'json'], env)).stdout);
    expect(list.users.find((u: { username: string }) => u.username === 'one').email).toBe('one@example.com');
  });

  it('verifies the ledger, exports it, proves an entry and detects tampering', async () => {
    await cli(['init'], env);
    await cli(['user', 'add', 'one', '--role', 'editor'], env);
    await cli(['user', 'add', 'two', '--role', 'editor'], env);
    const ok = await cli(['audit', 'verify', '--format', 'json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, treeSize: 3 });
    const printedHead = (await cli(['audit', 'head', '--format', 'json'], env)).stdout;
    const head = JSON.parse(printedHead);
    expect(head.treeSize).toBe(3);
    const anchorFile = join(ws.home, 'anchor.json');
    writeFileSync(anchorFile, printedHead);
    await cli(['user', 'add', 'three', '--role', 'editor'], env);
    const anchored = await cli(['audit', 'verify', '--anchor', anchorFile], env);
    expect(anchored.code).toBe(0);
    expect(anchored.stdout).toContain('anchor: ok, the ledger still holds the head of size 3');
    const proof = JSON.parse(
      (await cli(['audit', 'proof', '1', '--tree-size', '3', '--format', 'json'], env)).stdout,
    );
    expect(proof).toMatchObject({ seq: 1, treeSize: 3, rootHash: head.rootHash });
    const file = join(ws.home, 'export.jsonl');
    const exported = await cli(['audit', 'export', '--out', file], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect((await cli(['audit', 'export', '--out', file], env)).code).toBe(2);
    expect((await cli(['audit', 'verify', '--file', file], env)).code).toBe(0);
    expect((await cli(['audit', 'verify', '--file', file, '--public-key', head.publicKey], env)).code).toBe(
      0,
    );
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"seq":1,'));
    lines[at] = lines[at]!.replace('editor', 'admin');
    writeFileSync(file, lines.join('\n'));
    const offline = await cli(['audit', 'verify', '--file', file], env);
    expect(offline.code).toBe(1);
    expect(offline.stdout).toContain('TAMPERED: entry 1');

    if (engine === 'sqlite') {
      const db = new SQLite(join(ws.home, 'vigie.db'));
      db.prepare("update ledger_entries set target = 'user:someone' where seq = 2").run();
      db.close();
      const bad = await cli(['audit', 'verify'], env);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('TAMPERED: entry 2');
      // Wiped and started again: verification alone passes, the anchor does not.
      const wipe = new SQLite(join(ws.home, 'vigie.db'));
      wipe.exec('delete from ledger_entries; delete from ledger_nodes; delete from ledger_heads');
      wipe.exec("update ledger_state set tree_size = 0, frontier = x''");
      wipe.close();
      await cli(['user', 'add', 'four', '--role', 'editor'], env);
      expect((await cli(['audit', 'verify'], env)).code).toBe(0);
      const wiped = await cli(['audit', 'verify', '--anchor', anchorFile], env);
      expect(wiped.code).toBe(1);
      expect(wiped.stdout).toContain('ANCHOR BROKEN');
    }
  });

  it('backs up while in use and restores, refusing a damaged file', async () => {
    await cli(['init'], env);
    await cli(['user', 'add', 'keeper', '--role', 'editor', '--email', 'keeper@example.com'], env);
    const file = join(ws.home, 'backup.vigie');
    const b = await cli(['backup', '--out', file, '--format', 'json'], env);
    expect(b.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).includes(Buffer.from('keeper@example.com'))).toBe(false);
    await cli(['user', 'add', 'after-backup', '--role', 'editor'], env);

    const damaged = join(ws.home, 'damaged.vigie');
    const bytes = readFileSync(file);
    bytes[bytes.length - 20]! ^= 1;
    writeFileSync(damaged, bytes);
    const refused = await cli(['restore', damaged], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('integrity check');
    writeFileSync(damaged, readFileSync(file).subarray(0, readFileSync(file).length - 100));
    expect((await cli(['restore', damaged], env)).code).toBe(2);
    // Nothing was lost by the refused restores.
    expect((await cli(['user', 'list'], env)).stdout).toContain('after-backup');

    expect((await cli(['restore', file], env)).code).toBe(0);
    const users = JSON.parse((await cli(['user', 'list', '--format', 'json'], env)).stdout).users;
    expect(users.map((u: { username: string }) => u.username)).toEqual(['admin', 'keeper']);
    expect(users[1].email).toBe('keeper@example.com');
    expect((await cli(['audit', 'verify'], env)).code).toBe(0);
  });
});

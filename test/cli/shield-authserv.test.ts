import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

/** `vigie email analyze --offline --authserv-id`: only the named receiving server's verdict counts. */
const dir = mkdtempSync(join(tmpdir(), 'vigie-authserv-'));
const file = join(dir, 'forged.eml');
writeFileSync(
  file,
  [
    'Authentication-Results: mx.evil.example; spf=pass; dkim=pass; dmarc=pass header.from=bank.example',
    'Authentication-Results: mx.corp.example; spf=fail; dkim=none; dmarc=fail header.from=bank.example',
    'From: Bank <alerts@bank.example>',
    'To: you@corp.example',
    'Subject: Statement',
    '',
    'Your statement is ready.',
    '',
  ].join('\r\n'),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// No VIGIE_HOME with a workspace: the command runs without storing anything.
const env = { VIGIE_HOME: join(dir, 'no-workspace'), VIGIE_LOG_LEVEL: 'silent' };

describe('vigie email analyze --authserv-id', () => {
  it('trusts the topmost header without the flag, and only the named server with it', async () => {
    const plain = await cli(['email', 'analyze', '--offline', '--format', 'json', file], env);
    expect(JSON.parse(plain.stdout).files[0].auth.dmarc).toBe('pass');
    const strict = await cli(
      ['email', 'analyze', '--offline', '--authserv-id', 'MX.corp.example', '--format', 'json', file],
      env,
    );
    expect(strict.stderr).toBe('');
    const entry = JSON.parse(strict.stdout).files[0];
    expect(entry.auth.dmarc).toBe('fail');
    expect(entry.reasons.map((r: { id: string }) => r.id)).toContain('authentication.dmarc-fail');
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { CLI_PRINCIPAL } from '../../src/cli/context.js';
import { createLogger, createUser, openVigie, type Principal } from '../../src/core/index.js';
import { exportApprovedDraft, type Lang, sampleBrief, transition } from '../../src/studio/index.js';
import { cli } from '../support/cli.js';
import { createTestWorkspace, type TestWorkspace } from '../support/vigie.js';

describe('vigie draft and vigie provenance verify', () => {
  let ws: TestWorkspace;
  beforeEach(async () => {
    ws = await createTestWorkspace('sqlite');
  });
  afterEach(async () => ws.cleanup());

  /** Has a reviewer approve a draft the CLI wrote, then exports it and writes the files. */
  async function approveAndExport(id: string, format: 'md' | 'html' | 'text') {
    const vigie = await openVigie(ws.config, { log: createLogger('silent') });
    try {
      const u = await createUser(vigie, undefined, {
        username: `rev-${format}`,
        password: 'reviewer password 123',
        role: 'reviewer',
      });
      const reviewer: Principal = {
        userId: u.id,
        username: u.username,
        role: 'reviewer',
        permissions: new Set(),
        via: 'session',
      };
      await transition(vigie, CLI_PRINCIPAL, id, 'submit');
      await expect(transition(vigie, CLI_PRINCIPAL, id, 'approve')).rejects.toThrow(/own draft/);
      await transition(vigie, reviewer, id, 'approve');
      const out = await exportApprovedDraft(vigie, reviewer, id, { format });
      const file = join(ws.home, `release.${out.extension}`);
      const manifest = join(ws.home, 'release.manifest.json');
      writeFileSync(file, out.content);
      writeFileSync(manifest, JSON.stringify(out.manifest));
      return { file, manifest, publicKey: vigie.keyring.signingPublicKey.publicKey };
    } finally {
      await vigie.close();
    }
  }

  it.each<[Lang, 'md' | 'html' | 'text']>([
    ['en', 'md'],
    ['fr', 'html'],
    ['fr', 'text'],
  ])(
    'drafts a %s press release, and a modified byte of its %s export fails verification',
    async (lang, format) => {
      const brief = join(ws.home, 'brief.yaml');
      writeFileSync(brief, YAML.stringify(sampleBrief('press-release', lang)));
      const made = await cli(['draft', '--brief', brief, '--variants', '2', '--format', 'json'], ws.env);
      expect(made.code, made.stderr).toBe(0);
      const draft = JSON.parse(made.stdout);
      expect(draft.variants).toHaveLength(2);
      expect(draft.lang).toBe(lang);
      expect(draft.author).toBe('operator');
      expect(made.stderr).toContain(`draft ${draft.id} created`);

      const { file, manifest, publicKey } = await approveAndExport(draft.id, format);
      const sidecar = format === 'html' ? [] : ['--manifest', manifest];
      const ok = await cli(['provenance', 'verify', file, ...sidecar], ws.env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('verified; written by operator, approved by reviewer');

      // Offline: no workspace at all, only the files and the public key.
      const nowhere = { VIGIE_HOME: mkdtempSync(join(tmpdir(), 'vigie-none-')), VIGIE_LOG_LEVEL: 'silent' };
      const offline = await cli(
        ['provenance', 'verify', file, ...sidecar, '--public-key', publicKey],
        nowhere,
      );
      expect(offline.code, offline.stderr).toBe(0);

      const bytes = readFileSync(file);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(file, bytes);
      const bad = await cli(['provenance', 'verify', file, ...sidecar, '--public-key', publicKey], nowhere);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/not verified \((content-modified|malformed)\)/);
    },
  );

  it('prints Markdown by default, refuses a bad brief and an untrusted key', async () => {
    const brief = join(ws.home, 'brief.yaml');
    writeFileSync(brief, YAML.stringify(sampleBrief('social-post', 'fr', 'mastodon')));
    const md = await cli(['draft', '--brief', brief], ws.env);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.length).toBeGreaterThan(50);
    expect(md.stdout.trimStart().startsWith('{')).toBe(false);

    writeFileSync(brief, 'type: press-release\nlang: de\n');
    const invalid = await cli(['draft', '--brief', brief], ws.env);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['draft', '--brief', join(ws.home, 'missing.yaml')], ws.env)).code).toBe(2);
    expect((await cli(['draft', '--brief', brief, '--variants', '99'], ws.env)).code).toBe(2);

    writeFileSync(brief, YAML.stringify(sampleBrief('press-release', 'en')));
    const draft = JSON.parse((await cli(['draft', '--brief', brief, '--format', 'json'], ws.env)).stdout);
    const { file, manifest } = await approveAndExport(draft.id, 'md');
    const other = generateKeyPairSync('ed25519')
      .publicKey.export({ format: 'der', type: 'spki' })
      .subarray(12)
      .toString('base64');
    const untrusted = await cli(
      ['provenance', 'verify', file, '--manifest', manifest, '--public-key', other],
      ws.env,
    );
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toContain('untrusted-key');
    const json = await cli(
      ['provenance', 'verify', file, '--manifest', manifest, '--format', 'json'],
      ws.env,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, manifest: { author: 'operator' } });
    expect((await cli(['provenance', 'verify', file, '--public-key', 'short'], ws.env)).code).toBe(2);
    const empty = { VIGIE_HOME: mkdtempSync(join(tmpdir(), 'vigie-none-')), VIGIE_LOG_LEVEL: 'silent' };
    const noWorkspace = await cli(['provenance', 'verify', file, '--manifest', manifest], empty);
    expect(noWorkspace.code).toBe(2);
    expect(noWorkspace.stderr).toContain('--public-key');
  });
});

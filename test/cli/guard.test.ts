import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { createTestWorkspace, type TestWorkspace } from '../support/vigie.js';

const SAMPLE =
  'Bonjour Mme Lefèvre,\nvotre IBAN FR76 3000 6000 0112 3456 7890 189 est enregistré. Écrivez à claire.lefevre@example.fr.\n';

describe('vigie scan, redact and restore', () => {
  let ws: TestWorkspace;
  beforeEach(async () => {
    ws = await createTestWorkspace('sqlite');
  });
  afterEach(async () => ws.cleanup());

  it('scans several inputs in order, reporting unreadable and binary ones without stopping', async () => {
    const text = join(ws.home, 'copy.txt');
    const binary = join(ws.home, 'logo.bin');
    writeFileSync(text, SAMPLE);
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 255]));
    const r = await cli(['scan', text, join(ws.home, 'missing.txt'), binary, '--format', 'json'], ws.env);
    const { files } = JSON.parse(r.stdout);
    expect(files.map((f: { path: string }) => f.path)).toEqual([text, join(ws.home, 'missing.txt'), binary]);
    expect(files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['pii.iban', 'pii.email']),
    );
    expect(files[1].error).toBe('no such file');
    expect(files[2].error).toBe('binary file skipped');
  });

  it('exits 1 when a verdict reaches --fail-on, 0 below it', async () => {
    const clean = await cli(['scan', '-', '--fail-on', 'warn'], ws.env, 'Our spring newsletter is out.');
    expect(clean.code).toBe(0);
    const dirty = await cli(['scan', '-', '--fail-on', 'review'], ws.env, SAMPLE);
    expect(dirty.code).toBe(1);
    const bad = await cli(['scan', '-', '--fail-on', 'never'], ws.env, SAMPLE);
    expect(bad.code).toBe(2);
  });

  it('writes SARIF 2.1.0', async () => {
    const r = await cli(['scan', '-', '--format', 'sarif'], ws.env, SAMPLE);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('redacts with a map kept in the vault and restores the text', async () => {
    const mapFile = join(ws.home, 'map.json');
    const red = await cli(['redact', '-', '--map', mapFile], ws.env, SAMPLE);
    expect(red.code).toBe(0);
    expect(red.stdout).not.toContain('claire.lefevre@example.fr');
    expect(red.stdout).toContain('[EMAIL_1]');
    const back = await cli(['restore', '-', '--map', mapFile], ws.env, red.stdout);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe(SAMPLE);
    const badMap = join(ws.home, 'bad.json');
    writeFileSync(badMap, '{"nope":1}');
    expect((await cli(['restore', '-', '--map', badMap], ws.env, 'x')).code).toBe(2);
  });
});

// `npm start` is half of the README's contract with a new user: its launcher must run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stale } from '../../scripts/staleness.mjs';
import { repoRoot } from '../support/process.js';

describe('npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-staleness-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compares an output with input files and folders alike', () => {
    const at = (name: string, seconds: number) => {
      const p = join(dir, name);
      writeFileSync(p, name);
      utimesSync(p, seconds, seconds);
      return p;
    };
    mkdirSync(join(dir, 'src'));
    const output = at('out.js', 2000);
    const file = at('index.html', 1000);
    at('src/a.ts', 1000);
    expect(stale(output, file, join(dir, 'src'), join(dir, 'missing'))).toBe(false);
    // A newer input file (web/index.html is one) made the check read it as a folder and throw.
    at('index.html', 3000);
    expect(stale(output, file)).toBe(true);
    expect(stale(join(dir, 'not-built.js'), file)).toBe(true);
  });

  it('runs the launcher through to `vigie serve`', () => {
    const r = spawnSync(process.execPath, ['scripts/start.mjs', '--help'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Usage: vigie serve/);
  }, 250_000);
});

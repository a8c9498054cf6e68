import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './process.js';

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Browser tests need the built console: build it once when it is missing or older than its sources. */
export function ensureConsoleBuilt(): void {
  const index = join(repoRoot, 'dist/web/index.html');
  const src = join(repoRoot, 'web/src');
  if (!existsSync(src)) return;
  const inputs = [src, join(repoRoot, 'web/public')].filter((d) => existsSync(d));
  if (existsSync(index) && inputs.every((d) => statSync(index).mtimeMs >= newest(d))) return;
  const r = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the console failed');
}

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stale } from '../../scripts/staleness.mjs';
import { repoRoot } from './process.js';

/** Browser tests need the built console: build it once when it is missing or older than its sources. */
export function ensureConsoleBuilt(): void {
  const src = join(repoRoot, 'web/src');
  if (!existsSync(src)) return;
  if (!stale(join(repoRoot, 'dist/web/index.html'), src, join(repoRoot, 'web/public'))) return;
  const r = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the console failed');
}

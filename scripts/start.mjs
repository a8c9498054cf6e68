// `npm start`: builds what is missing or stale (server, console), then runs `vigie serve`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stale } from './staleness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...p) => join(root, ...p);

function npmRun(script) {
  console.error(`vigie: npm run ${script}`);
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (stale(at('dist/server/cli/main.js'), at('src'))) npmRun('build:server');
if (stale(at('dist/web/index.html'), at('web/src'), at('web/public'), at('web/index.html')))
  npmRun('build:web');

const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [at('dist/server/cli/main.js'), 'serve', ...args], {
  stdio: 'inherit',
});
process.exit(r.status ?? (r.signal ? 1 : 0));

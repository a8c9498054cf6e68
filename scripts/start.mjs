// `npm start`: builds what is missing or stale (server, console), then runs `vigie serve`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...p) => join(root, ...p);

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

function stale(output, ...inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((i) => existsSync(i) && newest(i) > built);
}

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

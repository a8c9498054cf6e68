// Build freshness by modification time, shared by bin/vigie.mjs, scripts/start.mjs and the test harness.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of any file under dir. */
export function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** True when output is missing or older than any file under the inputs that exist. */
export function stale(output, ...inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((i) => existsSync(i) && newest(i) > built);
}

#!/usr/bin/env node
// Runs the built CLI when it is present and up to date (npm run build), else the TypeScript sources
// through tsx, so a checkout never runs a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/server/cli/main.js', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const upToDate = existsSync(built) && (!existsSync(sources) || statSync(built).mtimeMs >= newest(sources));
if (upToDate) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}

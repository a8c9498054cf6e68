#!/usr/bin/env node
// Runs the built CLI when it is present and up to date (npm run build), else the TypeScript sources
// through tsx, so a checkout never runs a stale build.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stale } from '../scripts/staleness.mjs';

const built = fileURLToPath(new URL('../dist/server/cli/main.js', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

if (!stale(built, sources)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}

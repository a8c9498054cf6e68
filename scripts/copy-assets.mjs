// Copies the data files that sit beside the sources (policies, lexicons, models) into the build.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ASSET = /\.(json|jsonl|ya?ml|txt|csv|tsv)$/;
const src = new URL('../src/', import.meta.url).pathname;
const out = new URL('../dist/server/', import.meta.url).pathname;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (ASSET.test(name) && !name.endsWith('.test.json')) cpSync(p, join(out, relative(src, p)));
  }
}
walk(src);

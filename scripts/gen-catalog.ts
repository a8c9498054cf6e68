/** `npm run catalog`: writes docs/detectors.md from the detectors' meta (EN and FR). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCatalog, renderCatalogMarkdown } from '../src/guard/catalog.js';

const target = fileURLToPath(new URL('../docs/detectors.md', import.meta.url));
mkdirSync(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
const entries = buildCatalog();
writeFileSync(target, renderCatalogMarkdown(entries));
process.stdout.write(`wrote ${entries.length} rules to docs/detectors.md\n`);

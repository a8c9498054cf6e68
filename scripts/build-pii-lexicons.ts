/**
 * Regenerates the name and place lexicons of src/guard/data/pii from @faker-js/faker's locale data (MIT),
 * which lists real first names, surnames, cities, regions and countries for 70 locales.
 * Run: `npx tsx scripts/build-pii-lexicons.ts`. Output is plain JSON data, reviewed in git.
 */
import { writeFileSync } from 'node:fs';
import { allLocales } from '@faker-js/faker';

type Tree = unknown;

function flatten(v: Tree): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(flatten);
  if (v && typeof v === 'object') return Object.values(v).flatMap(flatten);
  return [];
}

/** Keeps entries made of letters, spaces, apostrophes, hyphens and dots, without templates. */
function clean(values: Iterable<string>, maxWords: number): string[] {
  const out = new Set<string>();
  for (const raw of values) {
    const v = raw.normalize('NFC').trim();
    if (v.length < 2 || v.length > 40 || v.includes('{')) continue;
    if (!/^\p{Lu}[\p{L}\p{M}' .-]*$/u.test(v)) continue;
    if (v.split(' ').length > maxWords) continue;
    out.add(v);
  }
  return [...out].sort();
}

function collect(pick: (locale: Record<string, Record<string, Tree> | undefined>) => Tree): string[] {
  return Object.values(allLocales).flatMap((l) => flatten(pick(l as never)));
}

const source = 'npm @faker-js/faker@10.6.0 locale data (MIT), all locales';
const files: Record<string, { description: string; entries: string[] }> = {
  'first-names.json': {
    description: 'Given names (first and middle names) of many countries.',
    entries: clean(
      collect((l) => [l.person?.first_name, l.person?.middle_name]),
      1,
    ),
  },
  'last-names.json': {
    description: 'Family names of many countries.',
    entries: clean(
      collect((l) => l.person?.last_name),
      2,
    ),
  },
  'cities.json': {
    description: 'Real city names of many countries.',
    entries: clean(
      collect((l) => l.location?.city_name),
      4,
    ),
  },
  'regions.json': {
    description: 'States, regions and provinces of many countries.',
    entries: clean(
      collect((l) => l.location?.state),
      4,
    ),
  },
  'countries.json': {
    description: 'Country names in many languages (English and French included).',
    entries: clean(
      collect((l) => l.location?.country),
      5,
    ),
  },
};

const dir = new URL('../src/guard/data/pii/', import.meta.url);
for (const [name, body] of Object.entries(files)) {
  writeFileSync(new URL(name, dir), `${JSON.stringify({ source, ...body }, null, 2)}\n`);
  console.log(name, body.entries.length);
}

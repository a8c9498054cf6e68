/**
 * `npm run bench -- guard`: Guard's full default policy (profile `publish`, every category on) on
 * English and French marketing copy, side by side with @openredaction/openredaction on the same inputs.
 * Prints MB/s (10^6 bytes) on 64 KB texts and p50/p99 latency at 1 KB, 4 KB and 64 KB.
 *
 * Each measurement rotates over distinct variants of a text so no cache (ours or theirs) can answer
 * from a previous identical input.
 */
import { readFileSync } from 'node:fs';
import { OpenRedaction } from '@openredaction/openredaction';
import { allDetectors, scan } from '../src/guard/index.js';
import type { BrandRules, Category, Fact, Lang } from '../src/guard/types.js';
import { report } from './report.js';

const SIZES = [
  { label: '1KB', bytes: 1024, runs: 400 },
  { label: '4KB', bytes: 4096, runs: 400 },
  { label: '64KB', bytes: 65536, runs: 20 },
];
const VARIANTS = 4;
const THROUGHPUT_MS = 1500;

const facts: Fact[] = [
  { id: 'F-CUST', statement: 'More than 1,200 customers use Vigie.', source: 'CRM', expiresAt: '2027-12-31' },
  {
    id: 'F-CLIENTS',
    statement: 'Plus de 1 200 clients utilisent Vigie.',
    source: 'CRM',
    expiresAt: '2027-12-31',
  },
  {
    id: 'F-REVIEW',
    statement: 'Beta teams reduced review time by 45%.',
    source: 'beta study',
    expiresAt: null,
  },
  {
    id: 'F-UPTIME',
    statement: 'Vigie had 99.9% uptime in 2025.',
    source: 'status page',
    expiresAt: '2026-01-31',
  },
];
const brand: BrandRules = {
  terminology: [
    { preferred: 'Vigie', deprecated: ['Vigie platform', 'la plateforme Vigie'] },
    { preferred: 'email', deprecated: ['e-mail'] },
    { preferred: 'courriel', deprecated: ['mail', 'mél'] },
  ],
  competitors: ['Acme Corp', 'Sentinelle', 'GuardRail'],
  bannedPhrases: [
    { phrase: 'game changer', reason: 'cliché' },
    { phrase: 'révolutionnaire' },
    { phrase: 'best in class' },
  ],
};

function fixture(lang: Lang): string {
  return readFileSync(new URL(`./fixtures/marketing-${lang}.txt`, import.meta.url), 'utf8');
}

/** A text of at most `bytes` UTF-8 bytes, cut at a space, from the fixture repeated. */
function sized(source: string, bytes: number, variant: number): string {
  const prefix = `Edition ${variant + 1}. `;
  let text = prefix + source.repeat(Math.ceil(bytes / source.length) + 1);
  text = text.slice(0, bytes);
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, -1);
  const cut = text.lastIndexOf(' ');
  return cut > bytes / 2 ? text.slice(0, cut) : text;
}

const openRedaction = new OpenRedaction();

const tools: Record<string, (text: string, lang: Lang) => unknown> = {
  vigie: (text, lang) => scan(text, { profile: 'publish', lang, context: { facts, brand } }),
  openredaction: (text) => openRedaction.detect(text),
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function latency(run: (text: string) => unknown, texts: string[], runs: number) {
  for (let i = 0; i < Math.min(20, runs / 4); i++) run(texts[i % texts.length]!);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run(texts[i % texts.length]!);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)) };
}

function throughput(run: (text: string) => unknown, texts: string[]): number {
  run(texts[0]!);
  let bytes = 0;
  const t0 = performance.now();
  let i = 0;
  while (performance.now() - t0 < THROUGHPUT_MS) {
    const text = texts[i++ % texts.length]!;
    run(text);
    bytes += Buffer.byteLength(text);
  }
  return round(bytes / 1e6 / ((performance.now() - t0) / 1000));
}

/** Where the time goes: p50 of each category's detectors alone on the 4 KB inputs. */
function categoryBreakdown(texts: string[], lang: Lang): Record<string, number> {
  const byCategory = new Map<Category, ReturnType<typeof allDetectors>>();
  for (const d of allDetectors()) {
    if (!d.meta.languages.includes('*') && !d.meta.languages.includes(lang)) continue;
    byCategory.set(d.meta.category, [...(byCategory.get(d.meta.category) ?? []), d]);
  }
  const out: Record<string, number> = {};
  for (const [category, detectors] of byCategory) {
    const context = { lang, profile: 'publish' as const, facts, brand, now: new Date() };
    const call = (text: string) => {
      for (const d of detectors) d.detect(text, context);
    };
    out[category] = latency(call, texts, 100).p50Ms;
  }
  return out;
}

export async function run(): Promise<void> {
  const summary: Record<string, number> = {};
  for (const lang of ['en', 'fr'] as const) {
    const source = fixture(lang);
    const inputs = Object.fromEntries(
      SIZES.map((s) => [s.label, Array.from({ length: VARIANTS }, (_, v) => sized(source, s.bytes, v))]),
    );
    report({
      bench: 'guard',
      tool: 'vigie',
      lang,
      metric: 'p50ByCategory',
      input: '4KB',
      ms: categoryBreakdown(inputs['4KB']!, lang),
    });
    for (const [tool, fn] of Object.entries(tools)) {
      const call = (text: string) => fn(text, lang);
      const mbPerS = throughput(call, inputs['64KB']!);
      summary[`${tool}:${lang}:mbPerS`] = mbPerS;
      report({ bench: 'guard', tool, lang, metric: 'throughput', input: '64KB', mbPerS });
      for (const size of SIZES) {
        const l = latency(call, inputs[size.label]!, size.runs);
        if (size.label === '4KB') summary[`${tool}:${lang}:p99_4KB`] = l.p99Ms;
        report({ bench: 'guard', tool, lang, metric: 'latency', input: size.label, runs: size.runs, ...l });
      }
    }
  }
  for (const lang of ['en', 'fr']) {
    const ratio = round(summary[`vigie:${lang}:mbPerS`]! / summary[`openredaction:${lang}:mbPerS`]!);
    const p99 = summary[`vigie:${lang}:p99_4KB`]!;
    report({
      bench: 'guard',
      metric: 'targets',
      lang,
      p99Ms4KB: p99,
      p99Target: 5,
      p99Met: p99 <= 5,
      throughputRatio: ratio,
      ratioTarget: 3,
      ratioMet: ratio >= 3,
    });
  }
}

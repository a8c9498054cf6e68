/**
 * `npm run bench -- insights`: recommendations for 1,000 users. A deterministic catalogue of 2,000
 * items with a long-tailed popularity, each user rating, buying or clicking 10 to 60 items. Prints the
 * item-item model build time and the per-user recommendation latency (p50, p95, max) for top-10 lists,
 * then the same batch through the workspace (consent filtering, segment fallbacks, storage in SQLite).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig, openVigie } from '../src/core/index.js';
import {
  buildRecommender,
  computeRecommendations,
  type InsightEvent,
  type InsightSources,
  recommend,
} from '../src/integrity/insights/index.js';
import { createRng } from '../src/integrity/random.js';
import { report } from './report.js';

const USERS = 1000;
const ITEMS = 2000;
const TYPES = ['rating', 'purchase', 'click'] as const;

function generate(): InsightEvent[] {
  const rng = createRng(20261129);
  const events: InsightEvent[] = [];
  for (let u = 0; u < USERS; u++) {
    const count = 10 + rng.int(51);
    for (let i = 0; i < count; i++) {
      // Squaring a uniform draw skews towards low ids: a few items are popular, most are rare.
      const item = Math.floor(rng.next() ** 2 * ITEMS);
      const type = TYPES[rng.int(3)]!;
      events.push({
        subject: `user-${u}`,
        type,
        item: `item-${item}`,
        value: type === 'rating' ? 1 + rng.int(5) : type === 'purchase' ? 10 : null,
        occurredAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      });
    }
  }
  return events;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ms = (x: number) => Math.round(x * 1000) / 1000;

export async function run(): Promise<void> {
  const events = generate();
  const t0 = performance.now();
  const model = buildRecommender(events);
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  const start = performance.now();
  for (let u = 0; u < USERS; u++) {
    const t = performance.now();
    recommend(model, `user-${u}`, { n: 10 });
    times.push(performance.now() - t);
  }
  const totalMs = performance.now() - start;
  times.sort((a, b) => a - b);
  report({
    bench: 'insights.recommend',
    users: USERS,
    items: ITEMS,
    events: events.length,
    build_ms: ms(buildMs),
    total_ms: ms(totalMs),
    per_user_p50_ms: ms(quantile(times, 0.5)),
    per_user_p95_ms: ms(quantile(times, 0.95)),
    per_user_max_ms: ms(times[times.length - 1]!),
  });

  const home = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  const config = loadConfig({
    VIGIE_HOME: home,
    VIGIE_MASTER_KEY: randomBytes(32).toString('base64'),
    VIGIE_LOG_LEVEL: 'silent',
  });
  const vigie = await openVigie(config, { log: createLogger('silent') });
  try {
    const everyone = new Set(events.map((e) => e.subject));
    const sources: InsightSources = {
      consenting: async () => everyone,
      attribute: async () => new Map(),
      events: async () => events,
    };
    const w0 = performance.now();
    const batch = await computeRecommendations(vigie, undefined, { n: 10 }, sources);
    const batchMs = performance.now() - w0;
    const per = [...batch.perSubjectMs].sort((a, b) => a - b);
    report({
      bench: 'insights.recommend.batch',
      users: batch.subjects,
      total_ms: ms(batchMs),
      build_ms: ms(batch.buildMs),
      per_user_p95_ms: ms(quantile(per, 0.95)),
    });
  } finally {
    await vigie.close();
    rmSync(home, { recursive: true, force: true });
  }
}

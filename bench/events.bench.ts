/**
 * Event ingestion on SQLite (issue 7): events stored per second, batched (50,000 events per batch,
 * multi-row inserts in one transaction, duplicate lookups and the poisoning checks included).
 * Target: >= 50,000 per second. Engagement events (views, clicks, purchases, e-mail opens) run the
 * burst check; a rating batch also runs the shilling scan, shift and drift checks, reported apart;
 * `events.write` times the write path alone (one transaction of multi-row inserts).
 */
import { performance } from 'node:perf_hooks';
import { contentHash, prepareEvents } from '../src/integrity/events/prepare.js';
import { insertEvents } from '../src/integrity/events/store.js';
import { ratingEvents } from '../src/integrity/events/test-helpers.js';
import {
  type EventInput,
  eventBatchSchema,
  generateGenuineRatings,
  ingestEvents,
} from '../src/integrity/index.js';
import { openTestVigie } from '../test/support/vigie.js';
import { report } from './report.js';

const TYPES = ['view', 'view', 'view', 'click', 'click', 'purchase', 'email_open'] as const;
const START = Date.UTC(2026, 9, 1);

function engagement(n: number, offset: number): EventInput[] {
  return Array.from({ length: n }, (_, k) => {
    const i = offset + k;
    const type = TYPES[i % TYPES.length]!;
    return {
      event_id: `ev-${i}`,
      customer_id: `C-${(i * 7919) % 20_000}`,
      type,
      item: `sku-${(i * 104_729) % 3000}`,
      value: type === 'purchase' ? (i % 100) + 0.99 : null,
      // About one event per customer every few hours: no bursts of new accounts.
      occurred_at: new Date(START + i * 2000).toISOString(),
    };
  });
}

export async function run(): Promise<void> {
  const t = await openTestVigie('sqlite');
  const { vigie } = t;
  try {
    const batch = 50_000;
    const batches = 6;
    await ingestEvents(vigie, undefined, engagement(batch, 0), { source: 'api' }); // warm-up and history
    // Generated before the clock starts: the bench times ingestion, not the test data.
    const inputs = Array.from({ length: batches }, (_, b) => engagement(batch, (b + 1) * batch));
    let stored = 0;
    let start = performance.now();
    const cpu = process.cpuUsage();
    for (const input of inputs) {
      const r = await ingestEvents(vigie, undefined, input, { source: 'api' });
      stored += r.stored;
    }
    let secs = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSecs = (used.user + used.system) / 1e6;
    report({
      bench: 'events.ingest',
      engine: 'sqlite',
      mode: `engagement, ${batch} per batch, checks included`,
      events: stored,
      per_second: Math.round(stored / secs),
      // Per CPU second of this process (SQLite runs in it): the wall clock also counts other
      // processes on a shared machine.
      per_cpu_second: Math.round(stored / cpuSecs),
      target_per_second: 50_000,
      passed: stored / secs >= 50_000,
    });

    // The write path alone: one transaction, a batch row and multi-row inserts, as ingestion does it.
    const prepared = prepareEvents(
      vigie,
      eventBatchSchema.parse(engagement(batch, (batches + 1) * batch)),
    ).events;
    start = performance.now();
    const writeCpu = process.cpuUsage();
    await vigie.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('event_batches')
        .values({
          id: 'bench-writes',
          source: 'api',
          received_at: new Date().toISOString(),
          count: prepared.length,
          fingerprint: contentHash(prepared),
          stats: '{}',
          status: 'accepted',
          reasons: '[]',
          created_by: 'system',
          decided_by: null,
          decided_at: null,
        })
        .execute();
      await insertEvents(vigie, tx, 'bench-writes', prepared);
    });
    secs = (performance.now() - start) / 1000;
    const writeUsed = process.cpuUsage(writeCpu);
    report({
      bench: 'events.write',
      engine: 'sqlite',
      mode: `${batch} events, multi-row inserts in one transaction (4 indexes, synchronous=FULL)`,
      events: prepared.length,
      per_second: Math.round(prepared.length / secs),
      per_cpu_second: Math.round(prepared.length / ((writeUsed.user + writeUsed.system) / 1e6)),
      target_per_second: 50_000,
      passed: prepared.length / secs >= 50_000,
    });

    const ratings = ratingEvents(generateGenuineRatings({ users: 943, items: 1682, seed: 1 }), 'r');
    const half = Math.floor(ratings.length / 2);
    await ingestEvents(vigie, undefined, ratings.slice(0, half), { source: 'api' });
    start = performance.now();
    const r = await ingestEvents(vigie, undefined, ratings.slice(half), { source: 'api' });
    secs = (performance.now() - start) / 1000;
    report({
      bench: 'events.ingest-ratings',
      engine: 'sqlite',
      mode: `ratings, ${ratings.length - half} in one batch against ${half} accepted, shilling scan included`,
      status: r.status,
      events: r.stored,
      per_second: Math.round(r.stored / secs),
    });
  } finally {
    await t.close();
  }
}

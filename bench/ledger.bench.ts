/**
 * Ledger benchmarks (issue 2): appends per second on SQLite, batched within transactions and one per
 * transaction, and inclusion-proof time on a 1,000,000-entry ledger.
 */
import { performance } from 'node:perf_hooks';
import { openTestVigie } from '../test/support/vigie.js';
import { report } from './report.js';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function run(): Promise<void> {
  const t = await openTestVigie('sqlite');
  const { vigie } = t;
  try {
    const entry = (i: number) => ({
      actor: 'user:bench',
      action: 'bench.append',
      target: `doc:${i}`,
      details: { i, hash: 'x'.repeat(32) },
    });

    const batch = 1000;
    const batches = 50;
    let start = performance.now();
    for (let b = 0; b < batches; b++) {
      await vigie.ledger.record(Array.from({ length: batch }, (_, i) => entry(b * batch + i)));
    }
    let secs = (performance.now() - start) / 1000;
    report({
      bench: 'ledger.append',
      engine: 'sqlite',
      mode: `batched ${batch} per transaction`,
      entries: batch * batches,
      per_second: Math.round((batch * batches) / secs),
      target_per_second: 5000,
    });

    const singles = 2000;
    start = performance.now();
    for (let i = 0; i < singles; i++) await vigie.ledger.record(entry(i));
    secs = (performance.now() - start) / 1000;
    report({
      bench: 'ledger.append',
      engine: 'sqlite',
      mode: 'one per transaction (fsync each, synchronous=FULL)',
      entries: singles,
      per_second: Math.round(singles / secs),
    });

    const target = 1_000_000;
    start = performance.now();
    let size = await vigie.ledger.size();
    while (size < target) {
      const n = Math.min(10_000, target - size);
      await vigie.ledger.record(Array.from({ length: n }, (_, i) => entry(size + i)));
      size += n;
    }
    report({
      bench: 'ledger.build',
      engine: 'sqlite',
      entries: size,
      seconds: +((performance.now() - start) / 1000).toFixed(1),
    });

    // Warm the page cache first: the target is about steady-state proof generation.
    for (let i = 0; i < 200; i++) await vigie.ledger.inclusionProof(Math.floor(Math.random() * size), size);
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const seq = Math.floor(Math.random() * size);
      const s = performance.now();
      await vigie.ledger.inclusionProof(seq, size);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    report({
      bench: 'ledger.inclusion_proof',
      engine: 'sqlite',
      tree_size: size,
      proofs: times.length,
      p50_ms: +percentile(times, 50).toFixed(3),
      p95_ms: +percentile(times, 95).toFixed(3),
      p99_ms: +percentile(times, 99).toFixed(3),
      mean_ms: +(times.reduce((a, b) => a + b, 0) / times.length).toFixed(3),
      target_ms: 5,
    });
    const c = performance.now();
    await vigie.ledger.consistencyProof(size - 12_345, size);
    report({
      bench: 'ledger.consistency_proof',
      engine: 'sqlite',
      tree_size: size,
      ms: +(performance.now() - c).toFixed(3),
    });
  } finally {
    await t.close();
  }
}

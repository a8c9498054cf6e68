/** Shared by the answer tests: a small bilingual knowledge base and in-process fake providers. */
import { fixtureArticles, poisonedArticles } from '../fixtures/load.js';
import { createKnowledgeBase, type KnowledgeBase } from '../kb/knowledge-base.js';
import type { AnswerProvider } from '../types.js';
import { decline, disclosure, fill, refusals } from './messages.js';
import { MAX_MESSAGE_CHARS } from './validate-message.js';

export function fixtureKb(options: { poisoned?: boolean } = {}): KnowledgeBase {
  return createKnowledgeBase([...fixtureArticles(), ...(options.poisoned ? poisonedArticles() : [])]);
}

export type Request = Parameters<AnswerProvider['generate']>[0];

/** A provider that records what it was sent and answers with `reply(request)`. */
export function fakeProvider(reply: (request: Request) => string | Promise<string>): AnswerProvider & {
  requests: Request[];
} {
  const requests: Request[] = [];
  return {
    requests,
    async generate(request) {
      requests.push(request);
      return reply(request);
    },
  };
}

export function canaryOf(system: string): string {
  return /VIGIE-CANARY-[0-9a-f]{16}/.exec(system)?.[0] ?? '';
}

/** The text of passage `n` as the model saw it. */
export function passageOf(system: string, n: number): string {
  const match = new RegExp(`<passage n="${n}"[^>]*>\\n([^<]*)\\n</passage>`).exec(system);
  return match?.[1] ?? '';
}

/**
 * True when every sentence the customer sees is either one of the assistant's own fixed messages
 * or quoted word for word from a clean fixture article: nothing else got through.
 */
const cleanCorpus = [...fixtureKb().passages.values()].map((p) => p.text).join('\n');

export function onlyApprovedText(text: string): boolean {
  const fixed = [...Object.values(disclosure), ...Object.values(decline)];
  for (const r of Object.values(refusals)) {
    for (const m of Object.values(r)) fixed.push(fill(m, { max: MAX_MESSAGE_CHARS }));
  }
  let rest = text;
  for (const f of fixed) rest = rest.replace(f, '');
  rest = rest.replace(/\[\d{1,2}\]/g, '');
  return rest
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .every((s) => cleanCorpus.includes(s));
}

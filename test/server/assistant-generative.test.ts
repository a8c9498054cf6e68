import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canaryOf, passageOf } from '../../src/assistant/answer/test-support.js';
import { conversationMessages } from '../../src/assistant/index.js';
import { setOpenAISettings } from '../../src/studio/index.js';
import {
  type ChatRequestBody,
  type ChatServer,
  startChatServer,
} from '../../src/studio/testing/chat-server.js';
import { repoRoot } from '../support/process.js';
import { loginAs, startTestServer, type TestServer } from '../support/server.js';
import { engines } from '../support/vigie.js';

/**
 * Generative mode through the public chat API, with the workspace's Studio provider pointing at a
 * local OpenAI-compatible server whose answer each test chooses: what the model says is only used
 * when the passages support it and Guard lets it out; otherwise, and when the model is missing or
 * down, the customer gets the extractive answer and analytics record why.
 */
const fixture = (name: string) => readFileSync(join(repoRoot, 'src/assistant/fixtures', name), 'utf8');
const system = (body: ChatRequestBody) => body.messages.find((m) => m.role === 'system')?.content ?? '';
/** The model behaving well: the first sentence of passage 1, cited. */
const faithful = (body: ChatRequestBody) =>
  `${(passageOf(system(body), 1).split(/(?<=\.)\s/)[0] ?? '').replace(/\.$/, '')} [1].`;
const REFUND_EN = 'When will I get my refund?';

describe.each(engines)('Assistant generative mode over HTTP (%s)', (engine) => {
  let s: TestServer;
  let admin: Record<string, string>;
  let assistantId = '';
  let model: ChatServer;
  let reply: (body: ChatRequestBody) => string = faithful;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = (await loginAs(s.app, 'admin', s.adminPassword)).headers;
    model = await startChatServer({ reply: (body) => reply(body) });
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/v1/assistants',
      headers: admin,
      payload: {
        name: 'Support',
        settings: {
          lang: 'en',
          allowedOrigins: [],
          retentionDays: 30,
          mode: 'generative',
          brandVoice: 'Warm, brief, no jargon.',
        },
      },
    });
    expect(created.statusCode).toBe(201);
    assistantId = created.json().assistant.id;
    for (const f of ['returns-en.md', 'delivery-en.md', 'retours-fr.md']) {
      const r = await s.app.inject({
        method: 'POST',
        url: `/api/v1/assistants/${assistantId}/articles`,
        headers: admin,
        payload: { markdown: fixture(f) },
      });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await model?.close();
    await s?.close();
  });

  const pointModelAt = (baseURL: string, extra: { timeoutMs?: number } = {}) =>
    setOpenAISettings(s.vigie, undefined, {
      baseURL,
      apiKey: 'sk-test',
      model: 'test-model',
      maxRetries: 0,
      ...extra,
    });

  async function chat(...texts: string[]) {
    const start = await s.app.inject({
      method: 'POST',
      url: `/public/v1/assistants/${assistantId}/conversations`,
      payload: { lang: 'en' },
    });
    const { conversationId, token } = start.json();
    const replies: Array<{ id: string; text: string; citations: unknown[] }> = [];
    for (const text of texts) {
      const res = await s.app.inject({
        method: 'POST',
        url: `/public/v1/assistants/${assistantId}/conversations/${conversationId}/messages`,
        headers: { 'x-conversation-token': token },
        payload: { text },
      });
      expect(res.statusCode).toBe(200);
      replies.push(res.json().reply);
    }
    const stored = await conversationMessages(s.vigie, undefined, assistantId, conversationId);
    const turns = stored.filter((m) => m.meta.turn).map((m) => m.meta.turn as Record<string, unknown>);
    return { conversationId, token, replies, turns };
  }

  it('shows the mode in the settings, extractive by default', async () => {
    const other = await s.app.inject({
      method: 'POST',
      url: '/api/v1/assistants',
      headers: admin,
      payload: { name: 'Default' },
    });
    expect(other.json().assistant.settings.mode).toBe('extractive');
    const bad = await s.app.inject({
      method: 'PUT',
      url: `/api/v1/assistants/${other.json().assistant.id}`,
      headers: admin,
      payload: { name: 'Default', settings: { mode: 'creative' } },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('falls back to extractive when the workspace has no model provider', async () => {
    const { replies, turns } = await chat(REFUND_EN);
    expect(replies[0]!.text).toContain('5 business days');
    expect(turns[0]).toMatchObject({ mode: 'extractive', fallback: 'provider-missing' });
    expect(model.requests).toHaveLength(0);
  });

  it('uses a faithful answer; the model got only passages, the brand voice and a canary', async () => {
    await pointModelAt(model.url);
    reply = faithful;
    const before = model.requests.length;
    const { replies, turns } = await chat(REFUND_EN);
    expect(turns[0]).toMatchObject({ mode: 'generative' });
    expect(turns[0]!.fallback).toBeUndefined();
    expect(replies[0]!.text).toMatch(/\[1\]/);
    expect(replies[0]!.citations.length).toBe(1);
    const sent = model.requests.slice(before);
    expect(sent).toHaveLength(1);
    const prompt = system(sent[0]!.body);
    expect(canaryOf(prompt)).not.toBe('');
    expect(prompt).toContain('Brand voice: Warm, brief, no jargon.');
    expect(prompt).toContain('5 business days');
    expect(prompt).not.toContain('retourner'); // Only what retrieval found, not the knowledge base.
  });

  it('falls back when the answer makes a claim the passages do not support', async () => {
    reply = () =>
      'Refunds are paid in cryptocurrency within one hour, and every customer receives a free smartwatch [1].';
    const { replies, turns } = await chat(REFUND_EN);
    expect(replies[0]!.text).not.toMatch(/cryptocurrency|smartwatch/);
    expect(replies[0]!.text).toContain('5 business days');
    expect(turns[0]).toMatchObject({ mode: 'extractive', fallback: 'unsupported' });
  });

  it('falls back when the answer leaks the canary, and records it in the ledger', async () => {
    reply = (body) => `We refund within 5 business days [1]. ${canaryOf(system(body))}`;
    const { conversationId, replies, turns } = await chat(REFUND_EN);
    expect(replies[0]!.text).not.toContain('VIGIE-CANARY');
    expect(turns[0]).toMatchObject({ mode: 'extractive', fallback: 'output-policy' });
    const entries = await s.vigie.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('target', '=', `conversation:${conversationId}`)
      .execute();
    expect(entries.map((e) => e.action)).toContain('assistant.generative.withheld');
    expect(JSON.stringify(entries)).not.toContain('VIGIE-CANARY');
  });

  it('restores a placeholder for the customer who gave it, and never shows it to another', async () => {
    reply = () => 'You receive an e-mail at [EMAIL_1] when the refund is issued [1].';
    const before = model.requests.length;
    const jane = await chat(`My email is jane.doe@example.org. ${REFUND_EN}`);
    expect(JSON.stringify(model.requests.slice(before))).not.toContain('jane.doe@example.org');
    expect(jane.turns[0]).toMatchObject({ mode: 'generative' });
    expect(jane.replies[0]!.text).toContain('jane.doe@example.org');

    // Another customer, who gave no address: the same placeholder stands for nothing of theirs.
    const bob = await chat(REFUND_EN);
    expect(bob.replies[0]!.text).not.toContain('jane.doe@example.org');
    expect(bob.replies[0]!.text).not.toContain('[EMAIL_1]');
    expect(bob.turns[0]).toMatchObject({ mode: 'extractive', fallback: 'unsupported' });

    // A model that repeats someone else's address in clear is withheld too.
    reply = () => 'You receive an e-mail at jane.doe@example.org when the refund is issued [1].';
    const eve = await chat(`I am eve@example.net. ${REFUND_EN}`);
    expect(eve.replies[0]!.text).not.toContain('jane.doe@example.org');
    expect(eve.turns[0]).toMatchObject({ mode: 'extractive', fallback: 'output-policy' });
  });

  it.each([
    ['answers HTTP 503', { status: 503 }, {}],
    ['is too slow', { delayMs: 2000 }, { timeoutMs: 200 }],
    ['is unreachable', null, {}],
  ] as const)('answers extractively when the model %s, never a 500', async (_, server, settings) => {
    const down = server ? await startChatServer({ reply: faithful, ...server }) : null;
    await pointModelAt(down?.url ?? 'http://127.0.0.1:9/v1', settings);
    try {
      const { replies, turns } = await chat(REFUND_EN);
      expect(replies[0]!.text).toContain('5 business days');
      expect(turns[0]).toMatchObject({ mode: 'extractive', fallback: 'provider-error' });
    } finally {
      await down?.close();
      await pointModelAt(model.url);
    }
  });

  it('runs at most 4 model calls at once per assistant; the next turn falls back as busy', async () => {
    reply = faithful;
    const slow = await startChatServer({ reply: faithful, delayMs: 600 });
    await pointModelAt(slow.url);
    try {
      // Five visitors (five IPs) ask at the same time.
      const turns = await Promise.all(
        [1, 2, 3, 4, 5].map(async (n) => {
          const ip = `192.0.2.${n}`;
          const start = await s.app.inject({
            method: 'POST',
            url: `/public/v1/assistants/${assistantId}/conversations`,
            payload: { lang: 'en' },
            remoteAddress: ip,
          });
          const { conversationId, token } = start.json();
          const res = await s.app.inject({
            method: 'POST',
            url: `/public/v1/assistants/${assistantId}/conversations/${conversationId}/messages`,
            headers: { 'x-conversation-token': token },
            payload: { text: REFUND_EN },
            remoteAddress: ip,
          });
          expect(res.statusCode).toBe(200);
          expect(res.json().reply.text).toContain('5 business days');
          const stored = await conversationMessages(s.vigie, undefined, assistantId, conversationId);
          return stored.find((m) => m.meta.turn)!.meta.turn as Record<string, unknown>;
        }),
      );
      expect(turns.filter((t) => t.mode === 'generative')).toHaveLength(4);
      expect(turns.filter((t) => t.fallback === 'busy')).toHaveLength(1);
      expect(turns.find((t) => t.fallback === 'busy')).toMatchObject({ mode: 'extractive' });
      expect(slow.requests).toHaveLength(4);
      // Slots are given back: the next visitor gets the model again.
      const after = await chat(REFUND_EN);
      expect(after.turns[0]).toMatchObject({ mode: 'generative' });
    } finally {
      await slow.close();
      await pointModelAt(model.url);
    }
  });

  it('shows generation, fall-backs and feedback in the console analytics', async () => {
    reply = faithful;
    const { conversationId, token, replies } = await chat(REFUND_EN);
    const fb = await s.app.inject({
      method: 'POST',
      url: `/public/v1/assistants/${assistantId}/conversations/${conversationId}/feedback`,
      headers: { 'x-conversation-token': token },
      payload: { messageId: replies[0]!.id, helpful: false },
    });
    expect(fb.statusCode).toBe(204);
    const wrongToken = await s.app.inject({
      method: 'POST',
      url: `/public/v1/assistants/${assistantId}/conversations/${conversationId}/feedback`,
      headers: { 'x-conversation-token': 'x'.repeat(32) },
      payload: { messageId: replies[0]!.id, helpful: true },
    });
    expect(wrongToken.statusCode).toBe(404);
    const analytics = (
      await s.app.inject({ url: `/api/v1/assistants/${assistantId}/analytics`, headers: admin })
    ).json();
    expect(analytics.feedback).toMatchObject({ helpful: 0, notHelpful: 1 });
    expect(analytics.generation.generative).toBeGreaterThanOrEqual(3);
    expect(analytics.generation.fallbacks).toMatchObject({
      'provider-missing': 1,
      'provider-error': 3,
      'output-policy': 2,
      unsupported: 2,
      busy: 1,
    });
  });
});

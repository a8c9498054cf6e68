import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/process.js';
import { loginAs, startTestServer, type TestServer } from '../support/server.js';

const fixture = (name: string) => readFileSync(join(repoRoot, 'src/assistant/fixtures', name), 'utf8');
const SITE = 'https://shop.example.com';

describe('Assistant over HTTP: console API and public chat API', () => {
  let s: TestServer;
  let admin: Record<string, string>;
  let assistantId: string;

  beforeAll(async () => {
    s = await startTestServer({ listen: false });
    admin = (await loginAs(s.app, 'admin', s.adminPassword)).headers;
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/v1/assistants',
      headers: admin,
      payload: { name: 'Support', settings: { lang: 'fr', allowedOrigins: [SITE], retentionDays: 30 } },
    });
    assistantId = created.json().assistant.id;
    for (const f of [
      'delivery-en.md',
      'returns-en.md',
      'livraison-fr.md',
      'retours-fr.md',
      'poisoned-en.md',
    ]) {
      const r = await s.app.inject({
        method: 'POST',
        url: `/api/v1/assistants/${assistantId}/articles`,
        headers: admin,
        payload: { markdown: fixture(f) },
      });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(async () => s.close());

  const pub = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    s.app.inject({
      method,
      url: `/public/v1/assistants/${assistantId}${url}`,
      payload,
      headers: { origin: SITE, ...headers },
    });

  it('blocks an article carrying planted instructions at import', async () => {
    const articles = (
      await s.app.inject({ url: `/api/v1/assistants/${assistantId}/articles`, headers: admin })
    ).json().articles;
    const poisoned = articles.find((a: { slug: string }) => a.slug === 'gift-cards-en');
    expect(poisoned.status).toBe('blocked');
    expect(articles.filter((a: { status: string }) => a.status !== 'blocked').length).toBe(4);
  });

  it('discloses the AI, answers from the articles in French with citations, and keeps the text sealed', async () => {
    const start = await pub('POST', '/conversations', { lang: 'fr' });
    expect(start.statusCode).toBe(201);
    expect(start.headers['access-control-allow-origin']).toBe(SITE);
    const { conversationId, token, messages } = start.json();
    expect(messages[0].text).toMatch(/assistant IA/);
    const h = { 'x-conversation-token': token };
    const q =
      'Bonjour, je suis Claire Martin (claire.martin@example.fr) : combien de temps prend la livraison ?';
    const res = await pub('POST', `/conversations/${conversationId}/messages`, { text: q }, h);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.reply.text.length).toBeGreaterThan(20);
    expect(body.reply.citations.length).toBeGreaterThan(0);
    const rows = await s.vigie.db.selectFrom('conversation_messages').select(['text_enc', 'meta']).execute();
    const state = await s.vigie.db.selectFrom('conversations').select('state_enc').execute();
    const dump = JSON.stringify([rows, state]);
    expect(dump).not.toContain('claire.martin@example.fr');
    expect(dump).not.toContain('Claire Martin');
  });

  it('limits messages per IP and conversation, and per IP across conversations (429 problem+json)', async () => {
    const open = async (ip: string) =>
      (
        await s.app.inject({
          method: 'POST',
          url: `/public/v1/assistants/${assistantId}/conversations`,
          payload: {},
          headers: { origin: SITE },
          remoteAddress: ip,
        })
      ).json() as { conversationId: string; token: string };
    const send = (ip: string, c: { conversationId: string; token: string }) =>
      s.app.inject({
        method: 'POST',
        url: `/public/v1/assistants/${assistantId}/conversations/${c.conversationId}/messages`,
        payload: { text: 'hi' },
        headers: { origin: SITE, 'x-conversation-token': c.token },
        remoteAddress: ip,
      });
    const visitor = '198.51.100.7';
    const convs = [await open(visitor), await open(visitor), await open(visitor)];
    // Someone who learns a conversation id (not its token) spends only their own allowance.
    const stranger = { conversationId: convs[0]!.conversationId, token: 'x'.repeat(32) };
    for (let i = 0; i < 30; i++) expect((await send('203.0.113.9', stranger)).statusCode).toBe(404);
    expect((await send('203.0.113.9', stranger)).statusCode).toBe(429);
    expect((await send(visitor, convs[0]!)).statusCode).toBe(200);
    // One IP opening conversations does not multiply its messages: 60 a minute in all.
    for (let i = 1; i < 60; i++) expect((await send(visitor, convs[i % 3]!)).statusCode).toBe(200);
    const over = await send(visitor, convs[2]!);
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json()).toMatchObject({ status: 429 });
    expect(over.headers['retry-after']).toBeDefined();
  });

  it('refuses other origins, wrong tokens and oversized messages, and ignores console cookies', async () => {
    const start = (await pub('POST', '/conversations', {})).json();
    const other = await s.app.inject({
      method: 'POST',
      url: `/public/v1/assistants/${assistantId}/conversations`,
      payload: {},
      headers: { origin: 'https://evil.example' },
    });
    expect(other.statusCode).toBe(403);
    const wrong = await pub(
      'POST',
      `/conversations/${start.conversationId}/messages`,
      { text: 'hello' },
      { 'x-conversation-token': 'x'.repeat(32) },
    );
    expect(wrong.statusCode).toBe(404);
    const big = await pub(
      'POST',
      `/conversations/${start.conversationId}/messages`,
      { text: 'a'.repeat(5000) },
      { 'x-conversation-token': start.token },
    );
    expect(big.statusCode).toBe(400);
    const preflight = await s.app.inject({
      method: 'OPTIONS',
      url: `/public/v1/assistants/${assistantId}/conversations`,
      headers: { origin: SITE, 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('x-conversation-token');
  });

  it('hands over to a human agent who answers in the same conversation', async () => {
    const start = (await pub('POST', '/conversations', { lang: 'en' })).json();
    const h = { 'x-conversation-token': start.token };
    const off = await pub(
      'POST',
      `/conversations/${start.conversationId}/messages`,
      { text: 'What is the airspeed velocity of an unladen swallow?' },
      h,
    );
    expect(off.json().handoff).toBe(true);
    const queue = (
      await s.app.inject({
        url: `/api/v1/assistants/${assistantId}/conversations?status=handoff`,
        headers: admin,
      })
    ).json();
    expect(queue.conversations.map((c: { id: string }) => c.id)).toContain(start.conversationId);
    const reply = await s.app.inject({
      method: 'POST',
      url: `/api/v1/assistants/${assistantId}/conversations/${start.conversationId}/reply`,
      headers: admin,
      payload: { text: 'Hello, I am Sam from support: let me check that for you.' },
    });
    expect(reply.statusCode).toBe(201);
    const polled = (
      await pub('GET', `/conversations/${start.conversationId}/messages?after=0`, undefined, h)
    ).json();
    expect(polled.status).toBe('handoff');
    expect(polled.messages.at(-1)).toMatchObject({ role: 'agent' });
    const analytics = (
      await s.app.inject({ url: `/api/v1/assistants/${assistantId}/analytics`, headers: admin })
    ).json();
    expect(analytics.deflection).toBeDefined();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { parseBrief } from '../brief.js';
import { sampleBrief } from '../sample-briefs.js';
import { type ChatServer, startChatServer } from '../testing/chat-server.js';
import { openaiProvider } from './openai.js';
import type { GenerateRequest } from './types.js';

const API_KEY = 'sk-test-0123456789abcdef0123456789abcdef';
let server: ChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function request(): GenerateRequest {
  return {
    messages: [
      { role: 'system', content: 'You write press releases.' },
      { role: 'user', content: 'Write one.' },
    ],
    brief: parseBrief(sampleBrief('press-release', 'en')),
    variant: { index: 0, seed: '0' },
  };
}

describe('openai provider', () => {
  it('sends the messages, model and key, and returns the answer (non-streaming)', async () => {
    server = await startChatServer({ reply: () => '# Headline\n\nBody.' });
    const provider = openaiProvider({ baseURL: server.url, apiKey: API_KEY, model: 'test-model' });
    const result = await provider.generate(request());
    expect(result).toEqual({ text: '# Headline\n\nBody.', model: 'test-model' });
    expect(server.requests[0]!.body.model).toBe('test-model');
    expect(server.requests[0]!.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(server.requests[0]!.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('streams text deltas from SSE chunks until [DONE]', async () => {
    const answer = 'Streaming works, chunk by chunk, in order.';
    server = await startChatServer({ reply: () => answer, chunkSize: 5 });
    const provider = openaiProvider({ baseURL: server.url, apiKey: API_KEY, model: 'test-model' });
    const deltas: string[] = [];
    for await (const d of provider.stream!(request())) deltas.push(d);
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe(answer);
    expect(server.requests[0]!.body.stream).toBe(true);
  });

  const failures: Array<{ name: string; options: Parameters<typeof startChatServer>[0]; message: RegExp }> = [
    { name: 'a rejected key', options: { reply: () => '', status: 401 }, message: /rejected the API key/ },
    {
      name: 'an unknown model',
      options: { reply: () => '', status: 404 },
      message: /does not know this model/,
    },
    { name: 'a server error', options: { reply: () => '', status: 500 }, message: /answered HTTP 500/ },
    {
      name: 'a timeout',
      options: { reply: () => 'late', delayMs: 2000 },
      message: /did not answer within 300 ms/,
    },
  ];
  for (const { name, options, message } of failures) {
    it(`gives a clear AppError without the key on ${name}`, async () => {
      server = await startChatServer(options);
      const provider = openaiProvider({
        baseURL: server.url,
        apiKey: API_KEY,
        model: 'test-model',
        timeoutMs: 300,
        maxRetries: 0,
      });
      const err = await provider.generate(request()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('NOT_READY');
      expect((err as AppError).message).toMatch(message);
      expect((err as AppError).message).toContain('127.0.0.1');
      expect(JSON.stringify(err) + String(err)).not.toContain(API_KEY);
    });
  }

  it('reports an endpoint that cannot be reached', async () => {
    const closed = await startChatServer({ reply: () => '' });
    const url = closed.url;
    await closed.close();
    const provider = openaiProvider({ baseURL: url, apiKey: API_KEY, model: 'm', maxRetries: 0 });
    await expect(provider.generate(request())).rejects.toThrow(/cannot be reached/);
  });

  it('refuses invalid settings without echoing them', () => {
    expect(() => openaiProvider({ baseURL: 'not a url', apiKey: API_KEY, model: 'm' })).toThrow(/baseURL/);
    try {
      openaiProvider({ baseURL: 'ftp://x', apiKey: API_KEY, model: '' });
    } catch (err) {
      expect(String(err)).not.toContain(API_KEY);
    }
  });
});

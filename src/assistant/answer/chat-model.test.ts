import { describe, expect, it } from 'vitest';
import { answerProviderFrom, type ChatModel } from './chat-model.js';

type Request = Parameters<ChatModel['generate']>[0];

function model(usesModel: boolean, reply: (r: Request) => Promise<string>) {
  const requests: Request[] = [];
  const m: ChatModel = {
    usesModel,
    async generate(request) {
      requests.push(request);
      return { text: await reply(request) };
    },
  };
  return { m, requests };
}

describe('answerProviderFrom', () => {
  it('refuses a provider that drafts without a model (the composer)', () => {
    expect(answerProviderFrom(model(false, async () => 'x').m)).toBeUndefined();
  });

  it('puts the system prompt first, bounds the answer and sets a deadline', async () => {
    const { m, requests } = model(true, async () => 'Yes [1].');
    const provider = answerProviderFrom(m)!;
    const text = await provider.generate({
      system: 'You are the assistant.',
      messages: [{ role: 'user', content: 'Hello?' }],
    });
    expect(text).toBe('Yes [1].');
    expect(requests[0]!.messages).toEqual([
      { role: 'system', content: 'You are the assistant.' },
      { role: 'user', content: 'Hello?' },
    ]);
    expect(requests[0]!.maxTokens).toBeLessThanOrEqual(1000);
    expect(requests[0]!.signal).toBeInstanceOf(AbortSignal);
  });

  it('aborts a call that outlives its deadline', async () => {
    const { m } = model(
      true,
      (r) => new Promise((_, reject) => r.signal?.addEventListener('abort', () => reject(r.signal?.reason))),
    );
    const provider = answerProviderFrom(m, { timeoutMs: 20 })!;
    await expect(provider.generate({ system: 's', messages: [] })).rejects.toThrow();
  });
});

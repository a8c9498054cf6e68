import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { parseBrief } from '../brief.js';
import { sampleBrief } from '../sample-briefs.js';
import { llamaCppProvider, loadLlamaCpp } from './llamacpp.js';
import { getProvider } from './registry.js';
import type { GenerateRequest } from './types.js';

const request: GenerateRequest = {
  messages: [{ role: 'user', content: 'Hello' }],
  brief: parseBrief(sampleBrief('customer-reply', 'en')),
  variant: { index: 0, seed: '0' },
};

describe('llamacpp provider', () => {
  it('says the model file is missing', async () => {
    const provider = llamaCppProvider({ modelPath: '/nonexistent/models/tiny.gguf' });
    const err = await provider.generate(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe(
      'The model file tiny.gguf is missing: download a GGUF model and set its path',
    );
  });

  it('says how to install node-llama-cpp when it is absent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-gguf-'));
    const modelPath = join(dir, 'model.gguf');
    writeFileSync(modelPath, 'GGUF');
    const provider = getProvider('llamacpp', { llamacpp: { modelPath } });
    await expect(provider.generate(request)).rejects.toThrow(
      'node-llama-cpp is not installed: npm i node-llama-cpp@3.21.1',
    );
    await expect(loadLlamaCpp()).rejects.toMatchObject({ code: 'CONFIG' });
  });

  it('drives a node-llama-cpp module when one is present (generate and stream)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-gguf-'));
    const modelPath = join(dir, 'model.gguf');
    writeFileSync(modelPath, 'GGUF');
    const seen: string[] = [];
    const fake = {
      getLlama: async () => ({
        loadModel: async () => ({ createContext: async () => ({ getSequence: () => ({}) }) }),
      }),
      LlamaChatSession: class {
        constructor(readonly options: { systemPrompt?: string }) {}
        async prompt(text: string, o?: { onTextChunk?: (c: string) => void }) {
          seen.push(text);
          for (const c of ['Hel', 'lo ', 'there']) o?.onTextChunk?.(c);
          return 'Hello there';
        }
      },
    };
    const provider = llamaCppProvider({ modelPath }, async () => fake);
    expect(await provider.generate(request)).toEqual({ text: 'Hello there', model: 'model.gguf' });
    const chunks: string[] = [];
    for await (const c of provider.stream!(request)) chunks.push(c);
    expect(chunks).toEqual(['Hel', 'lo ', 'there']);
    expect(seen).toEqual(['Hello', 'Hello']);
  });
});

describe('getProvider', () => {
  it.each([
    ['composer', {}, 'composer'],
    ['openai', { openai: { baseURL: 'http://127.0.0.1:9/v1', apiKey: 'k', model: 'm' } }, 'openai'],
  ])('returns %s', (name, settings, id) => {
    expect(getProvider(name, settings).id).toBe(id);
  });
  it.each([
    ['openai', /not configured/],
    ['llamacpp', /not configured/],
    ['gpt-magic', /Unknown provider/],
  ])('refuses %s without settings', (name, message) => {
    expect(() => getProvider(name)).toThrow(message);
  });
});

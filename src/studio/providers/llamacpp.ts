/**
 * A local GGUF model through node-llama-cpp, an optional dependency: it is loaded only when this
 * provider is used, and its absence (or the model file's) gives a message that says what to do.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../core/errors.js';
import type { ChatMessage, GenerateRequest, Provider } from './types.js';

export const LLAMACPP_PACKAGE = 'node-llama-cpp';
export const LLAMACPP_VERSION = '3.21.1';

export interface LlamaCppConfig {
  modelPath: string;
  contextSize?: number;
  temperature?: number;
  maxTokens?: number;
}

/** The part of node-llama-cpp 3.x this provider uses. */
interface LlamaModule {
  getLlama(): Promise<{
    loadModel(options: { modelPath: string }): Promise<{
      createContext(options?: { contextSize?: number }): Promise<{ getSequence(): unknown }>;
    }>;
  }>;
  LlamaChatSession: new (options: {
    contextSequence: unknown;
    systemPrompt?: string;
  }) => {
    prompt(
      text: string,
      options?: {
        maxTokens?: number;
        temperature?: number;
        onTextChunk?: (chunk: string) => void;
        signal?: AbortSignal;
      },
    ): Promise<string>;
  };
}

/** Indirect so TypeScript and bundlers do not require the optional package at build time. */
async function importLlama(specifier: string = LLAMACPP_PACKAGE): Promise<LlamaModule> {
  try {
    return (await import(specifier)) as LlamaModule;
  } catch {
    throw new AppError(
      'CONFIG',
      `${LLAMACPP_PACKAGE} is not installed: npm i ${LLAMACPP_PACKAGE}@${LLAMACPP_VERSION}`,
    );
  }
}

function split(messages: ChatMessage[]): { system: string; user: string } {
  return {
    system: messages
      .filter((m) => m.role === 'system')
      .map((m) => m.content)
      .join('\n\n'),
    user: messages
      .filter((m) => m.role !== 'system')
      .map((m) => m.content)
      .join('\n\n'),
  };
}

export function llamaCppProvider(
  config: LlamaCppConfig,
  load: () => Promise<LlamaModule> = importLlama,
): Provider {
  const model = basename(config.modelPath);
  let session: Promise<{ llama: LlamaModule; context: { getSequence(): unknown } }> | undefined;

  const open = () => {
    if (!existsSync(config.modelPath)) {
      return Promise.reject(
        new AppError('CONFIG', `The model file ${model} is missing: download a GGUF model and set its path`),
      );
    }
    session ??= (async () => {
      const llama = await load();
      const runtime = await llama.getLlama();
      const loaded = await runtime.loadModel({ modelPath: config.modelPath });
      const context = await loaded.createContext(
        config.contextSize ? { contextSize: config.contextSize } : {},
      );
      return { llama, context };
    })();
    session.catch(() => {
      session = undefined;
    });
    return session;
  };

  const run = async (request: GenerateRequest, onTextChunk?: (chunk: string) => void) => {
    const { llama, context } = await open();
    const { system, user } = split(request.messages);
    const chat = new llama.LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt: system });
    return chat.prompt(user, {
      maxTokens: request.maxTokens ?? config.maxTokens ?? 2000,
      temperature: request.temperature ?? config.temperature ?? 0.4,
      ...(onTextChunk ? { onTextChunk } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  };

  return {
    id: 'llamacpp',
    usesModel: true,
    model,
    async generate(request) {
      return { text: await run(request), model };
    },
    async *stream(request) {
      // node-llama-cpp reports chunks through a callback: queue them for the iterator.
      const queue: string[] = [];
      let wake: (() => void) | undefined;
      let done = false;
      let failure: unknown;
      run(request, (chunk) => {
        queue.push(chunk);
        wake?.();
      }).then(
        () => {
          done = true;
          wake?.();
        },
        (err) => {
          failure = err;
          done = true;
          wake?.();
        },
      );
      while (true) {
        if (queue.length > 0) {
          yield queue.shift()!;
          continue;
        }
        if (done) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
      if (failure) throw failure;
    },
  };
}

export { importLlama as loadLlamaCpp };

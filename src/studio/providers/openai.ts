/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, Mistral, Ollama, vLLM,
 * llama.cpp server) through the official SDK with a base URL. Failures become one AppError that
 * names the endpoint's host and what went wrong, never the key or the prompt.
 */
import OpenAI from 'openai';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { GenerateRequest, Provider } from './types.js';

export const openaiConfigSchema = z.strictObject({
  baseURL: z.url({ protocol: /^https?$/ }).max(2000),
  apiKey: z.string().min(1).max(4000),
  model: z.string().trim().min(1).max(200),
  /** Per request, in milliseconds. */
  timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  maxRetries: z.number().int().min(0).max(5).default(1),
  temperature: z.number().min(0).max(2).default(0.4),
  maxTokens: z.number().int().min(16).max(32_000).default(2000),
});
export type OpenAIConfig = z.input<typeof openaiConfigSchema>;

function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return 'the model endpoint';
  }
}

/** Maps an SDK error to an AppError whose message is safe to log and show. */
export function endpointError(err: unknown, host: string, timeoutMs: number): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof OpenAI.APIConnectionTimeoutError) {
    return new AppError('NOT_READY', `The model endpoint ${host} did not answer within ${timeoutMs} ms`);
  }
  if (err instanceof OpenAI.APIUserAbortError) {
    return new AppError('NOT_READY', `The request to the model endpoint ${host} was cancelled`);
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return new AppError('NOT_READY', `The model endpoint ${host} cannot be reached`);
  }
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    const why =
      err.status === 401 || err.status === 403
        ? 'rejected the API key'
        : err.status === 404
          ? 'does not know this model or path'
          : err.status === 429
            ? 'is rate limiting requests'
            : `answered HTTP ${err.status}`;
    // Not `status`: problem+json would take it for this answer's own status (a 401 signs a browser out).
    return new AppError('NOT_READY', `The model endpoint ${host} ${why}`, { upstreamStatus: err.status });
  }
  return new AppError('NOT_READY', `The model endpoint ${host} failed`);
}

export function openaiProvider(input: OpenAIConfig): Provider {
  const parsed = openaiConfigSchema.safeParse(input);
  if (!parsed.success) {
    // Only the paths: a value here could be the key.
    const paths = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new AppError('CONFIG', `Invalid OpenAI-compatible provider settings: ${paths}`);
  }
  const config = parsed.data;
  const host = hostOf(config.baseURL);
  const client = new OpenAI({
    baseURL: config.baseURL,
    apiKey: config.apiKey,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
  });
  const body = (request: GenerateRequest) => ({
    model: config.model,
    messages: request.messages,
    temperature: request.temperature ?? config.temperature,
    max_tokens: request.maxTokens ?? config.maxTokens,
  });
  const options = (request: GenerateRequest) => (request.signal ? { signal: request.signal } : {});

  return {
    id: 'openai',
    usesModel: true,
    model: config.model,
    async generate(request) {
      try {
        const completion = await client.chat.completions.create(
          { ...body(request), stream: false },
          options(request),
        );
        const text = completion.choices[0]?.message?.content;
        if (typeof text !== 'string') {
          throw new AppError('NOT_READY', `The model endpoint ${host} returned no text`);
        }
        return { text, model: completion.model || config.model };
      } catch (err) {
        throw endpointError(err, host, config.timeoutMs);
      }
    },
    async *stream(request) {
      try {
        const stream = await client.chat.completions.create(
          { ...body(request), stream: true },
          options(request),
        );
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta?.content;
          if (delta) yield delta;
        }
      } catch (err) {
        throw endpointError(err, host, config.timeoutMs);
      }
    },
  };
}

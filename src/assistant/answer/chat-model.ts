/**
 * Adapts a chat model (the shape of Studio's model providers, e.g. the OpenAI-compatible one) to the
 * Assistant's `AnswerProvider`. Declared structurally so the Assistant does not import Studio: the
 * server hands over the workspace's provider. A customer waits on the other side, so the call gets
 * its own deadline, shorter than a drafting one; a late or failed call becomes a thrown error that
 * `generateDraft` turns into the extractive fall-back.
 */
import type { AnswerProvider } from '../types.js';

export interface ChatModel {
  /** False for providers that draft without a model (Studio's composer): useless to the Assistant. */
  usesModel: boolean;
  generate(request: {
    messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
    signal?: AbortSignal;
    maxTokens?: number;
    temperature?: number;
  }): Promise<{ text: string }>;
}

/** A customer should not wait longer than this for a model before getting the extractive answer. */
export const DEFAULT_MODEL_TIMEOUT_MS = 15_000;
/** At most three sentences with citations: a few hundred tokens are plenty. */
const MAX_ANSWER_TOKENS = 400;
/** Answers are read back against the passages: little room for creativity. */
const TEMPERATURE = 0.2;

export function answerProviderFrom(
  model: ChatModel,
  options: { timeoutMs?: number } = {},
): AnswerProvider | undefined {
  if (!model.usesModel) return undefined;
  const timeoutMs = options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS;
  return {
    async generate({ system, messages }) {
      const result = await model.generate({
        messages: [{ role: 'system', content: system }, ...messages],
        signal: AbortSignal.timeout(timeoutMs),
        maxTokens: MAX_ANSWER_TOKENS,
        temperature: TEMPERATURE,
      });
      return result.text;
    },
  };
}

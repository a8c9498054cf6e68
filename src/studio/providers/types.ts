/**
 * One interface for every way of drafting: the composer (no model), any OpenAI-compatible endpoint,
 * and a local GGUF model. `guardedGenerate` is the only caller that talks to model providers.
 */
import type { Brief } from '../brief.js';
import type { Draft } from '../draft.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateRequest {
  messages: ChatMessage[];
  /** The validated brief: the composer drafts from it; model providers only see `messages`. */
  brief: Brief;
  variant: { index: number; seed: string };
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
  now?: Date;
}

export interface GenerateResult {
  text: string;
  model: string | null;
  /** Set by providers that draft structure themselves (the composer). */
  draft?: Draft;
}

export interface Provider {
  id: string;
  /** True when text leaves the process: Guard then pseudonymises the prompt and plants a canary. */
  usesModel: boolean;
  /** The model a streamed answer came from (a non-streamed result says it itself). */
  model?: string | null;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  stream?(request: GenerateRequest): AsyncIterable<string>;
}

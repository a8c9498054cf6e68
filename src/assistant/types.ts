/** The Assistant's vocabulary: articles, passages, answers and the records analytics read. */
import type { Mapping, ScanFinding } from './guard-api.js';

export type Lang = 'en' | 'fr';

/** A knowledge-base article as approved by its owner. */
export interface Article {
  id: string;
  title: string;
  owner: string;
  lang: Lang;
  /** ISO date (YYYY-MM-DD) by which the owner must review the article again. */
  reviewDate: string;
  version: string;
  tags: string[];
  /** Markdown body, without the front matter. */
  body: string;
}

/** A piece of an article small enough to quote, with what a citation needs to point at it. */
export interface Passage {
  /** `articleId#anchor` plus a counter when a section has several passages. */
  id: string;
  articleId: string;
  articleTitle: string;
  lang: Lang;
  /** Headings from the top of the article down to this passage's section. */
  headingPath: string[];
  /** GitHub-style slug of the closest heading (empty for text before the first heading). */
  anchor: string;
  /** Plain text: Markdown syntax, HTML and comments removed. */
  text: string;
  /** Position of the passage in its article. */
  index: number;
}

export interface Citation {
  /** The number shown in the answer, `[1]`. */
  n: number;
  articleId: string;
  title: string;
  anchor: string;
  headingPath: string[];
  passageId: string;
}

/** Why a message got no answer at all. */
export type RefusalReason = 'injection' | 'secret' | 'policy' | 'too-long' | 'malformed' | 'output-policy';

/**
 * Why a generative turn was answered extractively: the draft cited nothing it could be checked
 * against, Guard withheld it, the model endpoint failed (timeout, 5xx, no text), the workspace
 * has no model provider configured, or the assistant already had its cap of model calls running.
 */
export type FallbackReason = 'unsupported' | 'output-policy' | 'provider-error' | 'provider-missing' | 'busy';

export const fallbackReasons: readonly FallbackReason[] = [
  'unsupported',
  'output-policy',
  'provider-error',
  'provider-missing',
  'busy',
];

/** A Guard finding tagged with the step of the turn that produced it. */
export type AssistantFinding = ScanFinding & { stage: 'input' | 'output' | 'draft' };

/** What the caller keeps between turns of one conversation (seal `mapping`: it holds originals). */
export interface ConversationState {
  /** The AI disclosure has been shown (EU AI Act Art. 50(1)). */
  disclosed: boolean;
  /** Language of the last turn: the default when a short message ("ok", "merci") does not decide. */
  lang?: Lang;
  /** Pseudonymisation mapping of what this customer typed; the only personal data an answer may repeat. */
  mapping?: Mapping;
  /** Earlier turns, already pseudonymised, for the generative mode's context. */
  history?: Array<{ role: 'customer' | 'assistant'; text: string }>;
}

export interface AnswerResult {
  /** What the customer sees, disclosure included on the first turn. */
  text: string;
  lang: Lang;
  /** The mode that produced the text (`generative` falls back to `extractive`). */
  mode: 'extractive' | 'generative';
  citations: Citation[];
  /** 0..1, calibrated retrieval confidence of the best passage. */
  confidence: number;
  /** The customer should be offered a human. */
  handoff: boolean;
  refused?: RefusalReason;
  fallback?: FallbackReason;
  findings: AssistantFinding[];
  /** Question as stored: personal data replaced by placeholders. */
  pseudonymisedQuestion: string;
  /** State to keep for the next turn. */
  conversation: ConversationState;
  /** Milliseconds spent in Guard (scans, pseudonymisation, restore) and waiting for the model. */
  timings: { guardMs: number; providerMs: number };
}

/** The provider interface Studio's providers satisfy. */
export interface AnswerProvider {
  generate(request: {
    system: string;
    messages: Array<{ role: 'user' | 'assistant'; content: string }>;
  }): Promise<string>;
}

/** One stored turn, as analytics read it (question already pseudonymised). */
export interface TurnRecord {
  question: string;
  lang: Lang;
  confidence: number;
  handoff: boolean;
  refused?: RefusalReason;
  citations: Array<Pick<Citation, 'articleId' | 'title'>>;
  feedback?: 'helpful' | 'not-helpful';
  /** The mode that produced the answer (absent in records older than generative mode: extractive). */
  mode?: 'extractive' | 'generative';
  /** A generative turn answered extractively, and why. */
  fallback?: FallbackReason;
}

export interface ConversationRecord {
  id: string;
  turns: TurnRecord[];
  /** A human took over (requested by the customer or offered by the assistant and accepted). */
  handedOff: boolean;
}

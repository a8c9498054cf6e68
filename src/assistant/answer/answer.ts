/**
 * One customer turn, end to end: validate the message, Guard on the way in (injection refused,
 * personal data pseudonymised), retrieve, answer (extractive, or generative with a support check
 * and an extractive fall-back), Guard on the way out, and the AI disclosure on the first turn.
 * Pure apart from the provider call: storage, rate limits and the handoff queue are the caller's.
 */
import {
  createCanary,
  emptyMapping,
  type Mapping,
  type Policy,
  pseudonymise,
  restore,
  type ScanFinding,
  scan,
} from '../guard-api.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import {
  DEFAULT_CONFIDENCE_THRESHOLD,
  knowsWord,
  type SearchResultSet,
  search,
} from '../retrieval/search.js';
import { detectMessageLanguage } from '../text/language.js';
import type {
  AnswerProvider,
  AnswerResult,
  AssistantFinding,
  Citation,
  ConversationState,
  FallbackReason,
  Lang,
  Passage,
  RefusalReason,
} from '../types.js';
import { citationFor } from './citation.js';
import { extractiveAnswer } from './extractive.js';
import { buildMessages, buildSystemPrompt, generateDraft } from './generative.js';
import { decline, disclosure, fill, refusals } from './messages.js';
import { checkOutput } from './output-check.js';
import { QUOTE_IGNORED_RULES } from './screen-passage.js';
import { checkSupport, DEFAULT_SUPPORT_THRESHOLD, renumberCitations } from './support.js';
import { MAX_MESSAGE_CHARS, validateMessage } from './validate-message.js';

export interface AnswerOptions {
  kb: KnowledgeBase;
  /** Default `extractive`; `generative` needs a provider. */
  mode?: 'extractive' | 'generative';
  provider?: AnswerProvider;
  /** Generative mode, but the assistant is at its cap of concurrent model calls: no provider given. */
  busy?: boolean;
  conversation?: ConversationState;
  /** The customer's language when known (the widget's locale); detected from the message otherwise. */
  lang?: Lang;
  policy?: Policy;
  /** Retrieval confidence below which the assistant declines and offers a human. */
  threshold?: number;
  /** Share of a generated sentence's content words that must be found in its cited passages. */
  supportThreshold?: number;
  maxMessageChars?: number;
  brandName?: string;
  brandVoice?: string;
  /** Passages given to the model (default 4). */
  contextPassages?: number;
}

/** How many turns of pseudonymised history the state keeps for the model's context. */
const MAX_HISTORY_ENTRIES = 12;
/** A draft longer than this is not a concise answer (and bounds the checks that follow). */
const MAX_DRAFT_CHARS = 4000;
/** The best of the first few hits decides the confidence (BM25 order and coverage may disagree). */
const CONFIDENCE_HITS = 3;
const PLACEHOLDER = /\[[A-Z]{1,20}(?:_[A-Z]{1,20}){0,3}_\d{1,6}\]/g;
/** The same pattern without the global flag, for a stateless test. */
const ANY_PLACEHOLDER = new RegExp(PLACEHOLDER.source);

interface Turn {
  lang: Lang;
  conversation: ConversationState;
  findings: AssistantFinding[];
  pseudonymisedQuestion: string;
  timings: AnswerResult['timings'];
}

/** Runs `fn` and adds its duration to the turn's Guard time (what the bench reports as overhead). */
function guardTimed<T>(timings: AnswerResult['timings'], fn: () => T): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    timings.guardMs += performance.now() - started;
  }
}

function finish(
  turn: Turn,
  body: string,
  extra: Partial<AnswerResult> & Pick<AnswerResult, 'handoff'>,
  history: { question: string; answer: string } | undefined,
): AnswerResult {
  const first = !turn.conversation.disclosed;
  const entries = history
    ? [
        ...(turn.conversation.history ?? []),
        { role: 'customer' as const, text: history.question },
        { role: 'assistant' as const, text: history.answer },
      ].slice(-MAX_HISTORY_ENTRIES)
    : turn.conversation.history;
  return {
    text: first ? `${disclosure[turn.lang]}\n\n${body}` : body,
    lang: turn.lang,
    mode: 'extractive',
    citations: [],
    confidence: 0,
    findings: turn.findings,
    pseudonymisedQuestion: turn.pseudonymisedQuestion,
    timings: turn.timings,
    ...extra,
    conversation: {
      ...turn.conversation,
      disclosed: true,
      lang: turn.lang,
      ...(entries ? { history: entries } : {}),
    },
  };
}

function refuse(turn: Turn, reason: RefusalReason, maxChars: number): AnswerResult {
  const handoff = reason === 'output-policy';
  return finish(
    turn,
    fill(refusals[reason][turn.lang], { max: maxChars }),
    { refused: reason, handoff },
    undefined,
  );
}

function inputRefusal(findings: AssistantFinding[]): RefusalReason {
  const blocked = findings.filter((f) => f.action === 'block');
  if (blocked.some((f) => f.category === 'injection')) return 'injection';
  if (blocked.some((f) => f.category === 'secret')) return 'secret';
  return 'policy';
}

function tag(
  findings: ReturnType<typeof scan>['findings'],
  stage: AssistantFinding['stage'],
): AssistantFinding[] {
  return findings.map((f) => ({ ...f, stage }));
}

function retrievalConfidence(result: SearchResultSet): number {
  return result.hits.slice(0, CONFIDENCE_HITS).reduce((best, h) => Math.max(best, h.confidence), 0);
}

export async function answer(question: unknown, options: AnswerOptions): Promise<AnswerResult> {
  const maxChars = options.maxMessageChars ?? MAX_MESSAGE_CHARS;
  const conversation: ConversationState = options.conversation ?? { disclosed: false };
  const fallbackLang = conversation.lang ?? 'en';
  const checked = validateMessage(question, maxChars);
  if (!checked.ok) {
    const guess =
      typeof question === 'string'
        ? detectMessageLanguage(question.slice(0, maxChars), fallbackLang)
        : fallbackLang;
    const turn = {
      lang: options.lang ?? guess,
      conversation,
      findings: [],
      pseudonymisedQuestion: '',
      timings: { guardMs: 0, providerMs: 0 },
    };
    return refuse(turn, checked.reason, maxChars);
  }
  const text = checked.text;
  const lang =
    options.lang ?? detectMessageLanguage(text, fallbackLang, (l, word) => knowsWord(options.kb, l, word));
  const policy = options.policy ? { policy: options.policy } : {};

  // Guard on the way in.
  const timings = { guardMs: 0, providerMs: 0 };
  const input = guardTimed(timings, () => scan(text, { profile: 'input', lang, locale: lang, ...policy }));
  const inputFindings = tag(input.findings, 'input');
  const mapping = conversation.mapping ?? emptyMapping();
  const toReplace = input.findings.filter((f) => f.action === 'redact' && f.entity);
  const pseudo = guardTimed(timings, () => pseudonymise(text, toReplace, { mapping }));
  const turn: Turn = {
    lang,
    conversation: { ...conversation, mapping: pseudo.mapping },
    findings: inputFindings,
    pseudonymisedQuestion: pseudo.text,
    timings,
  };
  if (input.verdict === 'block') return refuse(turn, inputRefusal(inputFindings), maxChars);

  // Retrieval, and a polite decline when the knowledge base does not know.
  // Placeholders ("[EMAIL_1]") say nothing about the topic and would match digits in passages.
  const query = pseudo.text.replace(PLACEHOLDER, ' ');
  const result = search(options.kb, query, { lang, limit: Math.max(5, options.contextPassages ?? 4) });
  const confidence = retrievalConfidence(result);
  const extractive = extractiveAnswer(options.kb, result);
  if (confidence < (options.threshold ?? DEFAULT_CONFIDENCE_THRESHOLD) || !extractive.text) {
    return finish(
      turn,
      decline[lang],
      { handoff: true, confidence },
      { question: pseudo.text, answer: decline[lang] },
    );
  }

  const customerValues = pseudo.mapping.entries.map((e) => e.original);
  let fallback: FallbackReason | undefined;
  // Generative mode without a provider (none configured, or it could not be set up) still answers.
  if (options.mode === 'generative' && !options.provider)
    fallback = options.busy ? 'busy' : 'provider-missing';
  if (options.mode === 'generative' && options.provider) {
    const passages = result.hits.slice(0, options.contextPassages ?? 4).map((h) => h.passage);
    const generated = await generativeAnswer(options.provider, options, {
      lang,
      passages,
      question: pseudo.text,
      mapping: pseudo.mapping,
      customerValues,
      timings,
    });
    if (generated.kind === 'answer') {
      turn.findings = [...turn.findings, ...tag(generated.findings, 'output')];
      return finish(
        turn,
        generated.text,
        { mode: 'generative', citations: generated.citations, confidence, handoff: false },
        { question: pseudo.text, answer: generated.historyText },
      );
    }
    fallback = generated.reason;
    turn.findings = [...turn.findings, ...tag(generated.findings, 'draft')];
  }

  // The extractive answer quotes approved passages only; it still goes through Guard on the way out.
  const out = guardTimed(timings, () =>
    checkOutput(extractive.text, {
      lang,
      customerValues,
      approvedText: extractive.quotedPassages.join('\n'),
      ignoreRules: QUOTE_IGNORED_RULES,
      ...policy,
    }),
  );
  turn.findings = [...turn.findings, ...tag(out.findings, 'output')];
  if (!out.ok)
    return { ...refuse(turn, 'output-policy', maxChars), confidence, ...(fallback ? { fallback } : {}) };
  return finish(
    turn,
    extractive.text,
    { citations: extractive.citations, confidence, handoff: false, ...(fallback ? { fallback } : {}) },
    { question: pseudo.text, answer: extractive.text },
  );
}

function brand(options: AnswerOptions): { brandName?: string; brandVoice?: string } {
  return {
    ...(options.brandName ? { brandName: options.brandName } : {}),
    ...(options.brandVoice ? { brandVoice: options.brandVoice } : {}),
  };
}

type Generated =
  | { kind: 'answer'; text: string; historyText: string; citations: Citation[]; findings: ScanFinding[] }
  | { kind: 'fallback'; reason: FallbackReason; findings: ScanFinding[] };

/**
 * One model call over the retrieved passages, then the two gates a draft must pass: every sentence
 * supported by the passages it cites, and Guard's output check (canary, instructions, personal
 * data nobody gave). Anything else is a fallback reason for the caller.
 */
async function generativeAnswer(
  provider: AnswerProvider,
  options: AnswerOptions,
  turn: {
    lang: Lang;
    passages: Passage[];
    question: string;
    mapping: Mapping;
    customerValues: string[];
    timings: AnswerResult['timings'];
  },
): Promise<Generated> {
  const { lang, passages, timings } = turn;
  const canary = createCanary();
  const started = performance.now();
  const draft = await generateDraft(
    provider,
    {
      system: buildSystemPrompt({ passages, lang, canary, ...brand(options) }),
      messages: buildMessages(options.conversation?.history, turn.question),
    },
    MAX_DRAFT_CHARS,
  );
  timings.providerMs += performance.now() - started;
  if (draft === null) return { kind: 'fallback', reason: 'provider-error', findings: [] };
  const support = checkSupport(draft, passages, lang, options.supportThreshold ?? DEFAULT_SUPPORT_THRESHOLD);
  const shown = renumberCitations(
    guardTimed(timings, () => restore(draft, turn.mapping)),
    support.cited,
  );
  const out = guardTimed(timings, () =>
    checkOutput(shown, {
      lang,
      customerValues: turn.customerValues,
      approvedText: passages.map((p) => p.text).join('\n'),
      canaries: [canary],
      ...(options.policy ? { policy: options.policy } : {}),
    }),
  );
  // A leak matters more than a weak draft: report it first.
  if (!out.ok) return { kind: 'fallback', reason: 'output-policy', findings: out.findings };
  if (!support.supported) return { kind: 'fallback', reason: 'unsupported', findings: out.findings };
  // A placeholder still there after restoring stands for a detail this customer never gave: the
  // model made it up (or echoed another conversation's), and "[EMAIL_1]" means nothing to a reader.
  if (ANY_PLACEHOLDER.test(shown)) return { kind: 'fallback', reason: 'unsupported', findings: out.findings };
  return {
    kind: 'answer',
    text: shown,
    historyText: renumberCitations(draft, support.cited),
    citations: support.cited.map((n, i) => citationFor(passages[n - 1]!, i + 1)),
    findings: out.findings,
  };
}

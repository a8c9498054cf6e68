/**
 * Every draft goes through Guard. For a model: the brief's prompt is scanned (`input` profile) and
 * blocked or pseudonymised; the approved facts, the brand voice and a canary go in the system prompt;
 * the answer's placeholders are restored; the answer is scanned (`output` profile: leaked canary, PII
 * the brief did not contain, unsupported claims, language, brand rules). The composer skips the model
 * steps but its drafts are scanned the same way, so every draft arrives with its findings.
 */
import { AppError } from '../../core/errors.js';
import { createCanary } from '../../guard/canary.js';
import {
  type Action,
  type BrandRules,
  detectLanguage,
  type Policy,
  type Readability,
  type ScanFinding,
  scan,
  strongestAction,
} from '../../guard/index.js';
import { emptyMapping, type Mapping, pseudonymise } from '../../guard/pseudonymise/index.js';
import type { Detection } from '../../guard/types.js';
import { type BrandKit, brandRulesOf } from '../brand-kit.js';
import { type Brief, type BriefInput, parseBrief } from '../brief.js';
import { angleFor, checkVariantCount, formatDate } from '../composer/index.js';
import type { Draft, Lang } from '../draft.js';
import { draftFromAnswer } from './model-draft.js';
import { briefData, buildInstructions, buildSystemPrompt, buildUserPrompt } from './prompt.js';
import { createRestorer } from './restoring-stream.js';
import type { GenerateRequest, Provider } from './types.js';

export interface GuardedOptions {
  variants?: number;
  seed?: string | number;
  /** The workspace's policy; the shipped default otherwise. */
  policy?: Policy;
  /** Terminology, competitors, banned phrases and the voice for the system prompt. */
  kit?: BrandKit;
  /** Brand rules when there is no kit (Guard's shape). */
  brand?: BrandRules;
  /** Values the workspace registered (customer names...), pseudonymised like detected PII. */
  knownValues?: Array<{ value: string; entity: string }>;
  /** Language of finding messages. Defaults to the brief's. */
  locale?: Lang;
  now?: Date;
  signal?: AbortSignal;
  /** Receives restored text as a model streams it (when the provider streams). */
  onDelta?: (delta: string, variant: number) => void;
  /** Tests pass a fixed canary. */
  canary?: () => string;
}

export interface CheckedDraft {
  draft: Draft;
  verdict: Action;
  findings: ScanFinding[];
  readability: Readability | null;
  /** The language Guard detected in the draft: a mismatch with the brief's is also a warning. */
  detectedLang: Lang;
}

export interface InputReport {
  verdict: Action;
  findings: ScanFinding[];
  /** How many values were replaced before the prompt left. */
  pseudonymised: number;
}

export interface GuardedResult {
  drafts: CheckedDraft[];
  /** Null for the composer, which sends nothing anywhere. */
  input: InputReport | null;
  /** Milliseconds spent in Guard (scans, pseudonymisation, restore) and waiting for the provider. */
  timings: { guardMs: number; providerMs: number };
}

const MISMATCH: Record<Lang, string> = {
  en: 'The draft is not in the language of the brief.',
  fr: 'Le brouillon n’est pas dans la langue du brief.',
};

function blocked(findings: ScanFinding[]): AppError {
  const rules = [...new Set(findings.filter((f) => f.action === 'block').map((f) => f.rule))];
  return new AppError(
    'VALIDATION',
    `Guard blocked the brief before it reached the model (${rules.join(', ')})`,
    {
      findings: findings.map(({ rule, messageId, message, start, end, line, column, action }) => ({
        rule,
        messageId,
        message,
        start,
        end,
        line,
        column,
        action,
      })),
    },
  );
}

/** PII in a draft is expected when the brief itself carried it (a media contact, a quoted speaker). */
function isNewPii(finding: ScanFinding, text: string, briefText: string, mapping: Mapping): boolean {
  if (finding.category !== 'pii') return true;
  const value = text.slice(finding.start, finding.end).toLowerCase();
  if (value.length === 0) return true;
  return (
    !briefText.toLowerCase().includes(value) &&
    !mapping.entries.some((e) => e.original.toLowerCase() === value)
  );
}

interface CheckInput {
  draft: Draft;
  brief: Brief;
  briefText: string;
  mapping: Mapping;
  canaries: string[];
  brand: BrandRules | undefined;
  options: GuardedOptions;
  /** The composer only copies the brief, so PII in its drafts is the brief's own. */
  fromModel: boolean;
}

function checkDraft({
  draft,
  brief,
  briefText,
  mapping,
  canaries,
  brand,
  options,
  fromModel,
}: CheckInput): CheckedDraft {
  // Detected here rather than with lang 'auto', so the mismatch check and the scan agree on it.
  const detected = detectLanguage(draft.text, brief.lang);
  const result = scan(draft.text, {
    profile: 'output',
    lang: detected,
    ...(options.policy ? { policy: options.policy } : {}),
    context: {
      lang: brief.lang,
      facts: brief.facts.map((f) => ({ ...f, expiresAt: f.expiresAt ?? null })),
      canaries,
      ...(brand ? { brand } : {}),
      ...(options.knownValues ? { knownValues: options.knownValues } : {}),
      ...(options.now ? { now: options.now } : {}),
    },
    locale: options.locale ?? brief.lang,
  });
  const findings = result.findings.filter((f) =>
    fromModel ? isNewPii(f, draft.text, briefText, mapping) : f.category !== 'pii',
  );
  const verdict = strongestAction([
    ...findings.map((f) => f.action),
    ...(result.errors.length > 0 ? (['review'] as const) : []),
  ]);
  const warnings = result.lang === brief.lang ? draft.warnings : [...draft.warnings, MISMATCH[brief.lang]];
  return {
    draft: { ...draft, warnings },
    verdict,
    findings,
    readability: result.readability,
    detectedLang: result.lang,
  };
}

async function callModel(provider: Provider, request: GenerateRequest, onDelta?: (delta: string) => void) {
  if (!onDelta || !provider.stream) return provider.generate(request);
  let text = '';
  for await (const delta of provider.stream(request)) {
    text += delta;
    onDelta(delta);
  }
  return { text, model: provider.model ?? null };
}

function scanInput(data: string, brief: Brief, options: GuardedOptions) {
  return scan(data, {
    profile: 'input',
    lang: brief.lang,
    ...(options.policy ? { policy: options.policy } : {}),
    context: { lang: brief.lang, ...(options.knownValues ? { knownValues: options.knownValues } : {}) },
    locale: options.locale ?? brief.lang,
  });
}

export async function guardedGenerate(
  input: BriefInput,
  provider: Provider,
  options: GuardedOptions = {},
): Promise<GuardedResult> {
  const brief = parseBrief(input);
  const count = options.variants ?? 1;
  checkVariantCount(count);
  const seed = String(options.seed ?? 0);
  const brand = options.brand ?? (options.kit ? brandRulesOf(options.kit) : undefined);
  const data = briefData(brief);
  // What a draft may repeat without it being a leak: the brief, and its date as either language writes it.
  const knownText = brief.dateline
    ? [data, formatDate(brief.dateline.date, 'en'), formatDate(brief.dateline.date, 'fr')].join('\n')
    : data;

  let guardMs = 0;
  let providerMs = 0;
  const timed = <T>(fn: () => T): T => {
    const started = performance.now();
    try {
      return fn();
    } finally {
      guardMs += performance.now() - started;
    }
  };
  let report: InputReport | null = null;
  let mapping = emptyMapping();
  let sentData = data;
  const canaries: string[] = [];
  let system = '';
  if (provider.usesModel) {
    // Only the brief's data is scanned: the instructions around it are ours, not a user's.
    const checked = timed(() => scanInput(data, brief, options));
    if (checked.verdict === 'block') throw blocked(checked.findings);
    const detections: Detection[] = checked.findings
      .filter((f) => f.action === 'redact' && f.entity)
      .map((f) => ({ messageId: f.messageId, start: f.start, end: f.end, entity: f.entity!, rule: f.rule }));
    const result = timed(() => pseudonymise(data, detections));
    mapping = result.mapping;
    sentData = result.text;
    report = {
      verdict: checked.verdict,
      findings: checked.findings,
      pseudonymised: result.replacements.length,
    };
    const canary = (options.canary ?? createCanary)();
    canaries.push(canary);
    system = buildSystemPrompt(brief, canary, options.kit);
  }

  const drafts: CheckedDraft[] = [];
  for (let i = 0; i < count; i++) {
    const angle = angleFor(seed, i);
    const request: GenerateRequest = {
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: buildUserPrompt(buildInstructions(brief, angle), sentData) },
      ],
      brief,
      variant: { index: i, seed },
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.now ? { now: options.now } : {}),
    };
    let draft: Draft;
    const providerStarted = performance.now();
    if (!provider.usesModel) {
      const result = await provider.generate(request);
      providerMs += performance.now() - providerStarted;
      draft = result.draft ?? draftFromAnswer(result.text, brief, provider.id, result.model);
    } else {
      const restorer = createRestorer(mapping);
      const onDelta = options.onDelta;
      const result = await callModel(
        provider,
        request,
        onDelta
          ? (delta) => {
              const out = restorer.push(delta);
              if (out) onDelta(out, i);
            }
          : undefined,
      );
      providerMs += performance.now() - providerStarted;
      if (onDelta) {
        const rest = restorer.flush();
        if (rest) onDelta(rest, i);
      }
      // The draft is built from the whole answer restored at once, not from the streamed pieces.
      draft = {
        ...draftFromAnswer(
          timed(() => restoreAll(result.text, mapping)),
          brief,
          provider.id,
          result.model,
        ),
        variant: angle,
      };
    }
    drafts.push(
      timed(() =>
        checkDraft({
          draft,
          brief,
          briefText: knownText,
          mapping,
          canaries,
          brand,
          options,
          fromModel: provider.usesModel,
        }),
      ),
    );
  }
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { drafts, input: report, timings: { guardMs: round(guardMs), providerMs: round(providerMs) } };
}

function restoreAll(text: string, mapping: Mapping): string {
  const restorer = createRestorer(mapping);
  return restorer.push(text) + restorer.flush();
}

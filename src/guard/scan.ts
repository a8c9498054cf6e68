/**
 * The scan pipeline: choose the language, run every detector the policy cares about, turn detections
 * into findings (rule, action, severity, message in the reader's language, line and column), and
 * decide the verdict, the strongest action triggered.
 */
import { AppError } from '../core/errors.js';
import { allDetectors, pipelineRules } from './detectors/index.js';
import { detectLanguage, type Readability, readabilityScore } from './detectors/language/index.js';
import { renderMessage } from './messages.js';
import {
  type Action,
  defaultPolicy,
  isCategorySilenced,
  type Policy,
  type ProfilePolicy,
  resolveAction,
  resolveSeverity,
  strongestAction,
} from './policy/index.js';
import { LineIndex } from './text-position.js';
import type { DetectContext, Detection, Detector, DetectorMeta, Finding, Lang, Profile } from './types.js';

/** Larger inputs are refused: the API answers 413, the CLI reports it on one line. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export interface ScanOptions {
  profile: Profile;
  lang?: 'auto' | Lang;
  /** Defaults to the shipped default policy; pass `loadPolicy(workspaceYaml)` for a workspace's. */
  policy?: Policy;
  /** Workspace data for the detectors (facts, brand rules, known values, canaries, now). */
  context?: Partial<DetectContext>;
  /** Language of the rendered messages. Defaults to English. */
  locale?: Lang;
  /** Replaces the registry (tests, or a caller that wants a subset). */
  detectors?: Detector[];
}

export interface ScanFinding extends Finding {
  /** Id of the detector that reported it (a detector may report several rules, e.g. claim.expired). */
  detector: string;
  action: Action;
  endLine: number;
  endColumn: number;
}

export interface ScanResult {
  verdict: Action;
  profile: Profile;
  findings: ScanFinding[];
  lang: Lang;
  readability: Readability | null;
  stats: { bytes: number; ms: number; byRule: Record<string, number> };
  /** Detectors that threw or returned impossible offsets. A failure makes the verdict at least `review`. */
  errors: Array<{ detector: string; error: string }>;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function assertScannable(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new AppError('VALIDATION', 'The text to scan must be a string');
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: skip the exact count when it cannot matter.
  if (
    text.length > MAX_SCAN_BYTES ||
    (text.length * 3 > MAX_SCAN_BYTES && byteLength(text) > MAX_SCAN_BYTES)
  ) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Text exceeds the ${MAX_SCAN_BYTES / 1024 / 1024} MB scan limit`);
  }
}

interface Raw {
  meta: DetectorMeta;
  detection: Detection;
}

function isValidSpan(d: Detection, length: number): boolean {
  return (
    Number.isInteger(d.start) &&
    Number.isInteger(d.end) &&
    d.start >= 0 &&
    d.start <= d.end &&
    d.end <= length
  );
}

function runDetectors(
  text: string,
  detectors: Detector[],
  context: DetectContext,
  profile: ProfilePolicy,
  errors: ScanResult['errors'],
): Raw[] {
  const raw: Raw[] = [];
  for (const detector of detectors) {
    const { meta } = detector;
    if (!meta.languages.includes('*') && !meta.languages.includes(context.lang)) continue;
    if (isCategorySilenced(profile, meta.category)) continue;
    let detections: Detection[];
    try {
      detections = detector.detect(text, context);
    } catch (err) {
      // The error's message may quote the text: keep only its kind.
      errors.push({ detector: meta.id, error: err instanceof Error ? err.name : 'unknown' });
      continue;
    }
    let invalid = false;
    for (const detection of detections) {
      if (isValidSpan(detection, text.length)) raw.push({ meta, detection });
      else invalid = true;
    }
    if (invalid) errors.push({ detector: meta.id, error: 'invalid offsets' });
  }
  return raw;
}

function readabilityDetection(policy: Policy, readability: Readability | null, text: string): Raw[] {
  const minimum = readability ? policy.readability[readability.lang] : undefined;
  if (!readability || minimum === undefined || readability.score >= minimum) return [];
  const meta = pipelineRules.find((m) => m.id === 'language.readability')!;
  return [
    {
      meta,
      detection: {
        messageId: 'hardToRead',
        data: { score: readability.score, minimum, formula: readability.formula },
        start: 0,
        end: text.length,
      },
    },
  ];
}

function toFindings(text: string, raw: Raw[], profile: ProfilePolicy, locale: Lang): ScanFinding[] {
  const lines = raw.length > 0 ? new LineIndex(text) : undefined;
  const seen = new Set<string>();
  const findings: ScanFinding[] = [];
  for (const { meta, detection: d } of raw) {
    const rule = d.rule ?? meta.id;
    const action = resolveAction(profile, rule, meta.category);
    if (action === 'allow') continue;
    if (d.confidence !== undefined && d.confidence < profile.minConfidence) continue;
    const key = `${rule}:${d.start}:${d.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const start = lines!.position(d.start);
    const end = lines!.position(d.end);
    findings.push({
      rule,
      detector: meta.id,
      category: meta.category,
      severity: resolveSeverity(profile, rule, meta.category, d.severity ?? meta.defaultSeverity),
      action,
      messageId: d.messageId,
      ...(d.data ? { data: d.data } : {}),
      message: renderMessage(meta.messages[d.messageId], d.data, locale, d.messageId),
      start: d.start,
      end: d.end,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ...(d.confidence !== undefined ? { confidence: d.confidence } : {}),
      ...(d.entity ? { entity: d.entity } : {}),
      ...(d.suggestions?.length ? { suggestions: d.suggestions } : {}),
    });
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : 1));
}

export function scan(text: string, options: ScanOptions): ScanResult {
  const started = performance.now();
  assertScannable(text);
  const policy = options.policy ?? defaultPolicy();
  const profile = policy.profiles[options.profile];
  if (!profile) throw new AppError('VALIDATION', 'Unknown scan profile');
  const lang: Lang =
    options.lang === 'en' || options.lang === 'fr'
      ? options.lang
      : detectLanguage(text, options.context?.lang ?? 'en');
  const context: DetectContext = { now: new Date(), ...options.context, lang, profile: options.profile };
  const errors: ScanResult['errors'] = [];

  const readability = readabilityScore(text, lang);
  const raw =
    text.length === 0
      ? []
      : [
          ...runDetectors(text, options.detectors ?? allDetectors(), context, profile, errors),
          ...readabilityDetection(policy, readability, text),
        ];
  const findings = toFindings(text, raw, profile, options.locale ?? 'en');

  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  // Fail closed: a detector that crashed may have missed exactly what it exists to catch.
  const verdict = strongestAction([
    ...findings.map((f) => f.action),
    ...(errors.length > 0 ? ['review' as const] : []),
  ]);
  return {
    verdict,
    profile: options.profile,
    findings,
    lang,
    readability,
    stats: { bytes: byteLength(text), ms: Math.round((performance.now() - started) * 1000) / 1000, byRule },
    errors,
  };
}

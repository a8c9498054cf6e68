/** Compiles the phrase data once and finds phrase hits in a folded view, mapped back to the original. */
import { type FoldedView, originalSpan } from './fold.js';
import { type PhrasePattern, type PhraseRuleId, phrasePatterns } from './phrases.js';

export interface PhraseHit {
  rule: PhraseRuleId;
  lang: PhrasePattern['lang'];
  /** Offsets in the original text. */
  start: number;
  end: number;
}

interface CompiledPhrase {
  source: PhrasePattern;
  re: RegExp;
  requires?: RegExp;
  unless?: RegExp;
}

const MAX_HITS_PER_PATTERN = 50;

const compiled: CompiledPhrase[] = phrasePatterns.map((p) => ({
  source: p,
  re: new RegExp(p.pattern, p.raw ? 'gmu' : 'gm'),
  ...(p.requires ? { requires: new RegExp(p.requires) } : {}),
  ...(p.unless ? { unless: new RegExp(p.unless) } : {}),
}));

// Every anchor of every pattern in one automaton-like regex, run once per text: a zero-width look-ahead
// finds the longest anchor starting at each position, and the shorter anchors it starts with come along.
const anchors = [...new Set(phrasePatterns.flatMap((p) => p.anchors ?? []))].sort(
  (a, b) => b.length - a.length,
);
const ANCHOR_RE = new RegExp(
  `(?=(${anchors.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))`,
  'gu',
);
const prefixes = new Map(anchors.map((a) => [a, anchors.filter((b) => a.startsWith(b))] as const));

/** Anchors present in a text, so each pattern can be skipped in O(1) when none of its anchors is. */
export function anchorsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(ANCHOR_RE)) for (const a of prefixes.get(m[1] ?? '') ?? []) found.add(a);
  return found;
}

const byRule = new Map<PhraseRuleId, CompiledPhrase[]>();
for (const c of compiled) byRule.set(c.source.rule, [...(byRule.get(c.source.rule) ?? []), c]);

type Span = { start: number; end: number; lang: PhrasePattern['lang'] };

function run(c: CompiledPhrase, text: string, out: Span[], present: Set<string>): void {
  if (c.source.anchors && !c.source.anchors.some((a) => present.has(a))) return;
  let count = 0;
  for (const m of text.matchAll(c.re)) {
    if (m[0].length === 0) continue;
    if (c.requires && !c.requires.test(m[0])) continue;
    if (c.unless?.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, lang: c.source.lang });
    if (++count >= MAX_HITS_PER_PATTERN) break;
  }
}

/** Hits of one rule's folded-view phrases in a folded text (offsets in the folded text). */
export function matchFolded(folded: string, rule: PhraseRuleId, present = anchorsIn(folded)): Span[] {
  const out: Span[] = [];
  for (const c of byRule.get(rule) ?? []) {
    if (c.source.raw) continue;
    run(c, folded, out, present);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Hits of one rule's raw-script phrases in the lower-cased original (same offsets as the original). */
export function matchRaw(text: string, rule: PhraseRuleId): Span[] {
  const lower = text.toLowerCase();
  // Lower-casing a few characters (İ) changes the length; offsets would drift, so skip such texts.
  if (lower.length !== text.length || !/[\u0250-\uFFFF]/.test(text)) return [];
  const out: Span[] = [];
  const present = anchorsIn(lower);
  for (const c of byRule.get(rule) ?? []) if (c.source.raw) run(c, lower, out, present);
  return out;
}

export function matchView(
  view: FoldedView,
  rule: PhraseRuleId,
  original: string,
  present?: Set<string>,
): PhraseHit[] {
  const folded = matchFolded(view.text, rule, present).map((h) => ({
    rule,
    lang: h.lang,
    ...originalSpan(view, h.start, h.end),
  }));
  const raw = matchRaw(original, rule).map((h) => ({ rule, ...h }));
  return [...folded, ...raw].sort((a, b) => a.start - b.start);
}

/** True when any instruction-like phrase (override, role-play, extraction) occurs in a decoded payload. */
export function hasInjectionPhrase(folded: string, original = folded): boolean {
  return (['override', 'roleplay', 'extraction'] as const).some(
    (r) => matchFolded(folded, r).length > 0 || matchRaw(original, r).length > 0,
  );
}

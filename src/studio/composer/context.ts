/**
 * What every template receives: the brief, the fixed words of its language, a seeded generator, the
 * variant's angle and register, the facts still valid, and a place to put warnings.
 */
import type { Brief, BriefFact } from '../brief.js';
import type { Lang, Section } from '../draft.js';
import { fill, type Phrases, phrases, type Register, registerOf } from './phrases.js';
import { type Rng, seededRng } from './rng.js';
import { renderWarning, type WarningId } from './warnings.js';

/** benefit-led, fact-led and question-led; `announcement` stands in for `fact` when there is none. */
export type Angle = 'benefit' | 'fact' | 'question' | 'announcement';
export const ANGLES: readonly Angle[] = ['benefit', 'fact', 'question'];

export interface ComposeContext {
  brief: Brief;
  lang: Lang;
  p: Phrases;
  rng: Rng;
  angle: Angle;
  register: Register;
  facts: BriefFact[];
  values: Record<string, string>;
  warnings: string[];
  warn(id: WarningId, data?: Record<string, string | number>): void;
  /** Fills a template (or picks one of several) with the brief's values. */
  say(template: string | readonly string[], extra?: Record<string, string>): string;
}

export interface Composed {
  title: string;
  sections: Section[];
}

export function createContext(
  brief: Brief,
  options: { angle: Angle; seed: string; now: Date },
): ComposeContext {
  const lang = brief.lang;
  const p = phrases(lang);
  const rng = seededRng(JSON.stringify(brief), options.seed, options.angle);
  const warnings: string[] = [];
  const warn = (id: WarningId, data?: Record<string, string | number>) => {
    const w = renderWarning(id, lang, data);
    if (!warnings.includes(w)) warnings.push(w);
  };
  const nowIso = options.now.toISOString();
  const facts = brief.facts.filter((f) => {
    if (f.expiresAt && f.expiresAt <= nowIso) {
      warn('factExpired', { id: f.id, date: f.expiresAt.slice(0, 10) });
      return false;
    }
    return true;
  });
  const angle = options.angle === 'fact' && facts.length === 0 ? 'announcement' : options.angle;
  const values: Record<string, string> = {
    company: brief.company.name,
    topic: brief.topic,
    topicHead: topicHead(brief.topic),
    audience: brief.audience.name,
    cares: joinList(brief.audience.cares, p.common.andWord),
  };
  const say = (template: string | readonly string[], extra: Record<string, string> = {}) =>
    fill(typeof template === 'string' ? template : rng.pick(template), { ...values, ...extra });
  return {
    brief,
    lang,
    p,
    rng,
    angle,
    register: registerOf(brief.tone, p),
    facts,
    values,
    warnings,
    warn,
    say,
  };
}

/** The name at the head of a topic: "Studio" from "Studio, an AI drafting assistant". */
export function topicHead(topic: string): string {
  const cut = topic.search(/, | – | — |: /u);
  return cut > 0 ? topic.slice(0, cut) : topic;
}

/** "a, b and c" / "a, b et c". */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const END_PUNCTUATION = /[.!?…»”"]$/u;

/** A key message as a sentence: ends with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return END_PUNCTUATION.test(t) ? t : `${t}.`;
}

/** A sentence as a headline: no final full stop. */
export function headlineOf(text: string): string {
  return text.trim().replace(/\.$/u, '');
}

/** Groups sentences into paragraphs: one per paragraph for a `simple` audience, two otherwise. */
export function paragraphs(sentences: readonly string[], ctx: ComposeContext): string[] {
  const size =
    ctx.brief.audience.readingLevel === 'simple' ? 1 : ctx.brief.audience.readingLevel === 'expert' ? 3 : 2;
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += size) out.push(sentences.slice(i, i + size).join(' '));
  return out;
}

/** The headline a variant's angle calls for (the brief's own headline wins for the first variant). */
export function headlineFor(ctx: ComposeContext, variantIndex: number): string {
  const { brief } = ctx;
  if (brief.headline && variantIndex === 0) return brief.headline;
  switch (ctx.angle) {
    case 'benefit':
      return headlineOf(brief.keyMessages[0]!);
    case 'fact':
      return headlineOf(ctx.facts[0]!.statement);
    case 'question':
      return ctx.say(ctx.p.common.questionHeadline);
    default:
      return ctx.say(ctx.p.common.announce);
  }
}

/** The first key message that the headline does not already say. */
export function subheadFor(ctx: ComposeContext, headline: string): string | undefined {
  const candidates = [...ctx.brief.keyMessages, ...ctx.facts.map((f) => f.statement)];
  return candidates.map(headlineOf).find((c) => c !== headline);
}

/** The call to action as one line: "Book a demo: https://..." (or just its text without a link). */
export function ctaLine(ctx: ComposeContext): string | undefined {
  const { callToAction, links, company } = ctx.brief;
  const sep = ctx.lang === 'fr' ? ' : ' : ': ';
  if (callToAction)
    return callToAction.url ? `${callToAction.text}${sep}${callToAction.url}` : callToAction.text;
  const url = links[0]?.url ?? company.website;
  return url ? `${ctx.say(ctx.p.common.learnMore)}${sep}${url}` : undefined;
}

/** The fact statements, each as a sentence. */
export function factSentences(ctx: ComposeContext): string[] {
  return ctx.facts.map((f) => sentence(f.statement));
}

/** Links other than the call to action's, as "label: url" lines. */
export function linkLines(ctx: ComposeContext): string[] {
  const sep = ctx.lang === 'fr' ? ' : ' : ': ';
  const { callToAction, links } = ctx.brief;
  // Without a call to action, the first link already serves as one (see ctaLine).
  const rest = callToAction ? links.filter((l) => l.url !== callToAction.url) : links.slice(1);
  return rest.map((l) => (l.label ? `${l.label}${sep}${l.url}` : l.url));
}

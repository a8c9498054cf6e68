/**
 * Social posts within each platform's real limits. The hook and the call to action are kept whole;
 * further key messages, facts and hashtags are added only while the post still fits, and a post that
 * cannot fit gets a warning rather than a cut word, URL or fact.
 */
import type { Platform } from '../brief.js';
import type { Section } from '../draft.js';
import {
  type ComposeContext,
  type Composed,
  ctaLine,
  factSentences,
  headlineOf,
  sentence,
} from './context.js';
import { deriveHashtags } from './hashtags.js';
import { PLATFORM_LIMITS, postLength } from './social-length.js';
import { applyTypography } from './typography.js';

/** How many hashtags each platform's readers tolerate. */
const MAX_HASHTAGS: Record<Platform, number> = { x: 2, mastodon: 3, linkedin: 5, instagram: 10 };
const PLATFORM_NAMES: Record<Platform, string> = {
  x: 'X',
  mastodon: 'Mastodon',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
};

function hook(ctx: ComposeContext): { hook: string; used: string | undefined } {
  const first = ctx.brief.keyMessages[0]!;
  switch (ctx.angle) {
    case 'fact':
      return { hook: sentence(ctx.facts[0]!.statement), used: ctx.facts[0]!.statement };
    case 'question':
      return { hook: ctx.say(ctx.p.common.questionHeadline), used: undefined };
    case 'announcement':
      return { hook: sentence(ctx.say(ctx.p.common.announce)), used: undefined };
    default:
      return { hook: sentence(first), used: first };
  }
}

function callToAction(ctx: ComposeContext, platform: Platform): string | undefined {
  if (platform !== 'instagram') return ctaLine(ctx);
  // Instagram captions do not make links clickable.
  const hasLink = Boolean(ctx.brief.callToAction?.url ?? ctx.brief.links[0] ?? ctx.brief.company.website);
  if (hasLink) ctx.warn('instagramLink');
  const text = ctx.brief.callToAction ? headlineOf(ctx.brief.callToAction.text) : undefined;
  return (
    [text ? sentence(text) : undefined, hasLink ? ctx.p.common.linkInBio : undefined]
      .filter(Boolean)
      .join(' ') || undefined
  );
}

function assemble(parts: {
  hook: string;
  body: string[];
  cta?: string | undefined;
  tags: string[];
}): Section[] {
  return [
    { name: 'hook', kind: 'paragraph', text: parts.hook },
    ...(parts.body.length > 0
      ? [{ name: 'body', kind: 'paragraph' as const, text: parts.body.join('\n') }]
      : []),
    ...(parts.cta ? [{ name: 'cta', kind: 'paragraph' as const, text: parts.cta }] : []),
    ...(parts.tags.length > 0
      ? [{ name: 'hashtags', kind: 'paragraph' as const, text: parts.tags.join(' ') }]
      : []),
  ];
}

function lengthOf(sections: Section[], platform: Platform): number {
  return postLength(sections.map((s) => s.text).join('\n\n'), platform);
}

export function composeSocialPost(ctx: ComposeContext): Composed {
  const platform = ctx.brief.platform ?? 'x';
  const limit = PLATFORM_LIMITS[platform];
  const t = (s: string) => applyTypography(s, ctx.lang);
  const opening = hook(ctx);
  const parts = {
    hook: t(opening.hook),
    body: [] as string[],
    cta: (() => {
      const c = callToAction(ctx, platform);
      return c === undefined ? undefined : t(c);
    })(),
    tags: [] as string[],
  };
  const fits = () => lengthOf(assemble(parts), platform) <= limit;

  const length = lengthOf(assemble(parts), platform);
  if (length > limit) {
    ctx.warn('tooLong', { length, limit, platform: PLATFORM_NAMES[platform] });
    return { title: opening.hook, sections: assemble(parts) };
  }
  // Fact-led posts bring their facts before the other messages; the others bring messages first.
  const messages = ctx.brief.keyMessages.filter((m) => m !== opening.used).map(sentence);
  const facts = factSentences(ctx).filter((f) => f !== sentence(opening.used ?? ''));
  const extras = ctx.angle === 'fact' ? [...facts, ...messages] : [...messages, ...facts];
  let leftOut = 0;
  // Longer platforms read better with one point per line, marked.
  const bullet = platform === 'linkedin' || platform === 'instagram' ? '→ ' : '';
  for (const extra of extras) {
    parts.body.push(t(`${bullet}${extra}`));
    if (!fits()) {
      parts.body.pop();
      leftOut++;
    }
  }
  for (const tag of deriveHashtags(ctx.brief, MAX_HASHTAGS[platform])) {
    parts.tags.push(tag);
    if (!fits()) parts.tags.pop();
  }
  if (leftOut > 0) ctx.warn('leftOut', { count: leftOut, limit, platform: PLATFORM_NAMES[platform] });
  return { title: opening.hook, sections: assemble(parts) };
}

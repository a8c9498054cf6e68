/** Web page copy: hero (headline, subhead, button), benefits, audience, proof points, call to action. */
import type { Section } from '../draft.js';
import {
  type ComposeContext,
  type Composed,
  ctaLine,
  headlineFor,
  headlineOf,
  sentence,
  subheadFor,
} from './context.js';

function proofPoints(ctx: ComposeContext): Section[] {
  if (ctx.facts.length === 0) {
    ctx.warn('noFacts');
    return [];
  }
  // Sources go on their own line: appended to a fact, their dates would read as part of the claim.
  const sources = [...new Set(ctx.facts.map((f) => f.source))].join('; ');
  return [
    { name: 'proof-heading', kind: 'heading', text: ctx.say(ctx.p.common.factsHeading) },
    { name: 'proof-points', kind: 'list', text: ctx.facts.map((f) => sentence(f.statement)).join('\n') },
    { name: 'sources', kind: 'meta', text: ctx.say(ctx.p.common.sources, { sources }) },
  ];
}

/** The key messages the hero does not already say. */
function benefits(ctx: ComposeContext, hero: readonly (string | undefined)[]): Section[] {
  const items = ctx.brief.keyMessages.map(headlineOf).filter((m) => !hero.includes(m));
  if (items.length === 0) return [];
  return [
    { name: 'benefits-heading', kind: 'heading', text: ctx.say(ctx.p.common.benefitsHeading) },
    { name: 'benefits', kind: 'list', text: items.join('\n') },
  ];
}

function audience(ctx: ComposeContext): Section[] {
  if (ctx.brief.audience.cares.length === 0) return [];
  return [
    { name: 'audience-heading', kind: 'heading', text: ctx.say(ctx.p.common.forAudience) },
    { name: 'audience', kind: 'paragraph', text: ctx.say(ctx.p.common.caresIntro) },
  ];
}

export function composeWebPage(ctx: ComposeContext, variantIndex: number): Composed {
  const title = headlineFor(ctx, variantIndex);
  const subhead = subheadFor(ctx, title);
  const cta = ctaLine(ctx);
  if (ctx.brief.callToAction && !ctx.brief.callToAction.url) ctx.warn('noCtaUrl');
  const hero: Section[] = [
    { name: 'hero', kind: 'title', text: title },
    ...(subhead ? [{ name: 'hero-subhead', kind: 'subtitle' as const, text: subhead }] : []),
    ...(cta ? [{ name: 'hero-cta', kind: 'paragraph' as const, text: cta }] : []),
  ];
  const closing: Section[] = cta
    ? [
        { name: 'cta-heading', kind: 'heading', text: ctx.say(ctx.p.web.ctaHeading) },
        { name: 'cta', kind: 'paragraph', text: cta },
      ]
    : [];
  const middle =
    ctx.angle === 'fact'
      ? [...proofPoints(ctx), ...benefits(ctx, [title, subhead]), ...audience(ctx)]
      : ctx.angle === 'question'
        ? [...audience(ctx), ...benefits(ctx, [title, subhead]), ...proofPoints(ctx)]
        : [...benefits(ctx, [title, subhead]), ...proofPoints(ctx), ...audience(ctx)];
  return { title, sections: [...hero, ...middle, ...closing] };
}

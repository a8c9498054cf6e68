/**
 * Press release: label, headline, subhead, dateline and a lead that answers who, what, when, where
 * and why, body, quote, boilerplate ("About X"), media contact and the language's end mark.
 */
import type { Section } from '../draft.js';
import {
  type ComposeContext,
  type Composed,
  ctaLine,
  factSentences,
  headlineFor,
  headlineOf,
  linkLines,
  paragraphs,
  sentence,
  subheadFor,
} from './context.js';
import { formatDateline } from './typography.js';

function dateline(ctx: ComposeContext): string {
  const { dateline } = ctx.brief;
  if (dateline) return formatDateline(dateline.city, dateline.date, ctx.lang);
  ctx.warn('noDateline');
  return `${ctx.p.press.placeholderDateline} –`;
}

function bodyParagraphs(ctx: ComposeContext, subhead: string | undefined): string[] {
  const messages = ctx.brief.keyMessages
    .slice(1)
    .filter((m) => headlineOf(m) !== subhead)
    .map(sentence);
  const facts = factSentences(ctx);
  const cares = ctx.brief.audience.cares.length > 0 ? [ctx.say(ctx.p.common.caresIntro)] : [];
  switch (ctx.angle) {
    case 'fact':
      return [...paragraphs(facts, ctx), ...paragraphs(messages, ctx)];
    case 'question':
      return [...cares, ...paragraphs(messages, ctx), ...paragraphs(facts, ctx)];
    default:
      return [...paragraphs(messages, ctx), ...paragraphs(facts, ctx)];
  }
}

function quote(ctx: ComposeContext): Section[] {
  const { quote } = ctx.brief;
  if (!quote) {
    ctx.warn('noQuote');
    return [];
  }
  const bare = quote.text.trim().replace(/^["“«]\s*|\s*["”»]$/gu, '');
  // English closes a quote before "said" with a comma inside the marks; French drops the full stop.
  const text = /[?!…]$/u.test(bare)
    ? bare
    : ctx.lang === 'en'
      ? `${bare.replace(/\.$/u, '')},`
      : bare.replace(/\.$/u, '');
  return [{ name: 'quote', kind: 'paragraph', text: ctx.say(ctx.p.press.quote, { ...quote, text }) }];
}

function mediaContact(ctx: ComposeContext): Section[] {
  const contact = ctx.brief.company.mediaContact;
  if (!contact) {
    ctx.warn('noMediaContact');
    return [];
  }
  return [
    { name: 'media-contact-heading', kind: 'heading', text: ctx.p.press.mediaContact },
    {
      name: 'media-contact',
      kind: 'paragraph',
      text: [contact.name, contact.email, contact.phone].filter(Boolean).join('\n'),
    },
  ];
}

export function composePressRelease(ctx: ComposeContext, variantIndex: number): Composed {
  const { brief, p } = ctx;
  if (ctx.facts.length === 0) ctx.warn('noFacts');
  const title = headlineFor(ctx, variantIndex);
  const subhead = subheadFor(ctx, title);
  const lead = [dateline(ctx), ctx.say(p.press.lead), sentence(brief.keyMessages[0]!)].join(' ');
  const more = [ctaLine(ctx), ...linkLines(ctx)].filter((l): l is string => Boolean(l));
  const about = [brief.company.boilerplate, brief.company.website].filter(Boolean).join('\n');
  const sections: Section[] = [
    { name: 'label', kind: 'meta', text: `${p.press.label} – ${p.press.release}` },
    { name: 'headline', kind: 'title', text: title },
    ...(subhead ? [{ name: 'subhead', kind: 'subtitle' as const, text: subhead }] : []),
    { name: 'lead', kind: 'paragraph', text: lead },
    ...bodyParagraphs(ctx, subhead).map((text): Section => ({ name: 'body', kind: 'paragraph', text })),
    ...quote(ctx),
    ...(more.length > 0 ? [{ name: 'links', kind: 'paragraph' as const, text: more.join('\n') }] : []),
    { name: 'about-heading', kind: 'heading', text: ctx.say(p.press.about) },
    { name: 'about', kind: 'paragraph', text: about },
    ...mediaContact(ctx),
    { name: 'end', kind: 'end', text: p.press.end },
  ];
  return { title, sections };
}

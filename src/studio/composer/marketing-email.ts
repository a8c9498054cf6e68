/**
 * Marketing e-mail: two or three subject lines for an A/B test, a preheader, the body, the call to
 * action, and the footer the law requires (who sends it, their postal address, an unsubscribe link).
 */
import type { Section } from '../draft.js';
import {
  type ComposeContext,
  type Composed,
  ctaLine,
  factSentences,
  headlineOf,
  linkLines,
  paragraphs,
  sentence,
} from './context.js';
import { postLength } from './social-length.js';

export const MAX_SUBJECT_LENGTH = 60;
export const UNSUBSCRIBE_PLACEHOLDER = '{{unsubscribe_url}}';

function subjectCandidates(ctx: ComposeContext): string[] {
  const { brief, p } = ctx;
  const message = headlineOf(brief.keyMessages[0]!);
  const announce = ctx.say(p.common.announce);
  const announceShort = ctx.say(p.common.announce, { topic: ctx.values.topicHead! });
  const question = ctx.say(p.email.questionSubject);
  const fact = ctx.facts[0] ? headlineOf(ctx.facts[0].statement) : undefined;
  const headline = brief.headline;
  switch (ctx.angle) {
    case 'fact':
      return [fact, message, announce, announceShort, question, headline].filter((s): s is string =>
        Boolean(s),
      );
    case 'question':
      return [question, message, announce, announceShort, headline].filter((s): s is string => Boolean(s));
    default:
      return [message, announce, announceShort, question, fact, headline].filter((s): s is string =>
        Boolean(s),
      );
  }
}

function subjects(ctx: ComposeContext): string[] {
  const seen = new Set<string>();
  const fitting = subjectCandidates(ctx).filter((s) => {
    // Mail clients count characters as people see them: code points, without URL shortening.
    const ok = postLength(s, 'linkedin') <= MAX_SUBJECT_LENGTH && !seen.has(s);
    seen.add(s);
    return ok;
  });
  if (fitting.length < 2) ctx.warn('fewSubjects', { count: fitting.length, max: MAX_SUBJECT_LENGTH });
  return fitting.slice(0, 3);
}

export function composeMarketingEmail(ctx: ComposeContext): Composed {
  const { brief, p, register } = ctx;
  const subjectLines = subjects(ctx);
  const title = subjectLines[0] ?? headlineOf(brief.keyMessages[0]!);
  const firstMessageInSubject = subjectLines.some((s) => s === headlineOf(brief.keyMessages[0]!));
  const preheader = firstMessageInSubject
    ? (brief.keyMessages[1] ?? ctx.facts[0]?.statement ?? brief.keyMessages[0]!)
    : brief.keyMessages[0]!;
  const body = paragraphs(
    brief.keyMessages.filter((m) => m !== preheader || brief.keyMessages.length === 1).map(sentence),
    ctx,
  );
  const facts = factSentences(ctx);
  const cta = ctaLine(ctx);
  if (brief.callToAction && !brief.callToAction.url) ctx.warn('noCtaUrl');
  const sender = brief.sender!;
  const sep = ctx.lang === 'fr' ? ' : ' : ': ';
  const colon = ctx.lang === 'fr' ? ' :' : ':';
  const sections: Section[] = [
    {
      name: 'subjects',
      kind: 'meta',
      text: `${p.email.subjectLabel}${colon}\n${subjectLines.map((s, i) => `${i + 1}. ${s}`).join('\n')}`,
    },
    { name: 'preheader', kind: 'meta', text: `${p.email.preheaderLabel}${sep}${headlineOf(preheader)}` },
    { name: 'greeting', kind: 'paragraph', text: p.email.greeting[register] },
    { name: 'intro', kind: 'paragraph', text: ctx.say(p.email.intro) },
    ...body.map((text): Section => ({ name: 'body', kind: 'paragraph', text })),
    ...(facts.length > 0 ? [{ name: 'proof', kind: 'paragraph' as const, text: facts.join(' ') }] : []),
    ...(cta ? [{ name: 'cta', kind: 'paragraph' as const, text: cta }] : []),
    ...linkLines(ctx).map((text): Section => ({ name: 'link', kind: 'paragraph', text })),
    { name: 'signoff', kind: 'paragraph', text: `${p.email.signoff[register]}\n${sender.name}` },
    {
      name: 'footer',
      kind: 'meta',
      text: [
        ctx.say(p.email.footer, { sender: sender.name, address: sender.postalAddress }),
        ctx.say(p.email.unsubscribe, { url: UNSUBSCRIBE_PLACEHOLDER }),
      ].join('\n'),
    },
  ];
  return { title, sections };
}

/** A reply to a customer: greeting, thanks, the answer built from the key messages, closing. */
import type { Section } from '../draft.js';
import {
  type ComposeContext,
  type Composed,
  factSentences,
  headlineOf,
  linkLines,
  paragraphs,
  sentence,
} from './context.js';
import { capitalise } from './phrases.js';

export function composeCustomerReply(ctx: ComposeContext): Composed {
  const { brief, p, register } = ctx;
  const name = brief.recipient?.name;
  const greeting = name ? ctx.say(p.reply.greeting[register], { name }) : p.reply.greetingNoName[register];
  const answer = paragraphs(brief.keyMessages.map(sentence), ctx);
  const facts = factSentences(ctx);
  const sep = ctx.lang === 'fr' ? ' : ' : ': ';
  const links = [
    ...(brief.callToAction?.url ? [`${brief.callToAction.text}${sep}${brief.callToAction.url}`] : []),
    ...(brief.callToAction
      ? []
      : brief.links.slice(0, 1).map((l) => ctx.say(p.reply.moreInfo, { url: l.url }))),
    ...linkLines(ctx),
  ];
  const signature = brief.sender?.name ?? ctx.say(p.reply.team);
  const answerSections = answer.map((text): Section => ({ name: 'answer', kind: 'paragraph', text }));
  const factSection: Section[] =
    facts.length > 0 ? [{ name: 'facts', kind: 'paragraph', text: facts.join(' ') }] : [];
  const sections: Section[] = [
    { name: 'greeting', kind: 'paragraph', text: greeting },
    { name: 'thanks', kind: 'paragraph', text: ctx.say(p.reply.thanks) },
    // A fact-led reply gives the evidence first; the others answer first and back it up after.
    ...(ctx.angle === 'fact' ? [...factSection, ...answerSections] : [...answerSections, ...factSection]),
    ...(links.length > 0 ? [{ name: 'links', kind: 'paragraph' as const, text: links.join('\n') }] : []),
    { name: 'closing', kind: 'paragraph', text: p.reply.closing[register] },
    { name: 'signoff', kind: 'paragraph', text: `${p.reply.signoff[register]}\n${signature}` },
  ];
  return { title: capitalise(headlineOf(brief.topic)), sections };
}

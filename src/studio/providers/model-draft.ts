/**
 * Turns a model's Markdown answer into a Draft, and adds what the law or the platform requires when
 * the model left it out (an e-mail's sender and unsubscribe footer) or broke it (a post's length).
 */
import type { Brief } from '../brief.js';
import { UNSUBSCRIBE_PLACEHOLDER } from '../composer/marketing-email.js';
import { phrases } from '../composer/phrases.js';
import { PLATFORM_LIMITS, postLength } from '../composer/social-length.js';
import { applyTypography } from '../composer/typography.js';
import { renderWarning } from '../composer/warnings.js';
import { type Draft, makeDraft, type Section } from '../draft.js';

const MAX_SECTIONS = 200;

/** Markdown blocks to sections: "# " title, "## " headings, "- " lists, the rest paragraphs. */
export function sectionsFromMarkdown(markdown: string): Section[] {
  const sections: Section[] = [];
  for (const block of markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const text = block.trim();
    if (!text || sections.length >= MAX_SECTIONS) continue;
    if (/^# /.test(text) && !text.includes('\n'))
      sections.push({ name: 'title', kind: 'title', text: text.slice(2).trim() });
    else if (/^#{2,6} /.test(text) && !text.includes('\n'))
      sections.push({ name: 'heading', kind: 'heading', text: text.replace(/^#{2,6} /, '').trim() });
    else if (text.split('\n').every((l) => /^[-*] /.test(l)))
      sections.push({ name: 'list', kind: 'list', text: text.replace(/^[-*] /gm, '') });
    else sections.push({ name: 'paragraph', kind: 'paragraph', text });
  }
  return sections;
}

export function draftFromAnswer(answer: string, brief: Brief, provider: string, model: string | null): Draft {
  const sections = sectionsFromMarkdown(answer);
  const warnings: string[] = [];
  if (brief.type === 'marketing-email' && brief.sender && !answer.includes(UNSUBSCRIBE_PLACEHOLDER)) {
    const p = phrases(brief.lang);
    const footer = [
      p.email.footer.replace('{sender}', brief.sender.name).replace('{address}', brief.sender.postalAddress),
      p.email.unsubscribe.replace('{url}', UNSUBSCRIBE_PLACEHOLDER),
    ].join('\n');
    sections.push({ name: 'footer', kind: 'meta', text: applyTypography(footer, brief.lang) });
  }
  const draft = makeDraft({
    type: brief.type,
    lang: brief.lang,
    title: sections.find((s) => s.kind === 'title')?.text ?? sections[0]?.text.split('\n')[0] ?? '',
    sections,
    warnings,
    provider,
    model,
    involvement: 'generated',
  });
  if (brief.type === 'social-post' && brief.platform) {
    const length = postLength(draft.text, brief.platform);
    const limit = PLATFORM_LIMITS[brief.platform];
    if (length > limit)
      warnings.push(renderWarning('tooLong', brief.lang, { length, limit, platform: brief.platform }));
  }
  return draft;
}

/**
 * A draft as every provider returns it: named sections, plus the plain text and Markdown assembled
 * from them, so storage, review and export never need to know which provider wrote it.
 */
import type { ContentType } from './brief.js';

export type Lang = 'en' | 'fr';
export type Involvement = 'none' | 'assisted' | 'generated';

/** How a section is laid out in Markdown and HTML; `meta` is a label line (press release tag, subjects). */
export type SectionKind = 'title' | 'subtitle' | 'heading' | 'paragraph' | 'list' | 'meta' | 'quote' | 'end';

export interface Section {
  name: string;
  text: string;
  kind?: SectionKind;
}

export interface Draft {
  type: ContentType;
  lang: Lang;
  title: string;
  sections: Section[];
  text: string;
  markdown: string;
  warnings: string[];
  provider: string;
  model: string | null;
  /** The angle or style a variant took (`benefit`, `fact`, `question`), for A/B reports. */
  variant?: string;
  involvement: Involvement;
}

function kindOf(s: Section): SectionKind {
  return s.kind ?? 'paragraph';
}

/** Plain text: sections separated by a blank line, list items one per line. */
export function assembleText(sections: readonly Section[]): string {
  return sections
    .filter((s) => s.text.length > 0)
    .map((s) => s.text)
    .join('\n\n');
}

function markdownOf(s: Section): string {
  switch (kindOf(s)) {
    case 'title':
      return `# ${s.text}`;
    case 'heading':
      return `## ${s.text}`;
    case 'list':
      return s.text
        .split('\n')
        .map((item) => `- ${item.replace(/^[-•]\s?/, '')}`)
        .join('\n');
    case 'quote':
      return s.text
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'subtitle':
      return `**${s.text.trim()}**`;
    case 'end':
      return s.text === '###' ? '\\#\\#\\#' : s.text;
    default:
      return s.text.replaceAll('\n', '  \n');
  }
}

export function assembleMarkdown(sections: readonly Section[]): string {
  return sections
    .filter((s) => s.text.length > 0)
    .map(markdownOf)
    .join('\n\n');
}

export function makeDraft(fields: Omit<Draft, 'text' | 'markdown'>): Draft {
  return { ...fields, text: assembleText(fields.sections), markdown: assembleMarkdown(fields.sections) };
}

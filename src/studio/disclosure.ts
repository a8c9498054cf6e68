/**
 * AI disclosure. Article 50(4) of the EU AI Act requires deployers to disclose that text published to
 * inform the public was generated or manipulated by AI; the default wording does that, in plain words,
 * without claiming a human review it cannot know of, and a workspace can replace it (e.g. to add
 * one). Text written without AI (`none`) carries no disclosure.
 */
import { z } from 'zod';
import type { Involvement, Lang } from './draft.js';
import { escapeHtml } from './html.js';

export type DisclosureFormat = 'md' | 'html' | 'text';
export const involvements = ['none', 'assisted', 'generated'] as const;

export const disclosureWordingSchema = z.strictObject({
  assisted: z
    .strictObject({ en: z.string().trim().min(1).max(500), fr: z.string().trim().min(1).max(500) })
    .optional(),
  generated: z
    .strictObject({ en: z.string().trim().min(1).max(500), fr: z.string().trim().min(1).max(500) })
    .optional(),
  /** Where the notice goes. Default `end`. */
  position: z.enum(['start', 'end']).optional(),
});
export type DisclosureWording = z.output<typeof disclosureWordingSchema>;

export const DEFAULT_WORDING: Record<'assisted' | 'generated', Record<Lang, string>> = {
  generated: {
    en: 'This text was generated with artificial intelligence (AI).',
    fr: 'Ce texte a été généré à l’aide d’une intelligence artificielle (IA).',
  },
  assisted: {
    en: 'This text was written with the assistance of artificial intelligence (AI).',
    fr: 'Ce texte a été rédigé avec l’assistance d’une intelligence artificielle (IA).',
  },
};

/** The notice a piece needs, or null when it needs none. */
export function disclosureText(
  involvement: Involvement,
  lang: Lang,
  wording?: DisclosureWording,
): string | null {
  if (involvement === 'none') return null;
  return wording?.[involvement]?.[lang] ?? DEFAULT_WORDING[involvement][lang];
}

function render(notice: string, format: DisclosureFormat): string {
  if (format === 'html') return `<p class="ai-disclosure" role="note">${escapeHtml(notice)}</p>`;
  if (format === 'md') return `_${notice}_`;
  return notice;
}

/**
 * Inserts the notice the policy requires. Idempotent: a text that already carries it is returned as
 * it is. In HTML the notice goes just inside <body> or just before </body> when there is one.
 */
export function applyDisclosure(
  text: string,
  format: DisclosureFormat,
  involvement: Involvement,
  lang: Lang,
  wording?: DisclosureWording,
): string {
  const notice = disclosureText(involvement, lang, wording);
  if (!notice) return text;
  const block = render(notice, format);
  if (text.includes(block)) return text;
  const atStart = wording?.position === 'start';
  if (format === 'html') {
    if (atStart) {
      const open = /<body[^>]{0,500}>/i.exec(text);
      if (open)
        return `${text.slice(0, open.index + open[0].length)}\n${block}${text.slice(open.index + open[0].length)}`;
    } else {
      const close = text.toLowerCase().lastIndexOf('</body>');
      if (close >= 0) return `${text.slice(0, close)}${block}\n${text.slice(close)}`;
    }
  }
  const separator = format === 'md' ? '\n\n---\n\n' : '\n\n';
  return atStart ? `${block}${separator}${text}` : `${text.replace(/\s+$/, '')}${separator}${block}\n`;
}

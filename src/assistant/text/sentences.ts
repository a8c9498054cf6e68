/** Sentence splitting with the platform's Unicode segmenter (ICU), one segmenter per language. */
import type { Lang } from '../types.js';

const segmenters: Record<Lang, Intl.Segmenter> = {
  en: new Intl.Segmenter('en', { granularity: 'sentence' }),
  fr: new Intl.Segmenter('fr', { granularity: 'sentence' }),
};

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Sentences of a text, trimmed, with their offsets; line breaks also end a sentence (list items). */
export function splitSentences(text: string, lang: Lang): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const seg of segmenters[lang].segment(line)) {
      const trimmed = seg.segment.trim();
      if (!trimmed) continue;
      const start = lineStart + seg.index + seg.segment.indexOf(trimmed);
      out.push({ text: trimmed, start, end: start + trimmed.length });
    }
    lineStart += line.length + 1;
  }
  return out;
}

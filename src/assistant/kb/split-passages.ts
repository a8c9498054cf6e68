/**
 * Cuts an article into passages of roughly 80 to 200 words along its sections and paragraphs, each
 * carrying its heading path and anchor so an answer can cite the exact place.
 */
import { splitSentences } from '../text/sentences.js';
import type { Article, Passage } from '../types.js';
import { markdownBlocks } from './markdown-text.js';
import { uniqueSlugger } from './slug.js';

export const MIN_PASSAGE_WORDS = 80;
export const MAX_PASSAGE_WORDS = 200;

function wordCount(text: string): number {
  let n = 0;
  for (const part of text.split(/\s+/)) if (part) n++;
  return n;
}

/** A run-on "sentence" longer than a passage (a pasted list without punctuation) is cut by words. */
function byWords(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += MAX_PASSAGE_WORDS)
    out.push(words.slice(i, i + MAX_PASSAGE_WORDS).join(' '));
  return out;
}

/** A paragraph longer than the maximum is cut between sentences. */
function chunkParagraph(text: string, lang: Article['lang']): string[] {
  if (wordCount(text) <= MAX_PASSAGE_WORDS) return [text];
  const chunks: string[] = [];
  let current = '';
  let words = 0;
  const pieces = splitSentences(text, lang).flatMap((s) =>
    wordCount(s.text) > MAX_PASSAGE_WORDS ? byWords(s.text) : [s.text],
  );
  for (const piece of pieces) {
    const sentence = { text: piece };
    const w = wordCount(sentence.text);
    if (words > 0 && words + w > MAX_PASSAGE_WORDS) {
      chunks.push(current);
      current = '';
      words = 0;
    }
    current = current ? `${current} ${sentence.text}` : sentence.text;
    words += w;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Groups a section's paragraphs into passages within the word bounds. */
function groupParagraphs(paragraphs: string[], lang: Article['lang']): string[] {
  const groups: Array<{ text: string; words: number }> = [];
  for (const paragraph of paragraphs.flatMap((p) => chunkParagraph(p, lang))) {
    const words = wordCount(paragraph);
    const last = groups[groups.length - 1];
    if (
      last &&
      (last.words < MIN_PASSAGE_WORDS || words < MIN_PASSAGE_WORDS) &&
      last.words + words <= MAX_PASSAGE_WORDS
    ) {
      last.text += `\n\n${paragraph}`;
      last.words += words;
    } else {
      groups.push({ text: paragraph, words });
    }
  }
  return groups.map((g) => g.text);
}

export function splitPassages(article: Article): Passage[] {
  const passages: Passage[] = [];
  const slug = uniqueSlugger();
  const path: Array<{ level: number; text: string }> = [];
  let anchor = '';
  let paragraphs: string[] = [];

  const flushSection = () => {
    for (const text of groupParagraphs(paragraphs, article.lang)) {
      const base = `${article.id}#${anchor || 'top'}`;
      const sameSection = passages.filter((p) => p.anchor === anchor).length;
      passages.push({
        id: sameSection === 0 ? base : `${base}~${sameSection + 1}`,
        articleId: article.id,
        articleTitle: article.title,
        lang: article.lang,
        headingPath: path.map((h) => h.text),
        anchor,
        text,
        index: passages.length,
      });
    }
    paragraphs = [];
  };

  for (const block of markdownBlocks(article.body)) {
    if (block.kind === 'text') {
      paragraphs.push(block.text);
      continue;
    }
    flushSection();
    while (path.length > 0 && path[path.length - 1]!.level >= block.level) path.pop();
    path.push({ level: block.level, text: block.text });
    anchor = slug(block.text);
  }
  flushSection();
  return passages;
}

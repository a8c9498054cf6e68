/**
 * Is a model's answer supported by the passages it was given? Each sentence's content words
 * (stemmed, stop words dropped) must be found, above a coverage threshold, in the passages that
 * sentence cites (or, for a sentence without a marker, in those the answer cites). One unsupported
 * sentence makes the whole answer unsupported: the caller then falls back to the extractive answer.
 */
import { analyze, termSet } from '../text/analyzer.js';
import { splitSentences } from '../text/sentences.js';
import type { Lang, Passage } from '../types.js';

export const DEFAULT_SUPPORT_THRESHOLD = 0.75;
/** Sentences with fewer content words ("Happy to help!") carry no claim to check. */
const MIN_CONTENT_TERMS = 3;
/** Snowball leaves some related forms apart ("retourn", "retour"): a shared long prefix counts. */
const PREFIX_MATCH = 5;
const CITATION = /\[(\d{1,3})\]/g;
const PLACEHOLDER = /\[[A-Z]{1,20}(?:_[A-Z]{1,20}){0,3}_\d{1,6}\]/g;

export interface SentenceSupport {
  text: string;
  cited: number[];
  /** Share of content terms found in the cited passages (1 when there is nothing to check). */
  coverage: number;
}

export interface SupportCheck {
  supported: boolean;
  /** Citation numbers used, in order of first appearance. */
  cited: number[];
  sentences: SentenceSupport[];
}

function passageTerms(p: Passage): Set<string> {
  return termSet(`${p.articleTitle}\n${p.headingPath.join('\n')}\n${p.text}`, p.lang);
}

function found(term: string, source: Set<string>, sourceList: string[]): boolean {
  if (source.has(term)) return true;
  if (term.length < PREFIX_MATCH) return false;
  return sourceList.some((s) => s.length >= PREFIX_MATCH && (s.startsWith(term) || term.startsWith(s)));
}

/** `passages` are numbered from 1 in the order the model saw them. */
export function checkSupport(
  answer: string,
  passages: Passage[],
  lang: Lang,
  threshold = DEFAULT_SUPPORT_THRESHOLD,
): SupportCheck {
  const termsOf = passages.map(passageTerms);
  const cited: number[] = [];
  for (const m of answer.matchAll(CITATION)) {
    const n = Number(m[1]);
    if (!cited.includes(n)) cited.push(n);
  }
  const validCited = cited.length > 0 && cited.every((n) => n >= 1 && n <= passages.length);
  const sentences: SentenceSupport[] = [];
  let supported = validCited;
  for (const s of splitSentences(answer, lang)) {
    const own = [...s.text.matchAll(CITATION)].map((m) => Number(m[1]));
    const sources = (own.length > 0 ? own : cited).filter((n) => n >= 1 && n <= passages.length);
    const source = new Set<string>();
    for (const n of sources) for (const t of termsOf[n - 1] ?? []) source.add(t);
    const sourceList = [...source];
    const content = [...new Set(analyze(s.text.replace(CITATION, ' ').replace(PLACEHOLDER, ' '), lang))];
    const hits = content.filter((t) => found(t, source, sourceList)).length;
    const coverage = content.length < MIN_CONTENT_TERMS ? 1 : hits / content.length;
    if (coverage < threshold) supported = false;
    sentences.push({ text: s.text, cited: own, coverage });
  }
  return { supported, cited, sentences };
}

/** Renumbers citation markers 1, 2, ... in order of first appearance. */
export function renumberCitations(answer: string, order: number[]): string {
  return answer.replace(CITATION, (whole, n: string) => {
    const at = order.indexOf(Number(n));
    return at < 0 ? whole : `[${at + 1}]`;
  });
}

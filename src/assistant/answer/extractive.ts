/**
 * The extractive answer: no model, only sentences quoted from the best passages. Sentences are
 * picked greedily for the question terms they add (IDF-weighted), at most three, from at most two
 * articles, then put back in reading order, each group followed by its citation number.
 */

import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { SearchHit, SearchResultSet } from '../retrieval/search.js';
import { termSet } from '../text/analyzer.js';
import { splitSentences } from '../text/sentences.js';
import type { Citation } from '../types.js';
import { citationFor } from './citation.js';
import { unsafeSentenceIndexes } from './screen-passage.js';

export const MAX_ANSWER_SENTENCES = 3;
export const MAX_ANSWER_ARTICLES = 2;
/** A second article is used only when its passage scores at least this share of the best one. */
const SECOND_ARTICLE_MIN_SCORE = 0.5;
/** Sentences longer than this are more likely a wall of text than an answer. */
const MAX_SENTENCE_CHARS = 600;

interface Candidate {
  hitRank: number;
  position: number;
  text: string;
  terms: Set<string>;
  hit: SearchHit;
}

export interface ExtractiveAnswer {
  /** The answer with `[n]` markers; empty when nothing quotable was found. */
  text: string;
  citations: Citation[];
  /** Text of the passages quoted (for the output check). */
  quotedPassages: string[];
}

function usableHits(hits: SearchHit[]): SearchHit[] {
  const best = hits[0];
  if (!best) return [];
  const articles: string[] = [];
  return hits.filter((h) => {
    if (articles.includes(h.passage.articleId)) return true;
    if (articles.length >= MAX_ANSWER_ARTICLES) return false;
    if (articles.length > 0 && h.score < best.score * SECOND_ARTICLE_MIN_SCORE) return false;
    articles.push(h.passage.articleId);
    return true;
  });
}

function candidates(kb: KnowledgeBase, hits: SearchHit[]): Candidate[] {
  const out: Candidate[] = [];
  hits.forEach((hit, hitRank) => {
    const unsafe = unsafeSentenceIndexes(kb, hit.passage);
    splitSentences(hit.passage.text, hit.passage.lang).forEach((s, position) => {
      if (unsafe.has(position) || s.text.length > MAX_SENTENCE_CHARS) return;
      out.push({ hitRank, position, text: s.text, terms: termSet(s.text, hit.passage.lang), hit });
    });
  });
  return out;
}

function pickSentences(pool: Candidate[], weights: Map<string, number>): Candidate[] {
  const covered = new Set<string>();
  const picked: Candidate[] = [];
  while (picked.length < MAX_ANSWER_SENTENCES) {
    let best: Candidate | undefined;
    let bestGain = 0;
    for (const c of pool) {
      if (picked.includes(c)) continue;
      let gain = 0;
      for (const t of c.terms) if (!covered.has(t)) gain += weights.get(t) ?? 0;
      // Ties go to the better passage, then to the earlier sentence.
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    if (!best) break;
    picked.push(best);
    for (const t of best.terms) if (weights.has(t)) covered.add(t);
  }
  // One sentence often only introduces the answer ("To return an item:"): add the one after it.
  const first = picked[0];
  if (picked.length === 1 && first) {
    const next = pool.find((c) => c.hit === first.hit && c.position === first.position + 1);
    if (next) picked.push(next);
  }
  return picked.sort((a, b) => a.hitRank - b.hitRank || a.position - b.position);
}

export function extractiveAnswer(kb: KnowledgeBase, result: SearchResultSet): ExtractiveAnswer {
  // A sentence saying "refund" answers a question about "money back" (synonyms from retrieval).
  const weights = new Map([...result.synonyms, ...result.terms].map((t) => [t.term, t.weight]));
  const picked = pickSentences(candidates(kb, usableHits(result.hits)), weights);
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const parts: string[] = [];
  picked.forEach((c, i) => {
    const p = c.hit.passage;
    let n = numberOf.get(p.id);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(p.id, n);
      citations.push(citationFor(p, n));
    }
    const nextSamePassage = picked[i + 1]?.hit.passage.id === p.id;
    const sentence = /[.!?…:;]$/.test(c.text) ? c.text : `${c.text}.`;
    parts.push(nextSamePassage ? sentence : `${sentence} [${n}]`);
  });
  return {
    text: parts.join(' '),
    citations,
    quotedPassages: citations.map((c) => kb.passages.get(c.passageId)?.text ?? ''),
  };
}

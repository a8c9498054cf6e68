/**
 * Retrieval: BM25 over the question's language, with a calibrated confidence. A raw BM25 score
 * depends on the query and the collection, so it cannot be compared with a fixed threshold; the
 * confidence is instead the IDF-weighted share of the question's terms the passage covers. A
 * question about something the knowledge base never mentions has rare (unknown) terms that weigh
 * most and stay uncovered, so its confidence stays low even when a common word matches.
 */

import { FIELD_BOOST, type KnowledgeBase } from '../kb/knowledge-base.js';
import { analyze, analyzeWord, tokenize } from '../text/analyzer.js';
import { expandSynonyms } from '../text/synonyms.js';
import type { Lang, Passage } from '../types.js';

/** Default confidence below which the assistant declines and offers a human. */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.5;
/** Questions are short; more terms only cost time (the message size is bounded earlier too). */
const MAX_QUERY_TERMS = 32;
/** Synonyms widen the search, they must not drown the question's own words. */
const MAX_SYNONYM_TERMS = 16;
/**
 * A passage that says "fee" where the question says "price" is weaker evidence than the word itself:
 * a synonym covers this share of the term's weight, so one generic word matched through a synonym
 * ("Quel est le prix du bitcoin ?") does not lift an off-topic question over the threshold.
 */
const SYNONYM_COVERAGE = 0.8;
/** In the ranking, a synonym only breaks the silence: the question's own words decide first. */
const SYNONYM_BOOST = 0.25;

export interface SearchHit {
  passage: Passage;
  /** BM25 score (minisearch), only comparable within one search. */
  score: number;
  /** 0..1, IDF-weighted coverage of the question's terms. */
  confidence: number;
  /** Question terms (analysed) the passage contains, itself or through a synonym. */
  matchedTerms: string[];
}

export interface SearchResultSet {
  lang: Lang;
  /** The question's analysed terms with their weight (damped IDF). */
  terms: Array<{ term: string; weight: number }>;
  /** Terms added through synonyms, weighing as much as the question's term they stand for. */
  synonyms: Array<{ term: string; weight: number }>;
  hits: SearchHit[];
}

export interface SearchOptions {
  lang: Lang;
  limit?: number;
}

/**
 * A term the knowledge base never uses weighs this share of the rarest known term: it may be a
 * paraphrase ("cost" for "price"), so it must not sink an otherwise covered question, but a question
 * made only of such terms still gets no confidence at all.
 */
const UNKNOWN_TERM_WEIGHT = 0.6;

function bm25Idf(passages: number, df: number): number {
  return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
}

/**
 * A term's weight in the coverage: the square root of its BM25 IDF, so rare words count more than
 * common ones without one rare word ("cost" where the passage says "price") deciding alone.
 */
function weight(kb: KnowledgeBase, lang: Lang, term: string): number {
  const { passages, df } = kb.stats[lang];
  const n = df.get(term) ?? 0;
  return Math.sqrt(n > 0 ? bm25Idf(passages, n) : UNKNOWN_TERM_WEIGHT * bm25Idf(passages, 1));
}

/** The knowledge base uses this word in that language (tells "Livraison ?" apart from "Delivery?"). */
export function knowsWord(kb: KnowledgeBase, lang: Lang, word: string): boolean {
  const term = analyzeWord(word, lang);
  return term !== null && kb.stats[lang].df.has(term);
}

export function queryTerms(
  kb: KnowledgeBase,
  question: string,
  lang: Lang,
): Array<{ term: string; weight: number }> {
  const seen = new Set<string>();
  const terms: Array<{ term: string; weight: number }> = [];
  for (const word of tokenize(question)) {
    const term = analyzeWord(word, lang);
    if (!term || seen.has(term)) continue;
    seen.add(term);
    terms.push({ term, weight: weight(kb, lang, term) });
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return terms;
}

/** Passages of the question's language, best first, with their confidence. */
export function search(kb: KnowledgeBase, question: string, options: SearchOptions): SearchResultSet {
  const { lang } = options;
  const limit = options.limit ?? 5;
  const terms = queryTerms(kb, question, lang);
  if (terms.length === 0) return { lang, terms, synonyms: [], hits: [] };
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const weightOf = new Map(terms.map((t) => [t.term, t.weight]));
  // "money back" also searches "refund"; a passage matching "refund" then covers "money" and "back".
  // Only for words the knowledge base does not use: where it has the customer's word, that decides.
  const { df } = kb.stats[lang];
  const synonyms = expandSynonyms(analyze(question, lang), lang)
    .filter((s) => s.standsFor.some((t) => !df.has(t)))
    .slice(0, MAX_SYNONYM_TERMS);
  const standsFor = new Map(synonyms.map((s) => [s.term, s.standsFor]));
  const synonymWeights = synonyms.map((s) => ({
    term: s.term,
    weight: Math.max(0, ...s.standsFor.map((t) => weightOf.get(t) ?? 0)),
  }));

  const searched = [...terms.map((t) => t.term), ...synonyms.map((s) => s.term)];
  const results = kb.index.search(searched.join(' '), {
    fields: (Object.keys(FIELD_BOOST) as Array<keyof typeof FIELD_BOOST>).map((f) => `${f}_${lang}`),
    boost: Object.fromEntries(Object.entries(FIELD_BOOST).map(([f, b]) => [`${f}_${lang}`, b])),
    // Terms are already analysed: split on spaces only and keep them as they are.
    tokenize: (q) => q.split(' '),
    boostTerm: (_term, i) => (i >= terms.length ? SYNONYM_BOOST : 1),
    processTerm: (t) => t,
    // Snowball leaves "retourner" as "retourn" but "retour" as "retour": a prefix bridges them.
    prefix: (term) => term.length >= 5,
    // One edit for words of five letters or more: typos, and stems Snowball leaves apart ("suivr", "suiv").
    fuzzy: (term) => (term.length >= 5 ? 1 : false),
    combineWith: 'OR',
  });

  const hits: SearchHit[] = [];
  for (const r of results.slice(0, limit)) {
    const passage = kb.passages.get(r.id as string);
    if (!passage) continue;
    // Each question term counts once, fully when the passage has it, partly through a synonym.
    const share = new Map<string, number>();
    for (const t of r.queryTerms) {
      if (weightOf.has(t)) share.set(t, 1);
      for (const q of standsFor.get(t) ?? []) {
        if (weightOf.has(q)) share.set(q, Math.max(share.get(q) ?? 0, SYNONYM_COVERAGE));
      }
    }
    const matched = [...share.keys()];
    const covered = matched.reduce((sum, t) => sum + (weightOf.get(t) ?? 0) * share.get(t)!, 0);
    hits.push({
      passage,
      score: r.score,
      confidence: total > 0 ? Math.min(1, covered / total) : 0,
      matchedTerms: matched,
    });
  }
  return { lang, terms, synonyms: synonymWeights, hits };
}

/**
 * An in-memory knowledge base: passages indexed with minisearch (BM25) in per-language fields, each
 * language analysed with its own stop words and stemmer, plus the document frequencies the
 * confidence calibration needs. Built from articles in one call; articles can be added or removed.
 */
import MiniSearch from 'minisearch';
import { AppError } from '../../core/errors.js';
import { analyzeWord, termSet, tokenize } from '../text/analyzer.js';
import type { Article, Lang, Passage } from '../types.js';
import { splitPassages } from './split-passages.js';

export const LANGS: readonly Lang[] = ['en', 'fr'];
export const FIELD_BOOST = { title: 2, headings: 1.5, text: 1 } as const;
type FieldName = keyof typeof FIELD_BOOST;

export function fieldsOf(lang: Lang): string[] {
  return (Object.keys(FIELD_BOOST) as FieldName[]).map((f) => `${f}_${lang}`);
}

interface IndexedPassage {
  id: string;
  [field: string]: string;
}

export interface LanguageStats {
  passages: number;
  /** Passages containing each term (any field). */
  df: Map<string, number>;
}

export interface KnowledgeBase {
  readonly index: MiniSearch<IndexedPassage>;
  readonly articles: Map<string, Article>;
  readonly passages: Map<string, Passage>;
  readonly stats: Record<Lang, LanguageStats>;
  /** Sentences of a passage that carry instructions (filled lazily by the answerer). */
  readonly unsafeSentences: Map<string, Set<number>>;
}

function langOfField(field: string | undefined): Lang {
  return field?.endsWith('_fr') ? 'fr' : 'en';
}

function toDocument(p: Passage): IndexedPassage {
  return {
    id: p.id,
    [`title_${p.lang}`]: p.articleTitle,
    // A top heading that repeats the title would boost every passage of the article alike.
    [`headings_${p.lang}`]: p.headingPath.filter((h) => h !== p.articleTitle).join('\n'),
    [`text_${p.lang}`]: p.text,
  };
}

function passageTerms(p: Passage): Set<string> {
  return termSet(`${p.articleTitle}\n${p.headingPath.join('\n')}\n${p.text}`, p.lang);
}

export function createKnowledgeBase(articles: Iterable<Article> = []): KnowledgeBase {
  const kb: KnowledgeBase = {
    index: new MiniSearch<IndexedPassage>({
      fields: LANGS.flatMap(fieldsOf),
      storeFields: [],
      tokenize,
      processTerm: (term, field) => analyzeWord(term, langOfField(field)),
    }),
    articles: new Map(),
    passages: new Map(),
    stats: { en: { passages: 0, df: new Map() }, fr: { passages: 0, df: new Map() } },
    unsafeSentences: new Map(),
  };
  for (const article of articles) addArticle(kb, article);
  return kb;
}

function countTerms(kb: KnowledgeBase, p: Passage, delta: 1 | -1): void {
  const stats = kb.stats[p.lang];
  stats.passages += delta;
  for (const term of passageTerms(p)) {
    const n = (stats.df.get(term) ?? 0) + delta;
    if (n > 0) stats.df.set(term, n);
    else stats.df.delete(term);
  }
}

/** Adds an article (its passages); an article with the same id must be removed first. */
export function addArticle(kb: KnowledgeBase, article: Article): Passage[] {
  if (kb.articles.has(article.id)) throw new AppError('CONFLICT', `Article ${article.id} is already indexed`);
  const passages = splitPassages(article);
  kb.articles.set(article.id, article);
  for (const p of passages) {
    kb.passages.set(p.id, p);
    countTerms(kb, p, 1);
  }
  kb.index.addAll(passages.map(toDocument));
  return passages;
}

export function removeArticle(kb: KnowledgeBase, articleId: string): boolean {
  if (!kb.articles.delete(articleId)) return false;
  for (const p of [...kb.passages.values()]) {
    if (p.articleId !== articleId) continue;
    kb.index.discard(p.id);
    kb.passages.delete(p.id);
    kb.unsafeSentences.delete(p.id);
    countTerms(kb, p, -1);
  }
  return true;
}

/** Replaces an article by a new version. */
export function upsertArticle(kb: KnowledgeBase, article: Article): Passage[] {
  removeArticle(kb, article.id);
  return addArticle(kb, article);
}

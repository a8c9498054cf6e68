import type { Citation, Passage } from '../types.js';

/** What a citation `[n]` shows: the article's title and the anchor of the passage's section. */
export function citationFor(passage: Passage, n: number): Citation {
  return {
    n,
    articleId: passage.articleId,
    title: passage.articleTitle,
    anchor: passage.anchor,
    headingPath: passage.headingPath,
    passageId: passage.id,
  };
}

import { describe, expect, it } from 'vitest';
import { fixtureArticles } from '../fixtures/load.js';
import { addArticle, createKnowledgeBase, removeArticle, upsertArticle } from '../kb/knowledge-base.js';
import { DEFAULT_CONFIDENCE_THRESHOLD, search } from './search.js';

const kb = createKnowledgeBase(fixtureArticles());

describe('search', () => {
  it.each([
    // question, language, expected passage (article#anchor)
    ['How do I return an item?', 'en', 'returns-en#how-to-return-an-item'],
    ['When will I get my refund?', 'en', 'returns-en#when-will-i-get-my-refund'],
    ['How can I track my parcel?', 'en', 'delivery-en#tracking-a-parcel'],
    ['Is the battery covered by the warranty?', 'en', 'warranty-en#product-warranty'],
    ['How much does express delivery cost?', 'en', 'delivery-en#delivery-fees'],
    ['Comment retourner un article ?', 'fr', 'retours-fr#comment-retourner-un-article'],
    ['Quand serai-je remboursé ?', 'fr', 'retours-fr#quand-serai-je-remboursé-'],
    ['Comment suivre mon colis ?', 'fr', 'livraison-fr#suivre-un-colis'],
    ['La batterie est-elle couverte par la garantie ?', 'fr', 'garantie-fr#garantie-des-produits'],
    ['Quels sont les frais de livraison ?', 'fr', 'livraison-fr#frais-de-livraison'],
  ] as const)('%s -> %s', (question, lang, passageId) => {
    const result = search(kb, question, { lang });
    expect(result.hits[0]?.passage.id).toBe(passageId);
    expect(result.hits[0]?.confidence).toBeGreaterThanOrEqual(DEFAULT_CONFIDENCE_THRESHOLD);
  });

  it.each([
    // Synonyms (text/data/synonyms.yaml): the articles never use the question's words.
    ['How do I get my money back?', 'en', 'returns-en'],
    ['Where is my shipment?', 'en', 'delivery-en'],
    ['Comment récupérer mon argent ?', 'fr', 'retours-fr'],
  ] as const)('finds %s through a synonym', (question, lang, articleId) => {
    const result = search(kb, question, { lang });
    expect(result.hits[0]?.passage.articleId).toBe(articleId);
    expect(result.hits[0]?.confidence).toBeGreaterThanOrEqual(DEFAULT_CONFIDENCE_THRESHOLD);
    expect(result.synonyms.length).toBeGreaterThan(0);
  });

  it('leaves words the knowledge base uses to themselves', () => {
    expect(search(kb, 'How long does delivery take?', { lang: 'en' }).synonyms).toEqual([]);
  });

  it('only returns passages in the language asked', () => {
    for (const lang of ['en', 'fr'] as const) {
      const { hits } = search(kb, 'livraison delivery garantie warranty', { lang });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.passage.lang === lang)).toBe(true);
    }
  });

  it.each([
    ['What is the weather in Paris tomorrow?', 'en'],
    ['Can I return my bike to the Paris store?', 'en'],
    ['Who won the football match yesterday?', 'en'],
    ['Quel est le prix du bitcoin ?', 'fr'],
    ['Quelle est la recette de la tarte tatin ?', 'fr'],
  ] as const)('gives low confidence to off-topic %s', (question, lang) => {
    const best = search(kb, question, { lang }).hits[0];
    expect(best?.confidence ?? 0).toBeLessThan(DEFAULT_CONFIDENCE_THRESHOLD);
  });

  it('returns nothing for a question made of stop words', () => {
    expect(search(kb, 'how is it?', { lang: 'en' }).hits).toEqual([]);
  });

  it('finds through accents and inflections (FR)', () => {
    expect(search(kb, 'REMBOURSEMENTS', { lang: 'fr' }).hits[0]?.passage.articleId).toBe('retours-fr');
    expect(search(kb, 'réparations garanties', { lang: 'fr' }).hits[0]?.passage.articleId).toBe(
      'garantie-fr',
    );
  });

  it('keeps the index and the statistics in step when articles change', () => {
    const local = createKnowledgeBase(fixtureArticles());
    const before = local.stats.en.passages;
    expect(removeArticle(local, 'warranty-en')).toBe(true);
    expect(local.stats.en.passages).toBeLessThan(before);
    expect(
      search(local, 'warranty battery', { lang: 'en' }).hits.every(
        (h) => h.passage.articleId !== 'warranty-en',
      ),
    ).toBe(true);
    upsertArticle(local, fixtureArticles().find((a) => a.id === 'warranty-en')!);
    expect(local.stats.en.passages).toBe(before);
    expect(search(local, 'warranty battery', { lang: 'en' }).hits[0]?.passage.articleId).toBe('warranty-en');
    expect(removeArticle(local, 'nope')).toBe(false);
  });

  it('refuses to index the same article twice', () => {
    const local = createKnowledgeBase(fixtureArticles());
    expect(() => addArticle(local, fixtureArticles()[0]!)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });
});

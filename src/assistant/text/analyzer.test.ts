import { describe, expect, it } from 'vitest';
import { analyze, analyzeWord, fold, isStopWord, tokenize } from './analyzer.js';

describe('analyzeWord', () => {
  it.each([
    // English: Snowball stems, case folded
    ['en', 'Returns', 'return'],
    ['en', 'returning', 'return'],
    ['en', 'deliveries', 'deliveri'],
    ['en', 'Delivery', 'deliveri'],
    ['en', 'refunded', 'refund'],
    // French: stemmed with accents, then folded
    ['fr', 'remboursé', 'rembours'],
    ['fr', 'Remboursement', 'rembours'],
    ['fr', 'livraisons', 'livraison'],
    ['fr', 'Livraison', 'livraison'],
    ['fr', 'l’article', 'articl'],
    ['fr', "d'achat", 'achat'],
    ['fr', 'réparation', 'repar'],
    // numbers kept as they are
    ['en', '2027', '2027'],
  ] as const)('%s %s -> %s', (lang, word, term) => {
    expect(analyzeWord(word, lang)).toBe(term);
  });

  it.each([
    ['en', 'the'],
    ['en', 'How'],
    ['en', "don't"],
    ['fr', 'les'],
    ['fr', 'était'],
    ['fr', 'Comment'],
    ['fr', 'été'],
  ] as const)('%s stop word %s is dropped', (lang, word) => {
    expect(analyzeWord(word, lang)).toBeNull();
    expect(isStopWord(word, lang)).toBe(true);
  });

  it('keeps topic words that are not stop words', () => {
    expect(isStopWord('refund', 'en')).toBe(false);
    expect(isStopWord('garantie', 'fr')).toBe(false);
  });

  it('drops absurdly long words', () => {
    expect(analyzeWord('a'.repeat(41), 'en')).toBeNull();
  });
});

describe('analyze', () => {
  it('turns a question into its topic terms (EN and FR)', () => {
    expect(analyze('How do I return an item?', 'en')).toEqual(['return', 'item']);
    expect(analyze('Comment retourner un article ?', 'fr')).toEqual(['retourn', 'articl']);
  });

  it('folds accents after stemming', () => {
    expect(fold('Élève à Noël')).toBe('Eleve a Noel');
    expect(analyze('Délais de réparation', 'fr')).toEqual(analyze('délai reparations', 'fr'));
    expect(analyze('Délais de réparation', 'fr').join(' ')).toMatch(/^[a-z ]+$/);
  });
});

describe('tokenize', () => {
  it.each([
    ['Send an e-mail or an email', ['Send', 'an', 'email', 'or', 'an', 'email']],
    ["Retournez l'article d’origine", ['Retournez', "l'article", 'd’origine']],
    ['well-known 4.90 euros', ['well', 'known', '4', '90', 'euros']],
  ])('%s', (text, words) => {
    expect(tokenize(text)).toEqual(words);
  });
});

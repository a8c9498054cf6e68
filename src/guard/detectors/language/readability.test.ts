import { describe, expect, it } from 'vitest';
import { frenchSyllables, readabilityScore } from './readability.js';

describe('readabilityScore', () => {
  it('returns null for text without words', () => {
    expect(readabilityScore('', 'en')).toBeNull();
    expect(readabilityScore(' ... !!! ', 'fr')).toBeNull();
  });

  // Flesch: 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words).
  // "The cat sat on the mat." has 6 one-syllable words in one sentence: 206.835 - 6.09 - 84.6 = 116.1.
  it('computes Flesch reading ease for English', () => {
    expect(readabilityScore('The cat sat on the mat.', 'en')).toMatchObject({
      score: 116.1,
      words: 6,
      sentences: 1,
    });
  });

  // Kandel-Moles: 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words).
  // "Le chat dort." has 3 one-syllable words: 207 - 3.045 - 73.6 = 130.4 (rounded to one decimal).
  it('computes Kandel-Moles for French', () => {
    expect(readabilityScore('Le chat dort.', 'fr')).toMatchObject({ formula: 'kandel-moles', score: 130.4 });
  });

  const texts = [
    {
      lang: 'en' as const,
      easy: 'We help you. It is fast. It is safe.',
      hard: 'Notwithstanding organisational considerations, comprehensive infrastructural harmonisation necessitates multidisciplinary collaboration.',
    },
    {
      lang: 'fr' as const,
      easy: 'Nous vous aidons. C’est simple. C’est sûr.',
      hard: 'Nonobstant les considérations organisationnelles, l’harmonisation infrastructurelle nécessite une collaboration pluridisciplinaire approfondie.',
    },
  ];
  it.each(texts)('scores plain $lang text above dense text', ({ lang, easy, hard }) => {
    expect(readabilityScore(easy, lang)!.score).toBeGreaterThan(60);
    expect(readabilityScore(hard, lang)!.score).toBeLessThan(30);
  });

  it.each([
    ['chat', 1],
    ['maison', 2],
    ['collaboratrice', 5],
    ['table', 1],
    ['parlent', 1],
    ['été', 2],
  ])('counts French syllables of %s as %i', (word, n) => {
    expect(frenchSyllables(word)).toBe(n);
  });
});

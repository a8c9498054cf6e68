import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it.each([
    [
      'en',
      'Returns are free. Refunds take 5 days! Questions?',
      ['Returns are free.', 'Refunds take 5 days!', 'Questions?'],
    ],
    [
      'fr',
      'Les retours sont gratuits. Le remboursement prend 5 jours !',
      ['Les retours sont gratuits.', 'Le remboursement prend 5 jours !'],
    ],
    ['en', 'Step one\nStep two', ['Step one', 'Step two']],
    ['en', 'Price: 4.90 euros. Done.', ['Price: 4.90 euros.', 'Done.']],
  ] as const)('%s: %s', (lang, text, sentences) => {
    expect(splitSentences(text, lang).map((s) => s.text)).toEqual(sentences);
  });

  it('gives offsets into the original text', () => {
    const text = 'One.  Two.\nThree.';
    for (const s of splitSentences(text, 'en')) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

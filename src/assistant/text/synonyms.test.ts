import { describe, expect, it } from 'vitest';
import { analyze } from './analyzer.js';
import { expandSynonyms } from './synonyms.js';

const expand = (question: string, lang: 'en' | 'fr') =>
  expandSynonyms(analyze(question, lang), lang).map((e) => e.term);

describe('expandSynonyms', () => {
  it('adds the one-word members of a group a phrase triggers, tied to the phrase', () => {
    const terms = analyze('Can I get my money back?', 'en');
    const found = expandSynonyms(terms, 'en');
    const refund = found.find((e) => e.term === analyze('refund', 'en')[0]);
    expect(refund?.standsFor.sort()).toEqual(analyze('money back', 'en').sort());
    // Words of a phrase are not added on their own: "back" alone means nothing.
    expect(expand('How do I get a refund?', 'en')).not.toContain(analyze('back', 'en')[0]);
  });

  it.each([
    ['Where is my package?', 'en', 'parcel'],
    ['Is it under guarantee?', 'en', 'warranty'],
    ['Comment récupérer mon argent ?', 'fr', 'remboursement'],
    ['Où est mon paquet ?', 'fr', 'colis'],
    ['Quel est le tarif ?', 'fr', 'prix'],
  ] as const)('%s also searches %s', (question, lang, word) => {
    expect(expand(question, lang)).toContain(analyze(word, lang)[0]);
  });

  it.each([
    ['What is the weather tomorrow?', 'en'],
    ['Who won the match?', 'fr'],
    ['', 'en'],
  ] as const)('adds nothing to %j', (question, lang) => {
    expect(expand(question, lang)).toEqual([]);
  });

  it('needs the whole phrase, in order', () => {
    expect(expand('Back to the money', 'en')).toEqual([]);
  });
});

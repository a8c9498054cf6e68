import { describe, expect, it } from 'vitest';
import type { Passage } from '../types.js';
import { checkSupport, renumberCitations } from './support.js';

function passage(text: string, lang: Passage['lang'], title = 'Help'): Passage {
  return {
    id: 'a#x',
    articleId: 'a',
    articleTitle: title,
    lang,
    headingPath: [],
    anchor: 'x',
    text,
    index: 0,
  };
}

const en = [
  passage(
    'We refund your original payment method within 5 business days after the warehouse receives your parcel.',
    'en',
    'Refunds',
  ),
  passage('Standard delivery takes 3 to 5 business days in mainland France.', 'en', 'Delivery'),
];
const fr = [
  passage(
    'Nous remboursons votre moyen de paiement d’origine sous 5 jours ouvrés après réception du colis.',
    'fr',
    'Remboursements',
  ),
];

describe('checkSupport', () => {
  it.each([
    [
      'a paraphrase with its citation',
      'Your original payment method is refunded within 5 business days [1].',
      en,
      'en',
    ],
    [
      'two sentences, two sources',
      'The refund reaches your payment method within 5 business days [1]. Standard delivery takes 3 to 5 business days [2].',
      en,
      'en',
    ],
    [
      'a short courtesy sentence',
      'Happy to help! We refund your original payment method within 5 business days [1].',
      en,
      'en',
    ],
    ['French, inflected', 'Votre moyen de paiement est remboursé sous 5 jours ouvrés [1].', fr, 'fr'],
    [
      'a placeholder for the customer',
      'We refund [CREDIT_CARD_1] within 5 business days after the warehouse receives your parcel [1].',
      en,
      'en',
    ],
    [
      'a sentence without a marker, supported by the cited passages',
      'We refund within 5 business days. That is for your original payment method [1].',
      en,
      'en',
    ],
  ] as const)('supports %s', (_name, answer, passages, lang) => {
    expect(checkSupport(answer, [...passages], lang).supported).toBe(true);
  });

  it.each([
    ['a claim absent from the passages', 'We refund in cash at any of our Paris shops [1].', en, 'en'],
    ['the wrong citation', 'Standard delivery takes 3 to 5 business days in mainland France [1].', en, 'en'],
    ['no citation at all', 'We refund your original payment method within 5 business days.', en, 'en'],
    [
      'a citation out of range',
      'We refund your original payment method within 5 business days [3].',
      en,
      'en',
    ],
    [
      'one invented sentence among good ones',
      'We refund your payment method within 5 business days [1]. A free gift ships with every refund [1].',
      en,
      'en',
    ],
    ['French invention', 'Nous offrons un bon d’achat de 20 euros avec chaque remboursement [1].', fr, 'fr'],
  ] as const)('rejects %s', (_name, answer, passages, lang) => {
    expect(checkSupport(answer, [...passages], lang).supported).toBe(false);
  });

  it('reports coverage per sentence and the citations in order', () => {
    const check = checkSupport(
      'Delivery takes 3 to 5 business days [2]. Refunds take 5 business days [1].',
      en,
      'en',
    );
    expect(check.cited).toEqual([2, 1]);
    expect(check.sentences.map((s) => s.cited)).toEqual([[2], [1]]);
  });
});

describe('renumberCitations', () => {
  it('numbers citations in order of appearance', () => {
    expect(renumberCitations('A [3]. B [1]. C [3].', [3, 1])).toBe('A [1]. B [2]. C [1].');
  });
});

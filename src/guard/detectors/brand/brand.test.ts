import { describe, expect, it } from 'vitest';
import { type InvalidCase, project, runCase, type ValidCase } from '../../detector-cases.js';
import type { BrandRules, Detector } from '../../types.js';
import { bannedPhrase } from './banned-phrase.js';
import { competitor } from './competitor.js';
import { terminology } from './terminology.js';

const brand: BrandRules = {
  terminology: [
    { preferred: 'email', deprecated: ['e-mail', 'E-Mail'] },
    { preferred: 'courriel', deprecated: ['mail', 'mél'] },
    { preferred: 'Vigie', deprecated: ['Vigie platform', 'la plateforme Vigie'] },
  ],
  competitors: ['Acme Corp', 'Sentinelle'],
  bannedPhrases: [{ phrase: 'game changer', reason: 'cliché' }, { phrase: 'révolutionnaire' }],
};
const context = { brand };

const tables: Array<{ detector: Detector; valid: ValidCase[]; invalid: InvalidCase[] }> = [
  {
    detector: terminology,
    valid: [
      { text: 'Send us an email.', lang: 'en', context },
      { text: 'Envoyez-nous un courriel.', lang: 'fr', context },
      { text: 'Send us an e-mail.', lang: 'en', note: 'no brand settings, nothing to check' },
      { text: 'An e-mailing list', lang: 'en', context, note: 'whole words only' },
    ],
    invalid: [
      {
        text: 'Send us an E-mail today.',
        lang: 'en',
        context,
        expected: [{ match: 'E-mail', data: { preferred: 'email' }, suggestion: 'email' }],
      },
      {
        text: 'Découvrez la plateforme Vigie par mail.',
        lang: 'fr',
        context,
        expected: [
          { match: 'la plateforme Vigie', suggestion: 'Vigie' },
          { match: 'mail', suggestion: 'courriel' },
        ],
      },
    ],
  },
  {
    detector: competitor,
    valid: [
      { text: 'We answer within the hour.', lang: 'en', context },
      { text: 'Nous sommes des sentinelles.', lang: 'fr', context, note: 'plural is another word' },
    ],
    invalid: [
      {
        text: 'Unlike ACME corp, we answer fast.',
        lang: 'en',
        context,
        expected: [{ rule: 'brand.competitor', match: 'ACME corp', data: { name: 'Acme Corp' } }],
      },
      {
        text: 'Contrairement à Sentinelle, nous répondons vite.',
        lang: 'fr',
        context,
        expected: [{ match: 'Sentinelle' }],
      },
    ],
  },
  {
    detector: bannedPhrase,
    valid: [
      { text: 'This offer changes the game.', lang: 'en', context },
      { text: 'Une offre révolutionnée.', lang: 'fr', context },
    ],
    invalid: [
      {
        text: 'This offer is a Game Changer.',
        lang: 'en',
        context,
        expected: [{ messageId: 'banned', match: 'Game Changer', data: { reason: 'cliché' } }],
      },
      {
        text: 'Une offre révolutionnaire !',
        lang: 'fr',
        context,
        expected: [{ messageId: 'bannedNoReason', match: 'révolutionnaire' }],
      },
    ],
  },
];

for (const { detector, valid, invalid } of tables) {
  describe(detector.meta.id, () => {
    it.each(valid)('valid ($lang): $text', (c) => {
      expect(runCase(detector, c)).toEqual([]);
    });
    it.each(invalid)('invalid ($lang): $text', (c) => {
      const found = runCase(detector, c);
      expect(found.map((d, i) => project(d, c.expected[i] ?? {}, detector.meta.id))).toEqual(c.expected);
    });
  });
}

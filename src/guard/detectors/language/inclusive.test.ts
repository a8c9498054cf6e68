import { describe, expect, it } from 'vitest';
import { type InvalidCase, project, runCase, type ValidCase } from '../../detector-cases.js';
import { inclusive } from './inclusive.js';

const valid: ValidCase[] = [
  // English (retext-equality)
  { text: 'Our chair opened the meeting.', lang: 'en' },
  { text: 'Ask a salesperson for help.', lang: 'en' },
  { text: 'He or she can apply.', lang: 'en', note: 'binary pairs are fine' },
  { text: 'The team shipped the release on time.', lang: 'en' },
  // French (our lexicon)
  { text: "L'équipe vous répond en une heure.", lang: 'fr' },
  { text: 'Les collaboratrices et collaborateurs sont invités.', lang: 'fr', note: 'the doublet is the fix' },
  { text: 'La personne responsable de projet valide le devis.', lang: 'fr' },
  { text: 'Les personnes handicapées ont accès au site.', lang: 'fr' },
  { text: 'Un chef étoilé cuisine pour nous.', lang: 'fr', note: 'a cook, not a job title pattern' },
];

const invalid: InvalidCase[] = [
  {
    text: 'Our chairman opened the meeting.',
    lang: 'en',
    expected: [{ match: 'chairman', messageId: 'insensitive', suggestion: 'chair' }],
  },
  { text: 'Ask the salesman.', lang: 'en', expected: [{ match: 'salesman', suggestion: 'salesperson' }] },
  { text: 'That plan is crazy.', lang: 'en', expected: [{ match: 'crazy' }] },
  {
    text: 'Ask the salesman.\nOur team is great. He or she will call. The chairman agrees.',
    lang: 'en',
    note: 'sentences are checked apart from each other; offsets map back to each one',
    expected: [{ match: 'salesman' }, { match: 'chairman' }],
  },
  {
    text: 'Les collaborateurs sont invités.',
    lang: 'fr',
    expected: [{ match: 'Les collaborateurs', suggestion: "l'équipe", data: { kind: 'gender' } }],
  },
  {
    text: 'Merci à nos collaborateurs et au chef de projet.',
    lang: 'fr',
    expected: [
      { match: 'nos collaborateurs', suggestion: 'notre équipe' },
      { match: 'chef de projet', suggestion: 'responsable de projet' },
    ],
  },
  {
    text: 'Nous recrutons une femme de ménage.',
    lang: 'fr',
    expected: [{ match: 'femme de ménage', suggestion: "personnel d'entretien" }],
  },
  {
    text: 'Un accès pour les handicapés.',
    lang: 'fr',
    expected: [{ match: 'les handicapés', data: { kind: 'disability' } }],
  },
  {
    text: 'Gérez ce budget en bon père de famille.',
    lang: 'fr',
    expected: [{ suggestion: 'raisonnablement' }],
  },
];

describe('language.inclusive', () => {
  it.each(valid)('valid ($lang): $text', (c) => {
    expect(runCase(inclusive, c)).toEqual([]);
  });
  it.each(invalid)('invalid ($lang): $text', (c) => {
    const found = runCase(inclusive, c);
    expect(found.map((d, i) => project(d, c.expected[i] ?? {}, 'language.inclusive'))).toEqual(c.expected);
  });

  it('grades French generic masculine as advice and ableist wording as a warning', () => {
    const [gender] = runCase(inclusive, { text: 'Les collaborateurs', lang: 'fr' });
    const [ableist] = runCase(inclusive, { text: 'Les handicapés', lang: 'fr' });
    expect([gender?.severity, ableist?.severity]).toEqual(['info', 'warn']);
  });

  it('grades lone English pronouns as advice', () => {
    const found = runCase(inclusive, { text: 'Ask him. The chairman agrees.', lang: 'en' });
    expect(found.map((d) => [d.match, d.severity])).toEqual([
      ['him', 'info'],
      ['chairman', undefined],
    ]);
  });

  it('keeps offsets right in long English text split into chunks', () => {
    const text = `${'The team works hard. '.repeat(3000)}Ask the salesman.`;
    const found = runCase(inclusive, { text, lang: 'en' });
    expect(found.map((d) => d.match)).toEqual(['salesman']);
  });
});

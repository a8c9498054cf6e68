import { describe, expect, it } from 'vitest';
import { formatDate, formatDateline, frenchTypography, NBSP, NNBSP } from './typography.js';

describe('frenchTypography', () => {
  it.each([
    ['Prêt ?', `Prêt${NNBSP}?`],
    ['Prêt?', `Prêt${NNBSP}?`],
    ['Attention !', `Attention${NNBSP}!`],
    ['un ; deux', `un${NNBSP}; deux`],
    ['Objet : test', `Objet${NBSP}: test`],
    ['« Bonjour »', `«${NBSP}Bonjour${NBSP}»`],
    ['«Bonjour»', `«${NBSP}Bonjour${NBSP}»`],
  ])('%s', (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
    expect(frenchTypography(expected)).toBe(expected);
  });

  it.each(['https://vigie.example/demo?ref=x', 'Rendez-vous à 10:30', 'Voir https://vigie.example/a;b'])(
    'leaves %s alone',
    (input) => {
      expect(frenchTypography(input)).toBe(input);
    },
  );
});

describe('dates', () => {
  it.each([
    ['2026-11-29', 'en', 'November 29, 2026'],
    ['2026-11-29', 'fr', '29 novembre 2026'],
    ['2026-12-01', 'fr', '1er décembre 2026'],
    ['2027-01-01', 'en', 'January 1, 2027'],
  ] as const)('%s in %s is %s', (iso, lang, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });

  it('writes datelines', () => {
    expect(formatDateline('Paris', '2026-11-29', 'en')).toBe('PARIS, November 29, 2026 –');
    expect(formatDateline('Paris', '2026-11-29', 'fr')).toBe('Paris, le 29 novembre 2026 –');
  });
});

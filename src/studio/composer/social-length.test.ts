import { describe, expect, it } from 'vitest';
import { toHashtag } from './hashtags.js';
import { postLength, URL_WEIGHT } from './social-length.js';

describe('postLength', () => {
  it.each([
    ['plain Latin text counts 1 per character', 'x', 'Hello world', 11],
    ['accented French counts 1 per character', 'x', 'Sécurité à l’échelle', 20],
    [
      'a URL counts 23 on X whatever its length',
      'x',
      `See https://vigie.example/${'a'.repeat(100)}`,
      4 + URL_WEIGHT,
    ],
    ['a short URL also counts 23 on X', 'x', 'https://t.co/x', URL_WEIGHT],
    ['CJK counts 2 on X', 'x', '日本', 4],
    ['an emoji counts 2 on X', 'x', 'Go 🚀', 5],
    ['a URL counts 23 on Mastodon', 'mastodon', `https://vigie.example/${'a'.repeat(100)}`, URL_WEIGHT],
    ['an emoji counts 1 on Mastodon', 'mastodon', 'Go 🚀', 4],
    ['LinkedIn counts every character of a URL', 'linkedin', 'https://vigie.example/abc', 25],
  ] as const)('%s', (_name, platform, text, expected) => {
    expect(postLength(text, platform)).toBe(expected);
  });
});

describe('toHashtag', () => {
  it.each([
    ['AI governance', '#AIGovernance'],
    ['sécurité de marque', '#SécuritéDeMarque'],
    ['#Vigie', '#Vigie'],
    ['brand-safety', '#BrandSafety'],
    ['2026', undefined],
    ['a', undefined],
  ])('%s -> %s', (term, tag) => {
    expect(toHashtag(term)).toBe(tag);
  });
});

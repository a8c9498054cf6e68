import { describe, expect, it } from 'vitest';
import { extractNumbers, FIGURE } from './figures.js';

describe('FIGURE', () => {
  it.each([
    ['99.9% uptime', '99.9%'],
    ['99,9 % de disponibilité', '99,9 %'],
    ['3x faster', '3x'],
    ['2 fois plus rapide', '2 fois'],
    ['n°1 en France', 'n°1'],
    ['the #1 tool', '#1'],
    ['number one', 'number one'],
    ['1,200 customers', '1,200 customers'],
    ['plus de 1 200 clients', '1 200 clients'],
    ['10k users', '10k users'],
  ])('%s -> %s', (text, match) => {
    expect([...text.matchAll(FIGURE)].map((m) => m[0])).toEqual([match]);
  });

  it.each(['on 12 March 2025', 'Windows 10 x64', 'version 2.3', 'le 3 mars'])(
    '%s is not a figure',
    (text) => {
      expect([...text.matchAll(FIGURE)]).toEqual([]);
    },
  );

  it('stays linear on long digit runs', () => {
    const text = `${'9'.repeat(100_000)} ${'1 '.repeat(50_000)}`;
    const t0 = performance.now();
    [...text.matchAll(FIGURE)];
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('extractNumbers', () => {
  it.each([
    ['99.9% uptime', 'en', ['99.9']],
    ['99,9 %', 'fr', ['99.9']],
    ['1,200 customers', 'en', ['1200']],
    ['1 200 clients', 'fr', ['1200']],
    ['1.000 clients', 'fr', ['1000']],
    ['in 2025 and 2026', 'en', ['2025', '2026']],
  ] as const)('%s (%s) -> %j', (text, lang, numbers) => {
    expect(extractNumbers(text, lang)).toEqual(numbers);
  });
});

import { describe, expect, it } from 'vitest';
import { foldText, PhraseMatcher } from './phrase-matcher.js';

const matcher = new PhraseMatcher([
  { phrase: 'he', data: 'he' },
  { phrase: 'she', data: 'she' },
  { phrase: 'hers', data: 'hers' },
  { phrase: 'game changer', data: 'game changer' },
  { phrase: "l'équipe", data: "l'équipe" },
  { phrase: 'n°1', data: 'n°1' },
]);

const cases: Array<{ text: string; expected: string[]; note: string }> = [
  { text: 'ushers', expected: [], note: 'inside a word is not a whole-word match' },
  { text: 'she said hers', expected: ['she', 'hers'], note: 'several phrases' },
  { text: 'A GAME  CHANGER!', expected: ['game changer'], note: 'case and inner whitespace fold' },
  { text: 'game\nchanger', expected: ['game changer'], note: 'a line break is a space' },
  { text: 'Rejoignez L’Équipe', expected: ["l'équipe"], note: 'curly apostrophe and capital É' },
  { text: 'Leader n°1 du marché', expected: ['n°1'], note: 'phrase with a symbol' },
  { text: 'gamechanger', expected: [], note: 'no space, no match' },
  { text: 'a real game-changer', expected: ['game changer'], note: 'a hyphen matches a space' },
  { text: '', expected: [], note: 'empty text' },
];

describe('PhraseMatcher', () => {
  it.each(cases)('$note: $text', ({ text, expected }) => {
    expect(matcher.findAll(text).map((m) => m.data)).toEqual(expected);
  });

  it('returns offsets into the original text, including after astral characters', () => {
    const text = '😀 game changer';
    const [m] = matcher.findAll(text);
    expect(text.slice(m!.start, m!.end)).toBe('game changer');
  });

  it('prefers the longest phrase at one start and never overlaps', () => {
    const m = new PhraseMatcher([
      { phrase: 'chef', data: 1 },
      { phrase: 'chef de projet', data: 2 },
      { phrase: 'projet', data: 3 },
    ]);
    expect(m.findAll('le chef de projet').map((x) => x.data)).toEqual([2]);
  });

  it('findOverlapping keeps every match, overlapping or nested, in order of their end', () => {
    const m = new PhraseMatcher([
      { phrase: 'chef', data: 'chef' },
      { phrase: 'chef de projet', data: 'chef de projet' },
      { phrase: 'projet', data: 'projet' },
      { phrase: 'Projet', data: 'Projet (same folded phrase)' },
    ]);
    const found = m.findOverlapping('Le chef de  projet.').map((x) => [x.data, x.start, x.end]);
    expect(found).toEqual([
      ['chef', 3, 7],
      ['chef de projet', 3, 18],
      ['projet', 12, 18],
      ['Projet (same folded phrase)', 12, 18],
    ]);
    expect(m.findOverlapping('chefs de projets')).toEqual([]);
  });

  it('matches phrases outside Latin scripts and after a run of other characters', () => {
    const m = new PhraseMatcher([
      { phrase: 'ΑΛΦΑ βήτα', data: 1 },
      { phrase: 'ab', data: 2 },
    ]);
    expect(m.findAll('x ἀ Άλφα ΑΛΦΑ βήτα!').map((x) => x.data)).toEqual([1]);
    expect(m.findAll('aab ab').map((x) => [x.start, x.end])).toEqual([[4, 6]]);
  });

  it('keeps folding length-preserving so offsets stay valid', () => {
    for (const s of ['İstanbul', 'Straße', 'ǅ', '\u{1F600}x', 'ﬁ']) expect(foldText(s).length).toBe(s.length);
  });

  it('runs in linear time on adversarial repetitions', () => {
    const m = new PhraseMatcher([
      { phrase: `${'a'.repeat(50)}b`, data: 1 },
      { phrase: 'a a a', data: 2 },
    ]);
    const text = 'a'.repeat(200_000);
    const t0 = performance.now();
    expect(m.findAll(text)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

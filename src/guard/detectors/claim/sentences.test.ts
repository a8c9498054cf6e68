import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

const slices = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['One. Two! Three?', ['One.', 'Two!', 'Three?']],
    ['Uptime 99.9% in 2025. Next.', ['Uptime 99.9% in 2025.', 'Next.']],
    ['Titre\nCorps du texte…  Fin', ['Titre', 'Corps du texte…', 'Fin']],
    ['  \n\n ', []],
    ['', []],
  ])('%j', (text, expected) => {
    expect(slices(text)).toEqual(expected);
  });

  it('cuts runs longer than the bound', () => {
    const parts = splitSentences('a'.repeat(5000));
    expect(parts.length).toBe(3);
    expect(parts.every((p) => p.end - p.start <= 2000)).toBe(true);
  });
});

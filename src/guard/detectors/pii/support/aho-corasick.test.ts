import { describe, expect, it } from 'vitest';
import { AhoCorasick, foldUnit } from './aho-corasick.js';

describe('AhoCorasick', () => {
  // The classic example from Aho and Corasick (1975): he, she, his, hers in "ushers".
  it('finds every occurrence, overlapping ones included', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers'], false);
    const found = ac.findAll('ushers').map((m) => ['he', 'she', 'his', 'hers'][m.pattern]);
    expect(found.sort()).toEqual(['he', 'hers', 'she']);
  });

  it('ignores case without moving offsets, even around characters whose lower case is longer', () => {
    const ac = new AhoCorasick(['ÉLODIE', 'istanbul']);
    const text = 'İstanbul: élodie';
    const found = ac.findAll(text).map((m) => text.slice(m.start, m.end));
    // "İ" lowercases to two code units, so it is kept as it is and "İstanbul" does not match.
    expect(found).toEqual(['élodie']);
    expect(foldUnit('A'.charCodeAt(0))).toBe('a'.charCodeAt(0));
  });

  it('handles empty patterns and empty text', () => {
    expect(new AhoCorasick(['', 'a']).findAll('')).toEqual([]);
    expect(new AhoCorasick(['']).findAll('abc')).toEqual([]);
  });
});

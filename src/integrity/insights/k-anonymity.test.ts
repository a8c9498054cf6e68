import { describe, expect, it } from 'vitest';
import { suppressCount, suppressSmallGroups } from './k-anonymity.js';

describe('k-anonymity', () => {
  it('keeps only the key of groups from 1 to k - 1 people', () => {
    const out = suppressSmallGroups(
      [
        { key: 'big', n: 10, rate: 0.5 },
        { key: 'small', n: 9, rate: 1 },
        { key: 'empty', n: 0, rate: 0 },
      ],
      10,
    );
    expect(out).toEqual([
      { key: 'big', n: 10, rate: 0.5, suppressed: false },
      { key: 'small', suppressed: true },
      { key: 'empty', n: 0, rate: 0, suppressed: false },
    ]);
  });

  it('suppresses lone counts the same way', () => {
    expect(suppressCount(3, 10)).toBeNull();
    expect(suppressCount(10, 10)).toBe(10);
    expect(suppressCount(0, 10)).toBe(0);
    expect(suppressCount(4, 2)).toBe(4);
  });
});

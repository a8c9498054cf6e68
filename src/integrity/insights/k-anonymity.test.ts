import { describe, expect, it } from 'vitest';
import { isSmallSubset, suppressCount, suppressPartition, suppressSmallGroups } from './k-anonymity.js';

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

  it('hides a subset whose complement in the population is small (43 of 50 exposes 7)', () => {
    expect(isSmallSubset(43, 50, 10)).toBe(true);
    expect(isSmallSubset(40, 50, 10)).toBe(false);
    expect(isSmallSubset(8, 50, 10)).toBe(true);
    // Nobody outside, or nobody inside: nobody singled out.
    expect(isSmallSubset(50, 50, 10)).toBe(false);
    expect(isSmallSubset(0, 50, 10)).toBe(false);
  });

  it('suppresses a second cell so a hidden one cannot be derived by subtraction', () => {
    // Clusters 22, 20, 8 of 50: hiding only the 8 leaves 50 - 22 - 20 = 8.
    expect([...suppressPartition([22, 20, 8], 50, 10)].sort()).toEqual([1, 2]);
    // Two cells hidden but totalling fewer than k: the next smallest joins them.
    expect([...suppressPartition([3, 4, 30, 40], 77, 10)].sort()).toEqual([0, 1, 2]);
    // Empty cells are shown and never count as the second hidden cell.
    expect([...suppressPartition([10, 10, 0, 0], 20, 11)].sort()).toEqual([0, 1]);
    expect([...suppressPartition([42, 8, 0], 50, 10)].sort()).toEqual([0, 1]);
    // Nothing small: nothing hidden.
    expect(suppressPartition([25, 25, 0], 50, 10).size).toBe(0);
    // A lone non-empty cell under k cannot be protected by others: the whole family is hidden.
    expect([...suppressPartition([5, 0, 0], 5, 10)].sort()).toEqual([0, 1, 2]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  binomialSurprise,
  logFactorials,
  median,
  percentileRanks,
  robustZ,
  twoMeansSplit,
} from './robust-stats.js';

describe('robust statistics', () => {
  it('median and robust z ignore one outlier', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    // median 3, |deviations| {2,1,0,1,97}, MAD 1, scale 1.4826.
    const z = robustZ([1, 2, 3, 4, 100]);
    expect(z[0]).toBeCloseTo(-2 / 1.4826, 12);
    expect(z[4]).toBeCloseTo(97 / 1.4826, 12);
  });

  it('ranks with ties sharing their mean rank', () => {
    expect([...percentileRanks([10, 20, 20, 30])]).toEqual([0.5 / 4, 2 / 4, 2 / 4, 3.5 / 4]);
  });

  it('splits two clear groups at the gap', () => {
    const { cut, separation } = twoMeansSplit([0, 0.1, 0.2, 0.1, 5, 5.1, 5.2].sort((a, b) => a - b));
    expect(cut).toBe(4);
    expect(separation).toBeGreaterThan(10);
  });

  it('gives exact binomial tails', () => {
    const lf = logFactorials(20);
    // P(K >= 1 | n = 1, p = 0.5) = 0.5.
    expect(binomialSurprise(1, 1, 0.5, lf)).toBeCloseTo(-Math.log10(0.5), 12);
    // P(K >= 3 | n = 3, p = 0.1) = 0.001.
    expect(binomialSurprise(3, 3, 0.1, lf)).toBeCloseTo(3, 10);
    // P(K >= 2 | n = 4, p = 0.5) = 11/16.
    expect(binomialSurprise(2, 4, 0.5, lf)).toBeCloseTo(-Math.log10(11 / 16), 12);
    expect(binomialSurprise(0, 4, 0.5, lf)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { clusterSubjects } from './clusters.js';

const row = (v: number, spend: number) => [v, 0, 0, 0, 0, spend, 1];

describe('clusterSubjects', () => {
  it('separates two obvious groups and profiles them in raw units', () => {
    const subjects = ['a', 'b', 'c', 'd', 'e', 'f'];
    // Three browsers who never buy, three buyers who spend 100 to 120.
    const rows = [row(10, 0), row(11, 0), row(12, 0), row(0, 100), row(1, 110), row(2, 120)];
    const c = clusterSubjects({ subjects, rows }, 2, 1);
    const ca = c.assignments.get('a');
    expect(['b', 'c'].map((s) => c.assignments.get(s))).toEqual([ca, ca]);
    const cd = c.assignments.get('d');
    expect(cd).not.toBe(ca);
    expect(['e', 'f'].map((s) => c.assignments.get(s))).toEqual([cd, cd]);
    const buyers = c.profiles[cd!]!;
    expect(buyers.size).toBe(3);
    expect(buyers.means.spend).toBeCloseTo(110, 9);
    expect(buyers.means.views).toBeCloseTo(1, 9);
    // Same seed, same answer.
    expect(clusterSubjects({ subjects, rows }, 2, 1).assignments).toEqual(c.assignments);
  });

  it('refuses impossible k', () => {
    expect(() => clusterSubjects({ subjects: ['a'], rows: [row(1, 1)] }, 2)).toThrow(AppError);
    expect(() => clusterSubjects({ subjects: [], rows: [] }, 1)).toThrow(/k must be/);
  });
});

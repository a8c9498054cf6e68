import { describe, expect, it } from 'vitest';
import { rocAuc } from './auc.js';
import { trainPropensity } from './propensity.js';

describe('rocAuc', () => {
  it('is the share of positive-negative pairs ranked right, ties one half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(0.75, 12);
    expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(rocAuc([1, 2], [true, true])).toBeNull();
  });
});

describe('trainPropensity', () => {
  it('learns a separable signal and reports a holdout AUC near 1', () => {
    const subjects: string[] = [];
    const rows: number[][] = [];
    const labels = new Map<string, boolean>();
    for (let i = 0; i < 200; i++) {
      const s = `s${i}`;
      subjects.push(s);
      const visits = i % 20;
      rows.push([visits, (i * 7) % 5]); // the second feature is noise
      labels.set(s, visits >= 10);
    }
    const m = trainPropensity({ subjects, rows }, labels, { seed: 3 });
    expect(m.trainSize + m.holdoutSize).toBe(200);
    expect(m.holdoutSize).toBe(60);
    expect(m.holdoutAuc).toBeGreaterThan(0.95);
    expect(m.scores.get('s19')!).toBeGreaterThan(0.5);
    expect(m.scores.get('s0')!).toBeLessThan(0.5);
  });

  it('refuses training data with one outcome only', () => {
    const subjects = ['a', 'b', 'c', 'd', 'e'];
    const rows = subjects.map((_, i) => [i]);
    expect(() => trainPropensity({ subjects, rows }, new Map(), {})).toThrow(/both outcomes/);
  });
});

import { describe, expect, it } from 'vitest';
import { behaviouralFeatures, standardise } from './features.js';
import type { InsightEvent } from './types.js';

const ev = (
  subject: string,
  type: InsightEvent['type'],
  item: string,
  value: number | null = null,
): InsightEvent => ({
  subject,
  type,
  item,
  value,
  occurredAt: '2026-11-01T00:00:00Z',
});

describe('behaviouralFeatures', () => {
  it('counts by type, sums spend and distinct items, for the allowed subjects only', () => {
    const f = behaviouralFeatures(
      [
        ev('b', 'view', 'x'),
        ev('b', 'purchase', 'x', 20),
        ev('b', 'purchase', 'y', 5),
        ev('a', 'email_open', 'n1'),
        ev('c', 'click', 'x'),
      ],
      new Set(['a', 'b']),
    );
    expect(f.subjects).toEqual(['a', 'b']);
    // views, clicks, purchases, ratings, email_opens, spend, distinct_items
    expect(f.rows).toEqual([
      [0, 0, 0, 0, 1, 0, 1],
      [1, 0, 2, 0, 0, 25, 2],
    ]);
  });
});

describe('standardise', () => {
  it('gives z-scores with the population standard deviation and zeroes constant columns', () => {
    const s = standardise([
      [1, 7],
      [3, 7],
    ]);
    expect(s.mean).toEqual([2, 7]);
    expect(s.std).toEqual([1, 0]);
    expect(s.rows).toEqual([
      [-1, 0],
      [1, 0],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { quintileScores, rfmScores, rfmSegment } from './rfm.js';
import type { InsightEvent } from './types.js';

const NOW = new Date('2026-11-29T00:00:00Z');
const buy = (subject: string, daysAgo: number, value: number): InsightEvent => ({
  subject,
  type: 'purchase',
  item: 'sku',
  value,
  occurredAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
});

describe('quintileScores', () => {
  it('gives 1 + floor(5 * share strictly below)', () => {
    expect(quintileScores([10, 20, 30, 40, 50])).toEqual([1, 2, 3, 4, 5]);
    expect(quintileScores([50, 10, 30, 20, 40])).toEqual([5, 1, 3, 2, 4]);
    // Ties share a score: 2 has two values below it out of 3, 1 + floor(10 / 3) = 4.
    expect(quintileScores([1, 1, 2])).toEqual([1, 1, 4]);
  });
});

describe('rfmSegment', () => {
  it.each([
    [5, 5, 'champions'],
    [3, 4, 'loyal'],
    [4, 2, 'potential_loyalists'],
    [5, 1, 'new_customers'],
    [1, 4, 'at_risk'],
    [2, 1, 'hibernating'],
    [3, 2, 'need_attention'],
  ] as const)('r=%i f=%i is %s', (r, f, name) => {
    expect(rfmSegment(r, f)).toBe(name);
  });
});

describe('rfmScores', () => {
  it('scores recency, frequency and monetary by quintile over purchases only', () => {
    // a: 5 purchases, last 1 day ago, 500 spent; e: 1 purchase 50 days ago, 10 spent.
    const events: InsightEvent[] = [
      ...[1, 2, 3, 4, 5].map((d) => buy('a', d, 100)),
      ...[5, 6, 7, 8].map((d) => buy('b', d, 50)),
      ...[10, 11, 12].map((d) => buy('c', d, 30)),
      ...[20, 21].map((d) => buy('d', d, 20)),
      buy('e', 50, 10),
      { subject: 'f', type: 'view', item: 'sku', value: null, occurredAt: NOW.toISOString() },
    ];
    const scores = rfmScores(events, NOW);
    expect(scores.map((s) => s.subject)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(scores[0]).toEqual({
      subject: 'a',
      recencyDays: 1,
      frequency: 5,
      monetary: 500,
      r: 5,
      f: 5,
      m: 5,
      segment: 'champions',
    });
    expect(scores[4]).toMatchObject({ recencyDays: 50, frequency: 1, monetary: 10, r: 1, f: 1, m: 1 });
    expect(scores[4]!.segment).toBe('hibernating');
    expect(scores[2]).toMatchObject({ r: 3, f: 3, m: 3, segment: 'need_attention' });
  });
});

import { describe, expect, it } from 'vitest';
import { buildRecommender, popularAmong, recommend } from './recommend.js';
import type { InsightEvent } from './types.js';

const rate = (subject: string, item: string, value: number): InsightEvent => ({
  subject,
  type: 'rating',
  item,
  value,
  occurredAt: '2026-11-01T00:00:00Z',
});

// Item vectors over users (A, B, C): x = [5, 4, 0], y = [5, 4, 0], z = [0, 2, 5].
// cos(x, y) = 1; cos(x, z) = cos(y, z) = 8 / sqrt(41 * 29).
const EVENTS = [
  rate('A', 'x', 5),
  rate('A', 'y', 5),
  rate('B', 'x', 4),
  rate('B', 'y', 4),
  rate('B', 'z', 2),
  rate('C', 'z', 5),
];
const SIM_XZ = 8 / Math.sqrt(41 * 29);

describe('item-item recommender', () => {
  const model = buildRecommender(EVENTS);

  it('computes cosine similarities between items', () => {
    expect(model.neighbours.get('x')![0]).toEqual({ item: 'y', sim: expect.closeTo(1, 12) });
    expect(model.neighbours.get('x')![1]!.sim).toBeCloseTo(SIM_XZ, 12);
  });

  it('scores unseen items by sum of weight x similarity', () => {
    const forA = recommend(model, 'A', { n: 1 });
    expect(forA).toEqual([{ item: 'z', score: expect.closeTo(10 * SIM_XZ, 12), source: 'collaborative' }]);
    const forC = recommend(model, 'C', { n: 2 });
    expect(forC.map((r) => r.item)).toEqual(['x', 'y']);
    expect(forC[0]!.score).toBeCloseTo(5 * SIM_XZ, 12);
  });

  it('falls back to popular in segment, then popular, for a cold subject', () => {
    expect(recommend(model, 'new', { n: 3 })).toEqual([
      { item: 'x', score: 0, source: 'popular' },
      { item: 'y', score: 0, source: 'popular' },
      { item: 'z', score: 0, source: 'popular' },
    ]);
    const seg = popularAmong(model, ['C']);
    expect(seg).toEqual(['z']);
    expect(recommend(model, 'new', { n: 2, segmentPopular: seg }).map((r) => [r.item, r.source])).toEqual([
      ['z', 'popular_in_segment'],
      ['x', 'popular'],
    ]);
  });

  it('ignores views and e-mail opens and never recommends what was seen', () => {
    const m = buildRecommender([
      ...EVENTS,
      { subject: 'A', type: 'view', item: 'w', value: null, occurredAt: '2026-11-01T00:00:00Z' },
    ]);
    expect(m.popular).not.toContain('w');
    expect(recommend(m, 'B', { n: 5 })).toEqual([]);
  });
});

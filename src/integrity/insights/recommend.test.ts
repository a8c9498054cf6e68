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
  // Three users: the k-anonymity floor is lowered to 1 to check the arithmetic.
  const model = buildRecommender(EVENTS, { minUsers: 1 });

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
    const m = buildRecommender(
      [...EVENTS, { subject: 'A', type: 'view', item: 'w', value: null, occurredAt: '2026-11-01T00:00:00Z' }],
      { minUsers: 1 },
    );
    expect(m.popular).not.toContain('w');
    expect(recommend(m, 'B', { n: 5 })).toEqual([]);
  });

  it('never lists or recommends an item of fewer than k distinct users (k-anonymity floor)', () => {
    // 12 users rate x and y; only u0 and u1 also rate the rare item r.
    const events: InsightEvent[] = [];
    for (let u = 0; u < 12; u++) events.push(rate(`u${u}`, 'x', 5), rate(`u${u}`, 'y', 4));
    events.push(rate('u0', 'r', 5), rate('u1', 'r', 5));
    const floored = buildRecommender(events, { minUsers: 10 });
    expect(floored.popular).toEqual(['x', 'y']);
    expect(floored.neighbours.has('r')).toBe(false);
    expect(floored.neighbours.get('x')!.map((n) => n.item)).toEqual(['y']);
    expect(recommend(floored, 'u2').map((r) => r.item)).not.toContain('r');
    expect(recommend(floored, 'new').map((r) => r.item)).toEqual(['x', 'y']);
    // Within a segment, an item needs k members too.
    expect(popularAmong(floored, ['u0', 'u1', 'u2'])).toEqual([]);
    expect(
      popularAmong(
        floored,
        events.map((e) => e.subject),
      ),
    ).toEqual(['x', 'y']);
    // The default floor is k = 10, not 1.
    expect(buildRecommender(events).popular).toEqual(['x', 'y']);
    // Without the floor, u2 would be offered what only u0 and u1 rated.
    expect(recommend(buildRecommender(events, { minUsers: 1 }), 'u2').map((r) => r.item)).toContain('r');
  });

  it('never pairs two items fewer than k people share (one basket is not a pattern)', () => {
    // a and b have five buyers each; only "victim" bought both.
    const events: InsightEvent[] = [];
    for (let u = 0; u < 4; u++) events.push(rate(`a${u}`, 'a', 5), rate(`b${u}`, 'b', 5));
    events.push(rate('victim', 'a', 5), rate('victim', 'b', 5));
    const floored = buildRecommender(events, { minUsers: 5 });
    expect(floored.popular.sort()).toEqual(['a', 'b']);
    expect(floored.neighbours.get('a')).toEqual([]);
    expect(recommend(floored, 'a0').map((r) => r.source)).not.toContain('collaborative');
    // Without the pair floor, every buyer of a would be offered b because of the victim's basket.
    expect(
      buildRecommender(events, { minUsers: 1 })
        .neighbours.get('a')!
        .map((n) => n.item),
    ).toEqual(['b']);
  });
});

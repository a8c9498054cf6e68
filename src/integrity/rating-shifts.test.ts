import { describe, expect, it } from 'vitest';
import { generateGenuineRatings, injectAttack } from './attack-generator.js';
import { detectRatingShifts } from './rating-shifts.js';
import type { Rating } from './ratings.js';

const series = (item: string, values: number[], t0 = 1000): Rating[] =>
  values.map((rating, i) => ({ user: `u${item}${i}`, item, rating, timestamp: t0 + i }));

describe('detectRatingShifts', () => {
  it('finds a sudden run of top ratings and a sudden run of bottom ones', () => {
    // 40 calm ratings (2 fives, 2 ones), then 20 extremes: shares 0.05 -> 1, pooled 22/60,
    // z = 0.95 / sqrt(22/60 * 38/60 * (1/40 + 1/20)) = 7.2.
    const calm = [3, 2, 4, 3, 1, 3, 4, 2, 3, 5, 3, 2, 4, 3, 2, 3, 4, 3, 2, 3];
    const pushed = series('a', [...calm, ...calm, ...Array(20).fill(5)]);
    const nuked = series('b', [...calm, ...calm, ...Array(20).fill(1)]);
    const shifts = detectRatingShifts([...pushed, ...nuked]);
    expect(shifts.map((s) => [s.item, s.direction, s.at])).toEqual(
      expect.arrayContaining([
        ['a', 'push', 1040],
        ['b', 'nuke', 1040],
      ]),
    );
    expect(shifts).toHaveLength(2);
    const a = shifts.find((s) => s.item === 'a')!;
    expect(a.before_share).toBeCloseTo(1 / 20, 12);
    expect(a.after_share).toBe(1);
    expect(a.score).toBeCloseTo(0.95 / Math.sqrt((22 / 60) * (38 / 60) * (1 / 40 + 1 / 20)), 2);
  });

  it('stays quiet on steady items and without timestamps', () => {
    const steady = series(
      'c',
      Array.from({ length: 60 }, (_, i) => 1 + (i % 5)),
    );
    expect(detectRatingShifts(steady)).toEqual([]);
    expect(detectRatingShifts(steady.map(({ timestamp: _t, ...r }) => r))).toEqual([]);
  });

  it('finds an injected attack on generated data and nothing else', () => {
    const base = generateGenuineRatings({ users: 300, items: 400, seed: 3 });
    const attack = injectAttack(base, {
      model: 'average',
      attackSize: 0.1,
      fillerSize: 0.05,
      seed: 1,
      target: '50',
    });
    expect(detectRatingShifts(base)).toEqual([]);
    const shifts = detectRatingShifts(attack.ratings);
    expect(shifts[0]).toMatchObject({ item: '50', direction: 'push' });
  });
});

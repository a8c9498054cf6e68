import { describe, expect, it } from 'vitest';
import { generateGenuineRatings, injectAttack } from './attack-generator.js';
import { buildRatingMatrix, inferRatingScale, type Rating } from './ratings.js';
import { scanRatings } from './scan-ratings.js';

describe('rating scale', () => {
  const base = generateGenuineRatings({ users: 400, items: 700, seed: 3 });

  it('is the range of values in common use; stray values beyond it are clamped and counted', () => {
    const stray: Rating[] = [
      { user: '1', item: '1', rating: 6 },
      { user: '2', item: '1', rating: 0 },
    ];
    const m = buildRatingMatrix([...base, ...stray]);
    expect([m.minRating, m.maxRating]).toEqual([1, 5]);
    expect(m.outOfScale).toBe(2);
    expect(Math.max(...m.userValues)).toBe(5);
    expect(Math.min(...m.itemValues)).toBe(1);
  });

  it('keeps the observed range when too few ratings make any value common', () => {
    const m = buildRatingMatrix([
      { user: 'a', item: 'x', rating: 2 },
      { user: 'b', item: 'x', rating: 9 },
    ]);
    expect([m.minRating, m.maxRating, m.outOfScale]).toEqual([2, 9, 0]);
  });

  it('still sees a push attack when one stray rating lies above the scale (it used to hide it)', () => {
    const attack = injectAttack(base, { model: 'average', attackSize: 0.1, fillerSize: 0.05, seed: 5 });
    const poisoned = [...attack.ratings, { user: 'stray', item: attack.target, rating: 6 }];
    const flagged = new Set(scanRatings(poisoned).suspicious_users.map((u) => u.user));
    const caught = attack.attackers.filter((a) => flagged.has(a)).length;
    expect(caught / attack.attackers.length).toBeGreaterThanOrEqual(0.9);
  });

  // 0.5% of the ratings at 6, from 5 accounts: enough for a 6 to count as common by its share.
  const withStrays = (ratings: readonly Rating[]) => {
    const need = Math.max(3, Math.ceil(0.005 * (ratings.length + 200)));
    const strays = Array.from({ length: need }, (_, i) => ({
      user: `stray${i % 5}`,
      item: String(i),
      rating: 6,
    }));
    return [...ratings, ...strays];
  };

  it('keeps the scale when a few accounts give hundreds of ratings beyond it (they used to move it)', () => {
    const attack = injectAttack(base, { model: 'average', attackSize: 0.1, fillerSize: 0.05, seed: 5 });
    const poisoned = withStrays(attack.ratings);
    const m = buildRatingMatrix(poisoned);
    expect([m.minRating, m.maxRating]).toEqual([1, 5]);
    const flagged = new Set(scanRatings(poisoned).suspicious_users.map((u) => u.user));
    const caught = attack.attackers.filter((a) => flagged.has(a)).length;
    expect(caught / attack.attackers.length).toBeGreaterThanOrEqual(0.9);
    expect(inferRatingScale(poisoned)).toEqual({ min: 1, max: 5 });
  });

  it('uses a forced scale, clamping values beyond it', () => {
    const stray = Array.from({ length: 40 }, (_, i) => ({ user: `s${i}`, item: String(i), rating: 6 }));
    const m = buildRatingMatrix([...base, ...stray], { scale: { min: 1, max: 5 } });
    expect([m.minRating, m.maxRating, m.outOfScale]).toEqual([1, 5, 40]);
    expect(buildRatingMatrix(base, { scale: { min: 0, max: 10 } }).maxRating).toBe(10);
    expect(() => buildRatingMatrix(base, { scale: { min: 5, max: 1 } })).toThrow(/MIN < MAX/);
  });
});

import { describe, expect, it } from 'vitest';
import { ATTACK_MODELS, generateGenuineRatings, injectAttack } from './attack-generator.js';

const base = generateGenuineRatings({ users: 200, items: 300, seed: 5 });

describe('generateGenuineRatings', () => {
  it('is deterministic and MovieLens-shaped', () => {
    expect(generateGenuineRatings({ users: 200, items: 300, seed: 5 })).toEqual(base);
    const perUser = new Map<string, number>();
    for (const r of base) perUser.set(r.user, (perUser.get(r.user) ?? 0) + 1);
    expect(perUser.size).toBe(200);
    expect(Math.min(...perUser.values())).toBeGreaterThanOrEqual(20);
    expect(new Set(base.map((r) => r.rating))).toEqual(new Set([1, 2, 3, 4, 5]));
    const mean = base.reduce((s, r) => s + r.rating, 0) / base.length;
    expect(mean).toBeGreaterThan(3.2);
    expect(mean).toBeLessThan(3.9);
  });
});

describe('injectAttack', () => {
  it.each(ATTACK_MODELS)('%s adds profiles of the requested size', (model) => {
    const a = injectAttack(base, { model, attackSize: 0.05, fillerSize: 0.05, seed: 1 });
    expect(a.attackers).toHaveLength(10);
    const profile = a.ratings.filter((r) => r.user === a.attackers[0]);
    const selected = model === 'bandwagon' || model === 'segment' ? 5 : 0;
    expect(profile).toHaveLength(15 + 1 + selected);
    const onTarget = profile.find((r) => r.item === a.target)!;
    expect(onTarget.rating).toBe(model === 'love-hate' ? 1 : 5);
    expect(a.direction).toBe(model === 'love-hate' ? 'nuke' : 'push');
    expect(a.ratings.slice(0, base.length)).toEqual(base);
  });

  it('is deterministic and honours an explicit target and direction', () => {
    const opts = {
      model: 'average' as const,
      attackSize: 0.03,
      fillerSize: 0.1,
      seed: 9,
      target: '42',
      direction: 'nuke' as const,
    };
    const a = injectAttack(base, opts);
    expect(injectAttack(base, opts)).toEqual(a);
    expect(a.target).toBe('42');
    expect(
      a.ratings.filter((r) => r.item === '42' && a.attackers.includes(r.user)).every((r) => r.rating === 1),
    ).toBe(true);
  });

  it('draws AoP filler from the most popular items only', () => {
    const counts = new Map<string, number>();
    for (const r of base) counts.set(r.item, (counts.get(r.item) ?? 0) + 1);
    // The pool is the 30 most popular items (10% of 300, and twice the 15 filler items).
    const floor = [...counts.values()].sort((x, y) => y - x)[30]!;
    const a = injectAttack(base, {
      model: 'aop',
      attackSize: 0.05,
      fillerSize: 0.05,
      seed: 2,
      popularShare: 0.1,
    });
    const filler = a.ratings.filter((r) => a.attackers.includes(r.user) && r.item !== a.target);
    expect(filler.length).toBe(10 * 15);
    expect(filler.every((r) => counts.get(r.item)! >= floor)).toBe(true);
  });
});

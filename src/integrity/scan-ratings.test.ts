import { describe, expect, it } from 'vitest';
import { type AttackModel, generateGenuineRatings, injectAttack } from './attack-generator.js';
import type { Rating } from './ratings.js';
import { scanRatings } from './scan-ratings.js';

// Ids with letters, to check they come back exactly as given.
const base: Rating[] = generateGenuineRatings({ users: 400, items: 700, seed: 11 }).map((r) => ({
  ...r,
  user: `u-${r.user}`,
  item: `film:${r.item}`,
}));

function precisionRecall(flagged: string[], attackers: string[]) {
  const truth = new Set(attackers);
  const tp = flagged.filter((u) => truth.has(u)).length;
  return { precision: flagged.length ? tp / flagged.length : 1, recall: tp / attackers.length };
}

describe('scanRatings', () => {
  it('flags no one in genuine data', () => {
    const res = scanRatings(base);
    expect(res.suspicious_users.length).toBeLessThanOrEqual(2);
    expect(Object.keys(res)).toEqual(['suspicious_users', 'target_items']);
  });

  it.each<[AttackModel, 'push' | 'nuke']>([
    ['average', 'push'],
    ['random', 'push'],
    ['love-hate', 'nuke'],
    ['segment', 'push'],
    ['bandwagon', 'push'],
    ['aop', 'push'],
  ])('finds a %s attack and its target', (model, direction) => {
    const attack = injectAttack(base, {
      model,
      attackSize: 0.1,
      fillerSize: 0.05,
      seed: 4,
      target: 'film:120',
    });
    const res = scanRatings(attack.ratings);
    const { precision, recall } = precisionRecall(
      res.suspicious_users.map((u) => u.user),
      attack.attackers,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(res.target_items[0]).toMatchObject({ item: 'film:120', direction });
    const first = res.suspicious_users[0]!;
    expect(first.reasons[0]).toEqual({
      code: direction === 'push' ? 'pushed-target' : 'nuked-target',
      value: expect.any(Number),
    });
    expect(first.reasons.every((r) => /^[a-z-]+$/.test(r.code) && Number.isFinite(r.value))).toBe(true);
  });

  it('returns nothing for degenerate input', () => {
    expect(scanRatings([])).toEqual({ suspicious_users: [], target_items: [] });
    const flat = [1, 2, 3, 4].flatMap((u) => [{ user: `${u}`, item: 'a', rating: 4 }]);
    expect(scanRatings(flat)).toEqual({ suspicious_users: [], target_items: [] });
  });
});

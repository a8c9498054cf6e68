import { describe, expect, it } from 'vitest';
import { generateGenuineRatings, injectAttack } from '../attack-generator.js';
import type { Rating } from '../ratings.js';
import { burstCandidates, checkBatch, type HistoryContext } from './checks.js';
import type { PreparedEvent } from './types.js';

const asEvents = (ratings: readonly Rating[], prefix: string): PreparedEvent[] =>
  ratings.map((r, i) => {
    const at = r.timestamp! * 1000;
    return {
      eventId: `${prefix}${i}`,
      subject: `s${r.user}`,
      type: 'rating',
      item: r.item,
      value: r.rating,
      at,
      occurredAt: new Date(at).toISOString(),
    };
  });
const history = (ratings: Rating[], firstSeen = new Map<string, number>()): HistoryContext => ({
  ratings: ratings.map((r) => ({ ...r, user: `s${r.user}` })),
  events: ratings.length,
  firstSeen,
});
const codes = (r: ReturnType<typeof checkBatch>) => r.reasons.map((x) => x.code);

describe('poisoning checks of a batch', () => {
  const base = generateGenuineRatings({ users: 400, items: 600, seed: 9 });
  const early = base.filter((r) => Number(r.user) <= 300);
  const late = base.filter((r) => Number(r.user) > 300);

  it('accepts genuine ratings of new customers', () => {
    expect(checkBatch(asEvents(late, 'g'), history(early)).reasons).toEqual([]);
  });

  it('flags a batch whose ratings are spread unlike the history (drift)', () => {
    const flipped = late.map((r) => ({ ...r, rating: 6 - r.rating }));
    const r = checkBatch(asEvents(flipped, 'f'), history(early));
    expect(codes(r)).toContain('distribution-drift');
    expect(r.figures.rating_psi).toBeGreaterThan(0.25);
  });

  it("judges a batch on the history's rating scale: out-of-scale values in it cannot hide a push attack", () => {
    // A batch holding a push attack and a few accounts' hundreds of 6s: inferred from history + batch,
    // the scale became 1-6, nobody rated at its top and the attack went unseen.
    const attack = injectAttack(base, { model: 'average', attackSize: 0.1, fillerSize: 0.05, seed: 5 });
    const known = new Set(base.map((r) => r.user));
    const end = Math.max(...base.map((r) => r.timestamp!));
    const attackRatings = attack.ratings.filter((r) => !known.has(r.user));
    const strays = Array.from({ length: Math.ceil(0.01 * attack.ratings.length) }, (_, i) => ({
      user: `stray${i % 20}`,
      item: String(1 + (i % 500)),
      rating: 6,
      timestamp: end + 7200 + i,
    }));
    const batch = [...late, ...attackRatings, ...strays];
    const r = checkBatch(asEvents(batch, 'x'), history(early));
    expect(codes(r)).toContain('shilling-profiles');
    expect(r.figures.shilling_profiles).toBeGreaterThanOrEqual(0.9 * attack.attackers.length);
  });

  it('flags an item whose ratings turn to the bottom of the scale after the history (target item)', () => {
    const end = Math.max(...early.map((r) => r.timestamp!));
    const counts = new Map<string, number>();
    for (const r of early) counts.set(r.item, (counts.get(r.item) ?? 0) + 1);
    const [item] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    // 30 one-star ratings by established customers, spread over two weeks: no burst, a shift.
    const nuke = Array.from({ length: 30 }, (_, k) => ({
      user: String(1 + k * 7),
      item,
      rating: 1,
      timestamp: end + 3600 + k * 40_000,
    }));
    const r = checkBatch(asEvents(nuke, 'n'), history(early));
    expect(codes(r)).toContain('target-items');
    expect(r.reasons.find((x) => x.code === 'target-items')!.data.items).toContain(item);
  });

  it('flags new accounts acting together on one item, but not customers known for months', () => {
    const t0 = Date.UTC(2026, 10, 1, 9);
    const burst: PreparedEvent[] = Array.from({ length: 12 }, (_, k) => ({
      eventId: `b${k}`,
      subject: `new-${k}`,
      type: 'click',
      item: 'sku-9',
      value: null,
      at: t0 + k * 120_000,
      occurredAt: new Date(t0 + k * 120_000).toISOString(),
    }));
    const ctx = { ratings: [], events: 1000, firstSeen: new Map<string, number>() };
    expect(burstCandidates(burst)).toHaveLength(12);
    expect(codes(checkBatch(burst, ctx))).toEqual(['coordinated-burst']);
    const known = new Map(burst.map((e) => [e.subject, t0 - 90 * 86_400_000]));
    expect(checkBatch(burst, { ...ctx, firstSeen: known }).reasons).toEqual([]);
    // No accepted history yet: everyone is new, so bursts say nothing.
    expect(checkBatch(burst, { ...ctx, events: 0 }).reasons).toEqual([]);
  });
});

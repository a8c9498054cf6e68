import { describe, expect, it } from 'vitest';
import { degreeOfSimilarity, itemStatistics, popularitySpread, profileFeatures } from './profile-features.js';
import { buildRatingMatrix, type Rating } from './ratings.js';

const rows = (spec: Array<[string, string, number]>): Rating[] =>
  spec.map(([user, item, rating]) => ({ user, item, rating }));

describe('profileFeatures', () => {
  // Item means: i1 = (5 + 3 + 1) / 3 = 3 (3 ratings), i2 = 3 (2 ratings), i3 = 1 (1 rating).
  const m = buildRatingMatrix(
    rows([
      ['A', 'i1', 5],
      ['A', 'i2', 3],
      ['B', 'i1', 3],
      ['B', 'i2', 3],
      ['B', 'i3', 1],
      ['C', 'i1', 1],
    ]),
  );
  const f = profileFeatures(m, itemStatistics(m), { k: 1, shrink: 1 });

  it('computes RDMA, WDMA and WDA by hand', () => {
    // A: |5-3|/3 + |3-3|/2 = 2/3 -> WDA 2/3, RDMA 1/3; WDMA (2/9 + 0)/2 = 1/9.
    // B: every rating equals its item mean -> 0. C: |1-3|/3 = 2/3 over one rating.
    expect([...f.wda]).toEqual([2 / 3, 0, 2 / 3]);
    expect(f.rdma[0]).toBeCloseTo(1 / 3, 12);
    expect(f.wdma[0]).toBeCloseTo(1 / 9, 12);
    expect(f.rdma[2]).toBeCloseTo(2 / 3, 12);
    expect(f.wdma[2]).toBeCloseTo(2 / 9, 12);
  });

  it('computes LengthVar, MeanVar, FMTD and popularity by hand', () => {
    // Lengths 2, 3, 1: mean 2, sum of squared deviations 2.
    expect([...f.lengthVar]).toEqual([0, 0.5, 0.5]);
    // A pushes i1 (its 5): filler i2 sits on its mean -> MeanVar 0, FMTD |5 - 3| = 2.
    // B nukes i3 (its 1): fillers on their means -> MeanVar 0, FMTD |1 - 3| = 2.
    // C has a single rating: no filler to compare, MeanVar is infinite and FMTD 0.
    expect([...f.meanVar]).toEqual([0, 0, Number.POSITIVE_INFINITY]);
    expect([...f.fmtd]).toEqual([2, 2, 0]);
    expect(f.popularity[0]).toBeCloseTo((Math.log(3) + Math.log(2)) / 2, 12);
  });
});

describe('degreeOfSimilarity', () => {
  // X and Y are twins (Pearson 1 over 3 items), Z is their mirror image (Pearson -1).
  const m = buildRatingMatrix(
    rows([
      ['X', 'i1', 5],
      ['X', 'i2', 1],
      ['X', 'i3', 5],
      ['Y', 'i1', 5],
      ['Y', 'i2', 1],
      ['Y', 'i3', 5],
      ['Z', 'i1', 1],
      ['Z', 'i2', 5],
      ['Z', 'i3', 1],
    ]),
  );

  it.each([
    [1, 1, [1, 1, -1]],
    [2, 1, [0, 0, -1]],
    // Overlap 3 shrunk by 10: similarities scaled by 0.3.
    [1, 10, [0.3, 0.3, -0.3]],
  ])('k = %i, shrink = %i', (k, shrink, expected) => {
    const d = degreeOfSimilarity(m, k, shrink);
    expected.forEach((v, u) => {
      expect(d[u]).toBeCloseTo(v, 12);
    });
  });
});

describe('popularitySpread', () => {
  // Counts i1 4, i2 3, i3 2, i4 1: popularity ranks (share of items, ties none) 1/8, 3/8, 5/8, 7/8.
  const m = buildRatingMatrix(
    rows([
      ['U1', 'i1', 4],
      ['U1', 'i2', 4],
      ['U1', 'i3', 4],
      ['U1', 'i4', 5],
      ['U2', 'i1', 3],
      ['U2', 'i2', 3],
      ['U2', 'i3', 3],
      ['U3', 'i1', 2],
      ['U3', 'i2', 2],
      ['U4', 'i1', 1],
    ]),
  );
  const s = popularitySpread(m, itemStatistics(m));

  it('measures the profile against its reach, its deepest item set aside', () => {
    // U1: i4 set aside, reach i3 (5/8); mean of log(1/5) and log(3/5).
    expect(s[0]).toBeCloseTo((Math.log(1 / 5) + Math.log(3 / 5)) / 2, 12);
    // U2: i3 set aside, reach i2 (3/8); log(1/3) for i1.
    expect(s[1]).toBeCloseTo(Math.log(1 / 3), 12);
    // Fewer than three items: undefined.
    expect(Number.isNaN(s[2])).toBe(true);
    expect(Number.isNaN(s[3])).toBe(true);
  });

  it('is higher for filler drawn evenly over the head than for a popularity-led profile', () => {
    // 30 items rated by 90, 87, ..., 3 users (P and E do not change the order). P rates the top 6
    // and ranks 18 and 20 (people: mostly the very top, a few deeper); E rates ranks 1, 3, ..., 19
    // and 20 (filler drawn evenly from the head). Rank 20 is set aside in both; the rank of the r-th
    // item as a share of the items is (r - 0.5) / 30.
    const spec: Array<[string, string, number]> = [];
    for (let i = 1; i <= 30; i++) for (let u = 0; u < 3 * (31 - i); u++) spec.push([`g${u}`, `i${i}`, 3]);
    for (const i of [1, 2, 3, 4, 5, 6, 18, 20]) spec.push(['P', `i${i}`, 4]);
    for (const i of [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 20]) spec.push(['E', `i${i}`, 4]);
    const mm = buildRatingMatrix(rows(spec));
    const f = profileFeatures(mm, itemStatistics(mm), { k: 1 });
    const at = (u: string) => f.spread[mm.userIds.indexOf(u)]!;
    const meanLog = (rs: number[], reach: number) =>
      rs.reduce((a, r) => a + Math.log((r - 0.5) / (reach - 0.5)), 0) / rs.length;
    expect(at('E')).toBeCloseTo(meanLog([1, 3, 5, 7, 9, 11, 13, 15, 17], 19), 12);
    expect(at('P')).toBeCloseTo(meanLog([1, 2, 3, 4, 5, 6], 18), 12);
    expect(at('E')).toBeGreaterThan(-1.2);
    expect(at('P')).toBeLessThan(at('E') - 0.7);
  });
});

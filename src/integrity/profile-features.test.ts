import { describe, expect, it } from 'vitest';
import { degreeOfSimilarity, itemStatistics, profileFeatures } from './profile-features.js';
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

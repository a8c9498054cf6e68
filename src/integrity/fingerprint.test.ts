import { describe, expect, it } from 'vitest';
import {
  compareToHistory,
  fingerprintRatings,
  ksFromHistograms,
  mergeFingerprints,
  psi,
} from './fingerprint.js';
import type { Rating } from './ratings.js';

const r = (user: string, item: string, rating: number, timestamp?: number): Rating =>
  timestamp === undefined ? { user, item, rating } : { user, item, rating, timestamp };

describe('fingerprintRatings', () => {
  it('hashes content independently of order and changes with any value', () => {
    const a = [r('1', 'a', 5, 10), r('2', 'b', 3, 11)];
    const fa = fingerprintRatings(a);
    expect(fingerprintRatings([...a].reverse()).hash).toBe(fa.hash);
    expect(fingerprintRatings([r('1', 'a', 4, 10), r('2', 'b', 3, 11)]).hash).not.toBe(fa.hash);
    expect(fa.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(fa).toMatchObject({
      count: 2,
      users: 2,
      items: 2,
      columns: ['user', 'item', 'rating', 'timestamp'],
      ratingHistogram: { '5': 1, '3': 1 },
      itemCounts: { a: 1, b: 1 },
    });
  });

  it('merges histories', () => {
    const m = mergeFingerprints([fingerprintRatings([r('1', 'a', 5)]), fingerprintRatings([r('2', 'a', 5)])]);
    expect(m).toMatchObject({ count: 2, items: 1, ratingHistogram: { '5': 2 }, itemCounts: { a: 2 } });
  });
});

describe('psi and ks', () => {
  it('computes PSI by hand', () => {
    // Shares: expected {1: 0.5, 2: 0.5}, actual {1: 0.25, 2: 0.75}.
    // PSI = (0.25 - 0.5) ln(0.25/0.5) + (0.75 - 0.5) ln(0.75/0.5) = 0.25 ln 2 + 0.25 ln 1.5.
    expect(psi({ '1': 2, '2': 2 }, { '1': 1, '2': 3 })).toBeCloseTo(
      0.25 * Math.log(2) + 0.25 * Math.log(1.5),
      12,
    );
    expect(psi({ a: 5 }, { a: 50 })).toBe(0);
  });

  it('computes KS by hand', () => {
    // CDFs over values 1..3: a = (0.5, 1, 1), b = (0, 0.5, 1): largest gap 0.5.
    expect(ksFromHistograms({ '1': 1, '2': 1 }, { '2': 1, '3': 1 })).toBe(0.5);
    expect(ksFromHistograms({ '1': 3 }, { '1': 7 })).toBe(0);
  });
});

describe('compareToHistory', () => {
  const history = fingerprintRatings(
    Array.from({ length: 1000 }, (_, i) => r(`u${i % 100}`, `i${i % 50}`, 1 + (i % 5), i)),
  );

  it('sees no drift in a batch drawn like the history', () => {
    const batch = fingerprintRatings(
      Array.from({ length: 500 }, (_, i) => r(`v${i % 60}`, `i${(i * 7) % 50}`, 1 + ((i * 3) % 5), i)),
    );
    const d = compareToHistory(history, batch);
    expect(d.drifted).toBe(false);
    expect(d.reasons).toEqual([]);
  });

  it('flags a batch of top ratings on new items, and a schema change', () => {
    const batch = fingerprintRatings(Array.from({ length: 300 }, (_, i) => r(`bot${i}`, `x${i % 3}`, 5)));
    const d = compareToHistory(history, batch);
    expect(d.drifted).toBe(true);
    expect(d.schema_changed).toBe(true);
    expect(d.new_item_share).toBe(1);
    expect(d.reasons.map((x) => x.code)).toEqual(
      expect.arrayContaining(['schema-changed', 'rating-psi', 'rating-ks', 'item-share-psi']),
    );
  });
});

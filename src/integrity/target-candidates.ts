/**
 * Candidate target items: items whose extreme raters (top of the scale for push, bottom for nuke)
 * are over-represented in the anomalous tail of the users, measured as an exact binomial surprise
 * (-log10 p) at a few tail sizes so that both small and blending-in attacks show, and in either end
 * of each single feature (average-over-popular profiles blend in overall but all sit at the low end
 * of RDMA and WDMA), where the evidence must be much stronger.
 */
import type { RatingMatrix } from './ratings.js';
import { binomialSurprise, logFactorials } from './robust-stats.js';

export type Direction = 'push' | 'nuke';

export interface CandidateItem {
  item: number;
  direction: Direction;
  /** -log10 of the binomial tail probability. */
  z: number;
}

const TAIL_SHARES = [0.02, 0.05, 0.15];
const MAX_CANDIDATE_ITEMS = 30;
const FEATURE_TAIL = 0.05;
/**
 * Extra surprise (-log10 p) a single-feature tail must show: a feature is a narrow view, and real
 * fans of a niche item often share one (rare items, low popularity), so only overwhelming
 * concentrations count.
 */
const FEATURE_TAIL_EXTRA = 6;
/** Pseudo-raters at the population share when estimating an item's own share of unusual raters. */
const PRIOR_WEIGHT = 20;

/**
 * Items whose extreme raters are over-represented in the anomalous tail (best surprise over tail
 * sizes). The expected share is not the population's: niche items draw unusual people anyway, so it
 * is the share among raters of items of similar popularity, moved towards the item's own other raters.
 */
export function candidateItems(
  m: RatingMatrix,
  ranks: Float64Array,
  threshold: number,
  featureRanks: Float64Array[] = [],
): CandidateItem[] {
  const nItems = m.itemIds.length;
  const logFact = logFactorials(m.userIds.length);
  const bin = new Int32Array(nItems);
  for (let i = 0; i < nItems; i++) bin[i] = Math.floor(Math.log2(m.itemStart[i + 1]! - m.itemStart[i]! + 1));
  const best = new Float64Array(nItems * 2).fill(Number.NEGATIVE_INFINITY);
  // Tails of the overall anomaly at several sizes, and both tails of each single feature (an attack
  // that blends in overall can still sit at one end of one feature), the latter paying for the number
  // of extra tests tried. Each tail is a 0/1 mask over users.
  const nUsers = m.userIds.length;
  const mask = (test: (u: number) => boolean) => {
    const out = new Uint8Array(nUsers);
    for (let u = 0; u < nUsers; u++) out[u] = test(u) ? 1 : 0;
    return out;
  };
  const tails = TAIL_SHARES.map((share) => ({ share, inTail: mask((u) => ranks[u]! > 1 - share), cost: 0 }));
  const cost = Math.log10(Math.max(1, 2 * featureRanks.length)) + FEATURE_TAIL_EXTRA;
  for (const fr of featureRanks) {
    tails.push({ share: FEATURE_TAIL, inTail: mask((u) => fr[u]! > 1 - FEATURE_TAIL), cost });
    tails.push({ share: FEATURE_TAIL, inTail: mask((u) => fr[u]! <= FEATURE_TAIL), cost });
  }
  const binHits = new Float64Array(32);
  const binAll = new Float64Array(32);
  for (const tail of tails) {
    const { share, inTail } = tail;
    binHits.fill(0);
    binAll.fill(0);
    for (let i = 0; i < nItems; i++) {
      let hits = 0;
      for (let p = m.itemStart[i]!; p < m.itemStart[i + 1]!; p++) hits += inTail[m.itemUsers[p]!]!;
      binHits[bin[i]!]! += hits;
      binAll[bin[i]!]! += m.itemStart[i + 1]! - m.itemStart[i]!;
    }
    for (let i = 0; i < nItems; i++) {
      const prior = binAll[bin[i]!]! > 0 ? binHits[bin[i]!]! / binAll[bin[i]!]! : share;
      // One pass counts raters and tail hits at the top, at the bottom and overall.
      let nTop = 0;
      let kTop = 0;
      let nBottom = 0;
      let kBottom = 0;
      let kAll = 0;
      for (let p = m.itemStart[i]!; p < m.itemStart[i + 1]!; p++) {
        const hit = inTail[m.itemUsers[p]!]!;
        kAll += hit;
        if (m.itemValues[p] === m.maxRating) {
          nTop++;
          kTop += hit;
        } else if (m.itemValues[p] === m.minRating) {
          nBottom++;
          kBottom += hit;
        }
      }
      const nAll = m.itemStart[i + 1]! - m.itemStart[i]!;
      for (const [d, n, k] of [
        [0, nTop, kTop],
        [1, nBottom, kBottom],
      ] as const) {
        if (n === 0) continue;
        // The item's other raters set the expected share, pulled towards its popularity class.
        const expected = Math.min(
          0.99,
          Math.max(share / 4, (kAll - k + PRIOR_WEIGHT * prior) / (nAll - n + PRIOR_WEIGHT)),
        );
        const surprise = binomialSurprise(k, n, expected, logFact) - tail.cost;
        if (surprise > best[i * 2 + d]!) best[i * 2 + d] = surprise;
      }
    }
  }
  const out: CandidateItem[] = [];
  for (let i = 0; i < nItems; i++) {
    for (const [d, direction] of (['push', 'nuke'] as const).entries()) {
      const z = best[i * 2 + d]!;
      if (z >= threshold) out.push({ item: i, direction, z });
    }
  }
  return out.sort((a, b) => b.z - a.z).slice(0, MAX_CANDIDATE_ITEMS);
}

export function extremeRaters(m: RatingMatrix, item: number, direction: Direction): number[] {
  const extreme = direction === 'push' ? m.maxRating : m.minRating;
  const out: number[] = [];
  for (let p = m.itemStart[item]!; p < m.itemStart[item + 1]!; p++) {
    if (m.itemValues[p] === extreme) out.push(m.itemUsers[p]!);
  }
  return out;
}

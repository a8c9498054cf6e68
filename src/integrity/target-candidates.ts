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
  /** -log10 of the binomial (or Poisson) tail probability. */
  z: number;
  /**
   * Found among the raters indiscriminate at that end (`indiscriminateCandidates`): its group is
   * looked for among those raters only.
   */
  indiscriminate?: boolean;
}

const TAIL_SHARES = [0.02, 0.05, 0.15];
const MAX_CANDIDATE_ITEMS = 30;
const FEATURE_TAIL = 0.05;
/**
 * Wider high tail tried for the features given as `wide` (popularity spread): a large attack (10% of
 * the users) fills a 5% tail only half way, and its profiles flood the extreme raters of the popular
 * items it also rates, which raises the like-for-like baseline. Only for one-sided features whose
 * high end real users do not crowd (fans of a niche item do crowd the ends of length or popularity).
 */
const WIDE_TAIL = 0.15;
/**
 * Extra surprise (-log10 p) a single-feature tail must show: a feature is a narrow view, and real
 * fans of a niche item often share one (rare items, low popularity), so only overwhelming
 * concentrations count.
 */
const FEATURE_TAIL_EXTRA = 6;
/** Pseudo-raters at the population share when estimating an item's own share of unusual raters. */
const PRIOR_WEIGHT = 20;
/**
 * A user who gives this share of their ratings or more at one end of the scale (nearly everything 5,
 * say) is indiscriminate at that end: their extreme rating says nothing about the item. Attack
 * profiles rate only the target (and a few selected items) at the pushed end, their filler elsewhere.
 */
const INDISCRIMINATE_SHARE = 2 / 3;
/** Least excess of the tail's share among an item's extreme raters over the expected share. */
const MIN_EXCESS_SHARE = 0.1;

/** Per direction (push, nuke), 1 for users indiscriminate at that end of the scale. */
export function indiscriminateUsers(m: RatingMatrix): [Uint8Array, Uint8Array] {
  const n = m.userIds.length;
  const out: [Uint8Array, Uint8Array] = [new Uint8Array(n), new Uint8Array(n)];
  for (let u = 0; u < n; u++) {
    let top = 0;
    let bottom = 0;
    for (let p = m.userStart[u]!; p < m.userStart[u + 1]!; p++) {
      if (m.userValues[p] === m.maxRating) top++;
      else if (m.userValues[p] === m.minRating) bottom++;
    }
    const len = m.userStart[u + 1]! - m.userStart[u]!;
    out[0][u] = top >= INDISCRIMINATE_SHARE * len ? 1 : 0;
    out[1][u] = bottom >= INDISCRIMINATE_SHARE * len ? 1 : 0;
  }
  return out;
}

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
  indiscriminate?: [Uint8Array, Uint8Array],
  wide: Float64Array[] = [],
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
  const cost = Math.log10(Math.max(1, 2 * featureRanks.length + wide.length)) + FEATURE_TAIL_EXTRA;
  for (const fr of featureRanks) {
    tails.push({ share: FEATURE_TAIL, inTail: mask((u) => fr[u]! > 1 - FEATURE_TAIL), cost });
    tails.push({ share: FEATURE_TAIL, inTail: mask((u) => fr[u]! <= FEATURE_TAIL), cost });
  }
  for (const fr of wide) tails.push({ share: WIDE_TAIL, inTail: mask((u) => fr[u]! > 1 - WIDE_TAIL), cost });
  const binHits = new Float64Array(32);
  const binAll = new Float64Array(32);
  // The same shares among extreme raters only (indiscriminate ones left out), per direction (top:
  // 0..31, bottom: 32..63).
  const extHits = new Float64Array(64);
  const extAll = new Float64Array(64);
  for (const tail of tails) {
    const { share, inTail } = tail;
    binHits.fill(0);
    binAll.fill(0);
    extHits.fill(0);
    extAll.fill(0);
    for (let i = 0; i < nItems; i++) {
      let hits = 0;
      for (let p = m.itemStart[i]!; p < m.itemStart[i + 1]!; p++) {
        const u = m.itemUsers[p]!;
        const hit = inTail[u]!;
        hits += hit;
        const v = m.itemValues[p];
        const e = v === m.maxRating ? bin[i]! : v === m.minRating ? 32 + bin[i]! : -1;
        if (e >= 0 && !indiscriminate?.[e < 32 ? 0 : 1][u]) {
          extHits[e]! += hit;
          extAll[e]!++;
        }
      }
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
      // Indiscriminate raters at each end, left out of that direction's test altogether.
      const skipN = [0, 0];
      const skipK = [0, 0];
      for (let p = m.itemStart[i]!; p < m.itemStart[i + 1]!; p++) {
        const u = m.itemUsers[p]!;
        const hit = inTail[u]!;
        kAll += hit;
        if (indiscriminate) {
          for (let d = 0; d < 2; d++) {
            if (indiscriminate[d]![u]) {
              skipN[d]!++;
              skipK[d]! += hit;
            }
          }
        }
        if (indiscriminate?.[0][u] && m.itemValues[p] === m.maxRating) continue;
        if (indiscriminate?.[1][u] && m.itemValues[p] === m.minRating) continue;
        if (m.itemValues[p] === m.maxRating) {
          nTop++;
          kTop += hit;
        } else if (m.itemValues[p] === m.minRating) {
          nBottom++;
          kBottom += hit;
        }
      }
      for (const [d, n, k] of [
        [0, nTop, kTop],
        [1, nBottom, kBottom],
      ] as const) {
        if (n === 0) continue;
        const nKept = m.itemStart[i + 1]! - m.itemStart[i]! - skipN[d]!;
        const kKept = kAll - skipK[d]!;
        // The item's other raters set the expected share, pulled towards its popularity class.
        // Nor below the share among extreme raters of the other items of its class: people who rate
        // nearly everything at the top (or only at the ends) are unusual and crowd every item's extremes.
        const e = d * 32 + bin[i]!;
        const extremePrior = extAll[e]! - n > 0 ? (extHits[e]! - k) / (extAll[e]! - n) : 0;
        const expected = Math.min(
          0.99,
          Math.max(share / 4, extremePrior, (kKept - k + PRIOR_WEIGHT * prior) / (nKept - n + PRIOR_WEIGHT)),
        );
        // With thousands of users a weak tie between unusual users and one item's extremes (heavy
        // raters who dislike a blockbuster) reaches any surprise; an attack is a sizeable share of
        // its target's extreme raters, so the tail must also exceed its expected share by a margin.
        const surprise = binomialSurprise(k, n, expected, logFact) - tail.cost;
        if (k / n - expected < MIN_EXCESS_SHARE) continue;
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

/**
 * Items whose indiscriminate raters at one end are far more numerous than chance gives. Leaving those
 * raters out of `candidateItems` keeps genuine "everything 5" users out of attack groups, but would
 * let an attack whose profiles rate everything (filler included) at the pushed end go unseen. Genuine
 * indiscriminate users pick their items much like everybody else, so the number of them who rated an
 * item is about the item's share of the other users' ratings times their profiles' total length (an
 * upper bound of the sum of each one's chance of having rated it); attack profiles all share the
 * target. Surprise is the Poisson tail, -log10 P(K >= k), and at least `minGroup` raters are needed.
 */
export function indiscriminateCandidates(
  m: RatingMatrix,
  indiscriminate: [Uint8Array, Uint8Array],
  threshold: number,
  minGroup: number,
): CandidateItem[] {
  const nItems = m.itemIds.length;
  const nUsers = m.userIds.length;
  const logFact = logFactorials(nUsers);
  const out: CandidateItem[] = [];
  for (let d = 0; d < 2; d++) {
    const ind = indiscriminate[d]!;
    let indLength = 0;
    for (let u = 0; u < nUsers; u++) if (ind[u]) indLength += m.userStart[u + 1]! - m.userStart[u]!;
    if (indLength === 0) continue;
    const otherTotal = m.userValues.length - indLength;
    const extreme = d === 0 ? m.maxRating : m.minRating;
    for (let i = 0; i < nItems; i++) {
      let k = 0;
      let others = 0;
      for (let p = m.itemStart[i]!; p < m.itemStart[i + 1]!; p++) {
        if (!ind[m.itemUsers[p]!]) others++;
        else if (m.itemValues[p] === extreme) k++;
      }
      if (k < minGroup) continue;
      // The item's share of the other users' ratings (one pseudo-rating each, so that an item only
      // the indiscriminate rated is not infinitely surprising).
      const share = (others + 1) / (otherTotal + nItems);
      const z = poissonSurprise(k, share * indLength, logFact);
      if (z >= threshold)
        out.push({ item: i, direction: d === 0 ? 'push' : 'nuke', z, indiscriminate: true });
    }
  }
  return out.sort((a, b) => b.z - a.z).slice(0, MAX_CANDIDATE_ITEMS);
}

/** -log10 P(K >= k) for K ~ Poisson(lambda), k <= logFact.length - 1. */
function poissonSurprise(k: number, lambda: number, logFact: Float64Array): number {
  if (k <= 0) return 0;
  if (lambda <= 0) return Number.POSITIVE_INFINITY;
  const ll = Math.log(lambda);
  const term = (j: number) => j * ll - lambda - logFact[j]!;
  const first = term(k);
  let sum = 0;
  for (let j = k; j < logFact.length; j++) {
    const r = Math.exp(term(j) - first);
    sum += r;
    if (r < 1e-12 && j > k + 5) break;
  }
  return Math.max(0, -(first + Math.log(sum)) / Math.LN10);
}

export function extremeRaters(
  m: RatingMatrix,
  item: number,
  direction: Direction,
  indiscriminate?: [Uint8Array, Uint8Array],
  /** Keep only the indiscriminate raters at that end instead of leaving them out. */
  onlyIndiscriminate = false,
): number[] {
  const extreme = direction === 'push' ? m.maxRating : m.minRating;
  const skip = indiscriminate?.[direction === 'push' ? 0 : 1];
  const out: number[] = [];
  for (let p = m.itemStart[item]!; p < m.itemStart[item + 1]!; p++) {
    const u = m.itemUsers[p]!;
    if (m.itemValues[p] === extreme && (skip?.[u] ? onlyIndiscriminate : !onlyIndiscriminate)) out.push(u);
  }
  return out;
}

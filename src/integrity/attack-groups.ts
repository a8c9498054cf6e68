/**
 * Among the extreme raters of a candidate target item, the attack group, or nothing.
 *
 * Each rater is scored by anomaly minus the log distance to its 5th nearest fellow rater in feature
 * space: attack profiles come from one recipe and sit together, real fans are spread out. High
 * groups are peeled off with exact one-dimensional 2-means cuts; the first must stand clear of the
 * rest, later ones must look like an attack as a whole (median anomaly rank), and a set that is
 * attack-like throughout with no clear cut (every extreme rater an attacker) is kept whole. The
 * group is then trimmed of members far from the attack's place and of low stragglers in score.
 */
import { largestRatioGap, lowerFence, median, twoMeansSplit, upperFence } from './robust-stats.js';
import type { FeatureName } from './user-anomaly.js';

export interface GroupOptions {
  /** Separation (in pooled standard deviations) a cut needs (default 3). */
  minSeparation?: number;
  /** Smallest group returned (default 5). */
  minGroup?: number;
  /**
   * Population ranks in a one-sided attack signature (popularity spread): a set of raters most of
   * whom sit in its top tail looks like an attack even when it blends in overall (average over
   * popular on a catalogue where a few blockbusters take most ratings).
   */
  signature?: Float64Array;
}

const MAX_REFERENCE = 400;
const NEIGHBOUR_RANK = 5;
const Z_CAP = 10;
/** A set of raters whose median anomaly rank in the population is this high looks like an attack. */
const ATTACK_LIKE_RANK = 0.8;
/** ... or whose median rank in the attack signature is this high. */
const SIGNATURE_RANK = 0.9;
const TRIM_MADS = 4;
/** A gap in distance from the attack's centre where the next member is this many times farther. */
const FAR_RATIO = 2.5;
/**
 * A smaller gap also counts when everyone past it sits lower in the attack signature than everyone
 * before it: two groups of raters, only one of them made to the recipe.
 */
const SIGNATURE_FAR_RATIO = 2;
/**
 * Beyond the core's spread, only members at least this anomalous (population rank) are kept, or at
 * least as anomalous as a group of this size can be (a 9% attack fills the top 9% of the users, so
 * half of it ranks below 0.95)...
 */
const FAR_MIN_RANK = 0.95;
/**
 * ... and none beyond this many times the core's spread (when the core has at least `minGroup`
 * members, so that its spread means something). Past it sit the item's real fans who are unusual in
 * another way (heavy raters of niche items); an attack's own stragglers stay well within.
 */
const FAR_MAX = 2;

/**
 * The clearly separated high group among an item's extreme raters, or nothing. Each rater is scored
 * by anomaly minus the log distance to its 5th nearest fellow rater in feature space.
 */
export function separatedGroup(
  raters: number[],
  score: Float64Array,
  ranks: Float64Array,
  z: Record<FeatureName, Float64Array>,
  names: FeatureName[],
  options: GroupOptions = {},
): number[] {
  const minGroup = options.minGroup ?? 5;
  if (raters.length < minGroup) return [];
  const dims = names.length;
  const vec = new Float64Array(raters.length * dims);
  raters.forEach((u, r) => {
    names.forEach((k, d) => {
      vec[r * dims + d] = Math.max(-Z_CAP, Math.min(Z_CAP, z[k][u]!));
    });
  });
  // Neighbours are looked for among at most MAX_REFERENCE raters (an even stride through them), which
  // keeps popular items linear; an attack is still well represented in the sample.
  const stride = Math.max(1, raters.length / MAX_REFERENCE);
  const reference: number[] = [];
  for (let x = 0; x < raters.length; x += stride) reference.push(Math.floor(x));
  const rank = Math.min(NEIGHBOUR_RANK, reference.length - 1);
  const dist = new Float64Array(reference.length);
  const w = raters.map((u, r) => {
    let j = 0;
    for (const s2 of reference) {
      if (s2 === r) continue;
      let d2 = 0;
      for (let d = 0; d < dims; d++) d2 += (vec[r * dims + d]! - vec[s2 * dims + d]!) ** 2;
      dist[j++] = d2;
    }
    const kth = rank > 0 ? dist.subarray(0, j).sort()[rank - 1]! : 0;
    return { u, r, w: score[u]! - 0.5 * Math.log(kth + 1e-6) };
  });
  w.sort((a, b) => a.w - b.w);
  // Peel off high groups: the first must stand clear of the rest; later ones (an attack whose scores
  // are spread out, small filler making some profiles less unusual) must also look like an attack
  // as a whole. When every extreme rater is an attacker there is no clear cut at all, so a set that
  // is attack-like throughout is kept whole, less its clearly ordinary members.
  const minSeparation = options.minSeparation ?? 3;
  const signature = options.signature;
  const attackLike = (xs: typeof w) =>
    median(xs.map((x) => ranks[x.u]!)) >= ATTACK_LIKE_RANK ||
    (signature !== undefined && median(xs.map((x) => signature[x.u]!)) >= SIGNATURE_RANK);
  const ordinary = (u: number) => ranks[u]! < 0.5 && !(signature && signature[u]! >= SIGNATURE_RANK);
  let cutAt = w.length;
  let firstCut = -1;
  while (cutAt >= 2) {
    const rest = w.slice(0, cutAt);
    const { cut, separation } = twoMeansSplit(rest.map((x) => x.w));
    const first = cutAt === w.length;
    if (separation < minSeparation) {
      // No clear cut left: keep what remains if it all looks like the attack, less the ordinary.
      if (attackLike(rest)) cutAt = rest.findIndex((x) => !ordinary(x.u));
      break;
    }
    if (!first && !attackLike(rest.slice(cut))) break;
    cutAt = cut;
    if (first) firstCut = cut;
  }
  const kept = w.slice(cutAt < 0 ? w.length : cutAt);
  if (kept.length < minGroup) return [];
  // An attack is one recipe, so its members sit close together, both in score and in feature space.
  // The clearest group (the first cut) sets the attack's place; members beyond a wide gap in distance
  // from it (the next one several times farther than the last) are real fans of the item who look
  // unusual in another way, very active users for instance. Then low stragglers in score are trimmed.
  const core = firstCut >= 0 ? w.slice(firstCut) : kept;
  const centre = names.map((_, d) => median(core.map((x) => vec[x.r * dims + d]!)));
  const distanceOf = (x: (typeof w)[number]) => {
    let d2 = 0;
    for (let d = 0; d < dims; d++) d2 += (vec[x.r * dims + d]! - centre[d]!) ** 2;
    return Math.sqrt(d2);
  };
  const withDistance = kept.map((x) => ({ x, d: distanceOf(x) })).sort((a, b) => a.d - b.d);
  const gap = largestRatioGap(
    withDistance.map((e) => e.d),
    minGroup,
  );
  // Past the core's own spread, only members as unusual as attackers usually are stay.
  const fence = upperFence(core.map(distanceOf), TRIM_MADS);
  const farMinRank = Math.min(FAR_MIN_RANK, 1 - kept.length / ranks.length);
  const farMax = core.length >= minGroup ? FAR_MAX * fence : Number.POSITIVE_INFINITY;
  const sigOf = (e: (typeof withDistance)[number]) => signature?.[e.x.u] ?? 0;
  const signatureGap =
    signature !== undefined &&
    gap.ratio >= SIGNATURE_FAR_RATIO &&
    Math.max(...withDistance.slice(gap.at).map(sigOf)) <
      Math.min(...withDistance.slice(0, gap.at).map(sigOf));
  const near = (gap.ratio >= FAR_RATIO || signatureGap ? withDistance.slice(0, gap.at) : withDistance)
    .filter((e) => e.d <= fence || (ranks[e.x.u]! >= farMinRank && e.d <= farMax))
    .map((e) => e.x);
  const lowFence = lowerFence(
    near.map((x) => x.w),
    TRIM_MADS,
  );
  const group = near.filter((x) => x.w >= lowFence).map((x) => x.u);
  return group.length >= minGroup ? group : [];
}

/**
 * The standard shilling-profile features (Chirita et al. 2005; Burke, Mobasher et al. 2006;
 * Williams 2006), one value per user, computed over the sparse rating matrix:
 * - RDMA, rating deviation from mean agreement: mean over the profile of |r_ui - mean_i| / count_i;
 * - WDMA, weighted deviation: the same with count_i squared, so rare items weigh more;
 * - WDA, weighted degree of agreement: the RDMA numerator without the division by profile length;
 * - LengthVar: how far the profile length is from the average length, normalised by the sum of
 *   squared deviations over all users;
 * - DegSim: mean Pearson similarity to the k most similar users (shrunk by overlap so that two
 *   users who share three items are not "twins");
 * - MeanVar: mean squared gap between filler ratings and item means, where the assumed target is the
 *   set of items rated at the top (push) or bottom (nuke) of the scale, whichever fits better;
 * - FMTD: filler mean target difference, |mean of the assumed target ratings - mean of the rest|.
 * Extra: `popularity`, the mean log count of the items a user rated (attacks with uniformly drawn
 * filler rate far less popular items than people do), and `spread`, how evenly a profile covers the
 * popularity ranks it reaches (see `popularitySpread`).
 */
import type { RatingMatrix } from './ratings.js';
import { percentileRanks } from './robust-stats.js';

export interface ProfileFeatures {
  length: Float64Array;
  rdma: Float64Array;
  wdma: Float64Array;
  wda: Float64Array;
  lengthVar: Float64Array;
  degSim: Float64Array;
  meanVar: Float64Array;
  fmtd: Float64Array;
  popularity: Float64Array;
  spread: Float64Array;
}

export interface ItemStatistics {
  count: Float64Array;
  mean: Float64Array;
}

export interface FeatureOptions {
  /** Neighbours averaged by DegSim (default 25). */
  k?: number;
  /** Pearson similarity is multiplied by min(1, overlap / shrink) (default 10). */
  shrink?: number;
}

export function itemStatistics(m: RatingMatrix): ItemStatistics {
  const n = m.itemIds.length;
  const count = new Float64Array(n);
  const mean = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = m.itemStart[i]!;
    const b = m.itemStart[i + 1]!;
    let s = 0;
    for (let p = a; p < b; p++) s += m.itemValues[p]!;
    count[i] = b - a;
    mean[i] = b > a ? s / (b - a) : 0;
  }
  return { count, mean };
}

export function profileFeatures(
  m: RatingMatrix,
  items: ItemStatistics,
  options: FeatureOptions = {},
): ProfileFeatures {
  const nUsers = m.userIds.length;
  const f: ProfileFeatures = {
    length: new Float64Array(nUsers),
    rdma: new Float64Array(nUsers),
    wdma: new Float64Array(nUsers),
    wda: new Float64Array(nUsers),
    lengthVar: new Float64Array(nUsers),
    degSim: degreeOfSimilarity(m, options.k ?? 25, options.shrink ?? 10),
    meanVar: new Float64Array(nUsers),
    fmtd: new Float64Array(nUsers),
    popularity: new Float64Array(nUsers),
    spread: popularitySpread(m, items),
  };
  let totalLength = 0;
  for (let u = 0; u < nUsers; u++) {
    const a = m.userStart[u]!;
    const b = m.userStart[u + 1]!;
    const n = b - a;
    let wda = 0;
    let wdma = 0;
    let pop = 0;
    for (let p = a; p < b; p++) {
      const i = m.userItems[p]!;
      const c = items.count[i]!;
      const dev = Math.abs(m.userValues[p]! - items.mean[i]!);
      wda += dev / c;
      wdma += dev / (c * c);
      pop += Math.log(c);
    }
    f.length[u] = n;
    f.wda[u] = wda;
    f.rdma[u] = n ? wda / n : 0;
    f.wdma[u] = n ? wdma / n : 0;
    f.popularity[u] = n ? pop / n : 0;
    const push = targetSplit(m, items, a, b, m.maxRating);
    const nuke = targetSplit(m, items, a, b, m.minRating);
    f.meanVar[u] = Math.min(push.meanVar, nuke.meanVar);
    f.fmtd[u] = Math.max(push.fmtd, nuke.fmtd);
    totalLength += n;
  }
  const avg = nUsers ? totalLength / nUsers : 0;
  let ss = 0;
  for (let u = 0; u < nUsers; u++) ss += (f.length[u]! - avg) ** 2;
  for (let u = 0; u < nUsers; u++) f.lengthVar[u] = ss > 0 ? Math.abs(f.length[u]! - avg) / ss : 0;
  return f;
}

/**
 * Popularity spread: the mean of log(rank_i / reach) over a profile's items, where rank_i is the
 * item's popularity rank as a share of the items (most rated first, ties sharing their mean rank)
 * and reach is the deepest rank in the profile once its single deepest item (a pushed niche target,
 * say) is set aside; the reach item and the one set aside are left out of the mean. People pick
 * items by popularity, so most of a profile sits far above its reach (median -2.6 on MovieLens-like
 * data, -2.1 on the evaluation's base); filler drawn uniformly, whether from the whole catalogue
 * (random, average) or from the popular head only (average over popular, whose profile looks
 * ordinary to every other feature), covers the ranks up to its reach evenly, which gives about -1.
 * NaN for profiles of fewer than three items.
 */
export function popularitySpread(m: RatingMatrix, items: ItemStatistics): Float64Array {
  const rank = percentileRanks(items.count.map((c) => -c));
  const out = new Float64Array(m.userIds.length);
  for (let u = 0; u < out.length; u++) {
    const a = m.userStart[u]!;
    const b = m.userStart[u + 1]!;
    if (b - a < 3) {
      out[u] = Number.NaN;
      continue;
    }
    // One pass: the sum of log ranks and the two deepest ranks.
    let sum = 0;
    let deepest = 0;
    let reach = 0;
    for (let p = a; p < b; p++) {
      const r = rank[m.userItems[p]!]!;
      sum += Math.log(r);
      if (r > deepest) {
        reach = deepest;
        deepest = r;
      } else if (r > reach) reach = r;
    }
    out[u] = (sum - Math.log(deepest) - Math.log(reach)) / (b - a - 2) - Math.log(reach);
  }
  return out;
}

/** MeanVar and FMTD for one guess of the target: the items the user rated exactly `extreme`. */
function targetSplit(
  m: RatingMatrix,
  items: ItemStatistics,
  a: number,
  b: number,
  extreme: number,
): { meanVar: number; fmtd: number } {
  let nt = 0;
  let st = 0;
  let nf = 0;
  let sf = 0;
  let var_ = 0;
  for (let p = a; p < b; p++) {
    const r = m.userValues[p]!;
    if (r === extreme) {
      nt++;
      st += r;
    } else {
      nf++;
      sf += r;
      var_ += (r - items.mean[m.userItems[p]!]!) ** 2;
    }
  }
  if (nt === 0 || nf === 0) return { meanVar: Number.POSITIVE_INFINITY, fmtd: 0 };
  return { meanVar: var_ / nf, fmtd: Math.abs(st / nt - sf / nf) };
}

/**
 * DegSim through the item index: for each user, similarities to every user sharing an item are
 * accumulated in a dense scratch array (cost is the sum of squared item counts, not users squared
 * times items), then the k largest are averaged. The similarity is Pearson's with unrated items at the
 * user's mean (the common zero-filled variant: the norms are whole-profile norms, so only the
 * co-rated products need accumulating, which halves the inner loop), shrunk by overlap.
 */
export function degreeOfSimilarity(m: RatingMatrix, k: number, shrink: number): Float64Array {
  const nUsers = m.userIds.length;
  const userMean = new Float64Array(nUsers);
  const norm = new Float64Array(nUsers);
  for (let u = 0; u < nUsers; u++) {
    const a = m.userStart[u]!;
    const b = m.userStart[u + 1]!;
    let s = 0;
    for (let p = a; p < b; p++) s += m.userValues[p]!;
    const mean = b > a ? s / (b - a) : 0;
    let q = 0;
    for (let p = a; p < b; p++) q += (m.userValues[p]! - mean) ** 2;
    userMean[u] = mean;
    norm[u] = Math.sqrt(q);
  }
  const itemDev = new Float64Array(m.itemValues.length);
  for (let p = 0; p < itemDev.length; p++) itemDev[p] = m.itemValues[p]! - userMean[m.itemUsers[p]!]!;
  const dotUV = new Float64Array(nUsers);
  const overlap = new Int32Array(nUsers);
  const touched = new Int32Array(nUsers);
  const sims = new Float64Array(nUsers);
  const out = new Float64Array(nUsers);
  for (let u = 0; u < nUsers; u++) {
    let nTouched = 0;
    for (let p = m.userStart[u]!; p < m.userStart[u + 1]!; p++) {
      const i = m.userItems[p]!;
      const du = m.userValues[p]! - userMean[u]!;
      const end = m.itemStart[i + 1]!;
      for (let q = m.itemStart[i]!; q < end; q++) {
        const v = m.itemUsers[q]!;
        if (overlap[v] === 0) touched[nTouched++] = v;
        dotUV[v]! += du * itemDev[q]!;
        overlap[v]!++;
      }
    }
    let n = 0;
    for (let t = 0; t < nTouched; t++) {
      const v = touched[t]!;
      if (v !== u) {
        const den = norm[u]! * norm[v]!;
        sims[n++] = den > 0 ? (dotUV[v]! / den) * Math.min(1, overlap[v]! / shrink) : 0;
      }
      dotUV[v] = 0;
      overlap[v] = 0;
    }
    out[u] = meanOfTopK(sims, n, k);
  }
  return out;
}

/** Mean of the k largest of the first n values, kept in a small sorted buffer (k is tiny). */
function meanOfTopK(values: Float64Array, n: number, k: number): number {
  if (n === 0) return 0;
  const take = Math.min(k, n);
  const top = new Float64Array(take).fill(Number.NEGATIVE_INFINITY);
  for (let j = 0; j < n; j++) {
    const x = values[j]!;
    if (x <= top[0]!) continue;
    // Insert x into the ascending buffer, dropping the smallest.
    let pos = 0;
    while (pos + 1 < take && top[pos + 1]! < x) {
      top[pos] = top[pos + 1]!;
      pos++;
    }
    top[pos] = x;
  }
  let s = 0;
  for (let j = 0; j < take; j++) s += top[j]!;
  return s / take;
}

/**
 * One anomaly score per user from the profile features and PCA-VarSelect. Attack models push
 * features in opposite directions (random filler makes RDMA high, average-over-popular makes it
 * low), so each feature is scored two-sided: a robust z-score against the population (median and
 * MAD, so the attackers themselves do not move the reference), after a log for the heavy-tailed
 * ones. The user's anomaly is the root mean square of the capped z-scores.
 */
import type { ProfileFeatures } from './profile-features.js';
import { median, robustZ } from './robust-stats.js';

export type FeatureName =
  | 'rdma'
  | 'wdma'
  | 'wda'
  | 'length'
  | 'degsim'
  | 'meanvar'
  | 'fmtd'
  | 'popularity'
  | 'spread'
  | 'pca';

export interface UserAnomaly {
  /** Robust z-score of each feature per user. */
  z: Record<FeatureName, Float64Array>;
  /** Root mean square of the capped z-scores. */
  score: Float64Array;
}

/** |z| above this counts as fully anomalous: one wild feature must not outvote all the others. */
const Z_CAP = 10;
const log = (v: Float64Array) => v.map((x) => Math.log(x + 1e-12));
/** Undefined values (too short a profile) at the median of the defined ones, so they score 0. */
const medianFilled = (v: Float64Array) => {
  const med = median(v.filter((x) => !Number.isNaN(x)));
  return v.map((x) => (Number.isNaN(x) ? med : x));
};

export function userAnomaly(f: ProfileFeatures, pca: Float64Array): UserAnomaly {
  const finiteMeanVar = f.meanVar.map((x) => (Number.isFinite(x) ? x : Number.NaN));
  const fallback = Math.max(...[...finiteMeanVar].filter((x) => !Number.isNaN(x)), 1);
  const z: Record<FeatureName, Float64Array> = {
    rdma: robustZ(log(f.rdma)),
    wdma: robustZ(log(f.wdma)),
    wda: robustZ(log(f.wda)),
    length: robustZ(log(f.length)),
    degsim: robustZ(f.degSim),
    meanvar: robustZ(log(finiteMeanVar.map((x) => (Number.isNaN(x) ? fallback : x)))),
    fmtd: robustZ(f.fmtd),
    popularity: robustZ(f.popularity),
    spread: robustZ(medianFilled(f.spread)),
    pca: robustZ(log(pca)),
  };
  const names = Object.keys(z) as FeatureName[];
  const n = f.length.length;
  const score = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (const k of names) s += Math.min(Z_CAP, Math.abs(z[k][u]!)) ** 2;
    score[u] = Math.sqrt(s / names.length);
  }
  return { z, score };
}

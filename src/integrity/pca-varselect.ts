/**
 * PCA-VarSelect (Mehta and Nejdl, 2009, "Unsupervised strategies for shilling detection and robust
 * collaborative filtering"): users are the variables and items the observations. Each user's ratings
 * are z-scored (unrated cells are then 0, the user's mean), the covariance between users is
 * decomposed, and users who contribute least to the first principal components are the likely
 * shills: their profiles are highly correlated with each other but carry little of the data's
 * structure. The score returned is each user's sum of squared loadings on the first components
 * (low = suspicious).
 *
 * Why not `ml-pca`: it decomposes the dense users x users covariance (cubic in the user count, many
 * seconds for a thousand users). Only three components are needed, so we run subspace iteration with
 * sparse products X^T(X V) and let ml-matrix orthonormalise the thin block.
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import { createRng } from './random.js';
import type { RatingMatrix } from './ratings.js';

export interface PcaOptions {
  components?: number;
  iterations?: number;
}

export function pcaVarSelectScores(m: RatingMatrix, options: PcaOptions = {}): Float64Array {
  const nUsers = m.userIds.length;
  const nItems = m.itemIds.length;
  const comps = Math.min(options.components ?? 3, nUsers);
  if (nUsers === 0 || comps === 0) return new Float64Array(nUsers);
  const z = zScoredValues(m);
  const rng = createRng(12_345);
  let basis = new Matrix(nUsers, comps);
  for (let u = 0; u < nUsers; u++) for (let c = 0; c < comps; c++) basis.set(u, c, rng.normal());
  basis = orthonormal(basis);
  const v = new Float64Array(nUsers * comps);
  const xv = new Float64Array(nItems * comps);
  for (let it = 0; it < (options.iterations ?? 30); it++) {
    for (let u = 0; u < nUsers; u++) for (let c = 0; c < comps; c++) v[u * comps + c] = basis.get(u, c);
    xv.fill(0);
    // X V: item i gets the sum over its raters of z_ui * v_u (all components in one pass).
    for (let u = 0; u < nUsers; u++) {
      for (let p = m.userStart[u]!; p < m.userStart[u + 1]!; p++) {
        const zi = z[p]!;
        const row = m.userItems[p]! * comps;
        for (let c = 0; c < comps; c++) xv[row + c]! += zi * v[u * comps + c]!;
      }
    }
    // X^T (X V): user u gets the sum over its items of z_ui * (XV)_i.
    const next = new Matrix(nUsers, comps);
    for (let u = 0; u < nUsers; u++) {
      for (let c = 0; c < comps; c++) {
        let s = 0;
        for (let p = m.userStart[u]!; p < m.userStart[u + 1]!; p++)
          s += z[p]! * xv[m.userItems[p]! * comps + c]!;
        next.set(u, c, s);
      }
    }
    basis = orthonormal(next);
  }
  const scores = new Float64Array(nUsers);
  for (let u = 0; u < nUsers; u++) {
    let s = 0;
    for (let c = 0; c < comps; c++) s += basis.get(u, c) ** 2;
    scores[u] = s;
  }
  return scores;
}

function orthonormal(a: Matrix): Matrix {
  return new QrDecomposition(a).orthogonalMatrix;
}

/** Each rating as a z-score within its user's profile, aligned with `userValues`. */
function zScoredValues(m: RatingMatrix): Float64Array {
  const z = new Float64Array(m.userValues.length);
  for (let u = 0; u < m.userIds.length; u++) {
    const a = m.userStart[u]!;
    const b = m.userStart[u + 1]!;
    if (b === a) continue;
    let s = 0;
    let q = 0;
    for (let p = a; p < b; p++) {
      s += m.userValues[p]!;
      q += m.userValues[p]! ** 2;
    }
    const mean = s / (b - a);
    const sd = Math.sqrt(Math.max(0, q / (b - a) - mean * mean));
    if (sd === 0) continue;
    for (let p = a; p < b; p++) z[p] = (m.userValues[p]! - mean) / sd;
  }
  return z;
}

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
import { EigenvalueDecomposition, Matrix, QrDecomposition } from 'ml-matrix';
import { createRng } from './random.js';
import type { RatingMatrix } from './ratings.js';

export interface PcaOptions {
  components?: number;
  iterations?: number;
}

export function pcaVarSelectScores(m: RatingMatrix, options: PcaOptions = {}): Float64Array {
  const nUsers = m.userIds.length;
  const comps = Math.min(options.components ?? 3, nUsers);
  if (nUsers === 0 || comps === 0) return new Float64Array(nUsers);
  const z = zScoredValues(m);
  // A few extra vectors, then Rayleigh-Ritz: on real data the 3rd and 4th eigenvalues are close, and
  // a 3-wide block had not converged after 30 rounds, so the scores depended on the order of the
  // users in the input (the random start is drawn per position).
  const block = Math.min(comps + OVERSAMPLE, nUsers);
  const rng = createRng(12_345);
  let basis = new Matrix(nUsers, block);
  for (let u = 0; u < nUsers; u++) for (let c = 0; c < block; c++) basis.set(u, c, rng.normal());
  basis = orthonormal(basis);
  for (let it = 0; it < (options.iterations ?? 30); it++) basis = orthonormal(gramTimes(m, z, basis));
  // The top `comps` eigenvectors within the converged block.
  const small = basis.transpose().mmul(gramTimes(m, z, basis));
  const evd = new EigenvalueDecomposition(small, { assumeSymmetric: true });
  const order = evd.realEigenvalues
    .map((value, c) => ({ value, c }))
    .sort((a, b) => b.value - a.value)
    .slice(0, comps);
  const top = basis.mmul(evd.eigenvectorMatrix.subMatrixColumn(order.map((o) => o.c)));
  const scores = new Float64Array(nUsers);
  for (let u = 0; u < nUsers; u++) {
    let s = 0;
    for (let c = 0; c < comps; c++) s += top.get(u, c) ** 2;
    scores[u] = s;
  }
  return scores;
}

const OVERSAMPLE = 5;

/** X^T (X V) with X the z-scored items x users matrix, through the sparse rows (all columns at once). */
function gramTimes(m: RatingMatrix, z: Float64Array, basis: Matrix): Matrix {
  const nUsers = m.userIds.length;
  const k = basis.columns;
  const v = new Float64Array(nUsers * k);
  for (let u = 0; u < nUsers; u++) for (let c = 0; c < k; c++) v[u * k + c] = basis.get(u, c);
  // X V: item i gets the sum over its raters of z_ui * v_u.
  const xv = new Float64Array(m.itemIds.length * k);
  for (let u = 0; u < nUsers; u++) {
    for (let p = m.userStart[u]!; p < m.userStart[u + 1]!; p++) {
      const zi = z[p]!;
      const row = m.userItems[p]! * k;
      for (let c = 0; c < k; c++) xv[row + c]! += zi * v[u * k + c]!;
    }
  }
  // X^T (X V): user u gets the sum over its items of z_ui * (XV)_i.
  const next = new Matrix(nUsers, k);
  for (let u = 0; u < nUsers; u++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let p = m.userStart[u]!; p < m.userStart[u + 1]!; p++) s += z[p]! * xv[m.userItems[p]! * k + c]!;
      next.set(u, c, s);
    }
  }
  return next;
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

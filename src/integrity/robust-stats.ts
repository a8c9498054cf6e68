/** Small robust statistics used to pick cut-offs from a score distribution instead of a fixed count. */

export function median(values: ArrayLike<number>): number {
  const s = Float64Array.from(values).sort();
  const n = s.length;
  if (n === 0) return 0;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** (x - median) / (1.4826 * MAD): about a standard z-score for normal data, unmoved by outliers. */
export function robustZ(values: ArrayLike<number>): Float64Array {
  const med = median(values);
  const dev = Float64Array.from(values, (x) => Math.abs(x - med));
  const mad = 1.4826 * median(dev);
  // A degenerate spread (half the values equal) falls back to the mean absolute deviation.
  let scale = mad;
  if (!(scale > 0)) {
    let s = 0;
    for (const d of dev) s += d;
    scale = dev.length ? (1.2533 * s) / dev.length : 0;
  }
  return Float64Array.from(values, (x) => (scale > 0 ? (x - med) / scale : 0));
}

/** Percentile rank in (0, 1) of each value, ties sharing their mean rank. */
export function percentileRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  let j = 0;
  while (j < n) {
    let k = j;
    while (k + 1 < n && values[order[k + 1]!] === values[order[j]!]) k++;
    const r = (j + k) / 2 + 0.5;
    for (let t = j; t <= k; t++) ranks[order[t]!] = r / n;
    j = k + 1;
  }
  return ranks;
}

/**
 * Best split of sorted values into a low and a high group (one-dimensional 2-means, exact: it tries
 * every cut and keeps the one with the least within-group sum of squares). Returns the index of the
 * first value of the high group and the separation (gap between group means over the pooled sd).
 */
export function twoMeansSplit(sorted: ArrayLike<number>): { cut: number; separation: number } {
  const n = sorted.length;
  if (n < 2) return { cut: n, separation: 0 };
  const prefix = new Float64Array(n + 1);
  const prefixSq = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = prefix[i]! + sorted[i]!;
    prefixSq[i + 1] = prefixSq[i]! + sorted[i]! ** 2;
  }
  let best = { cut: n, sse: Number.POSITIVE_INFINITY };
  for (let c = 1; c < n; c++) {
    const sL = prefix[c]!;
    const sH = prefix[n]! - sL;
    const sse = prefixSq[n]! - (sL * sL) / c - (sH * sH) / (n - c);
    if (sse < best.sse) best = { cut: c, sse };
  }
  const c = best.cut;
  const meanL = prefix[c]! / c;
  const meanH = (prefix[n]! - prefix[c]!) / (n - c);
  const sd = Math.sqrt(Math.max(best.sse, 1e-12) / Math.max(1, n - 2));
  return { cut: c, separation: (meanH - meanL) / sd };
}

/** log(n!) for n = 0..max, for exact binomial tails. */
export function logFactorials(max: number): Float64Array {
  const t = new Float64Array(max + 1);
  for (let n = 2; n <= max; n++) t[n] = t[n - 1]! + Math.log(n);
  return t;
}

/**
 * -log10 P(K >= k) for K ~ Binomial(n, p): how surprising it is to see k or more hits. Exact (a normal
 * approximation is far too generous when n * p is small, which is the usual case for rare items).
 */
export function binomialSurprise(k: number, n: number, p: number, logFact: Float64Array): number {
  if (k <= 0) return 0;
  if (k > n || p <= 0) return k > n ? 0 : Number.POSITIVE_INFINITY;
  if (p >= 1) return 0;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const term = (j: number) => logFact[n]! - logFact[j]! - logFact[n - j]! + j * lp + (n - j) * lq;
  // Log-sum-exp over the tail, which is dominated by its first terms.
  const first = term(k);
  let sum = 0;
  for (let j = k; j <= n; j++) {
    const r = Math.exp(term(j) - first);
    sum += r;
    if (r < 1e-12 && j > k + 5) break;
  }
  return -(first + Math.log(sum)) / Math.LN10;
}

/** In ascending positive values, the largest ratio between neighbours, from position `from` on. */
export function largestRatioGap(sorted: number[], from: number): { at: number; ratio: number } {
  let best = { at: sorted.length, ratio: 0 };
  for (let j = Math.max(1, from); j < sorted.length; j++) {
    const ratio = sorted[j]! / Math.max(sorted[j - 1]!, 1e-9);
    if (ratio > best.ratio) best = { at: j, ratio };
  }
  return best;
}

/** median + mads robust deviations: above it a value is an outlier. */
export function upperFence(values: number[], mads: number): number {
  const centre = median(values);
  return centre + mads * 1.4826 * median(values.map((x) => Math.abs(x - centre)));
}

/** median - mads robust deviations: below it a value is an outlier. */
export function lowerFence(values: number[], mads: number): number {
  const centre = median(values);
  return centre - mads * 1.4826 * median(values.map((x) => Math.abs(x - centre)));
}

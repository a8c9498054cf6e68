/** A small seeded generator (mulberry32) so generated data and sampling are reproducible. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    int: (n) => Math.floor(next() * n),
  };
}

/** k distinct indices from [0, n) drawn with probability proportional to weights (Efraimidis-Spirakis). */
export function weightedSample(rng: Rng, weights: ArrayLike<number>, k: number): number[] {
  const keys: Array<[number, number]> = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w > 0) keys.push([Math.log(1 - rng.next()) / w, i]);
  }
  keys.sort((a, b) => b[0] - a[0]);
  return keys.slice(0, k).map(([, i]) => i);
}

/** k distinct elements of `pool` drawn uniformly (partial Fisher-Yates on a copy). */
export function uniformSample<T>(rng: Rng, pool: readonly T[], k: number): T[] {
  const a = pool.slice();
  const m = Math.min(k, a.length);
  for (let j = 0; j < m; j++) {
    const r = j + rng.int(a.length - j);
    const t = a[j]!;
    a[j] = a[r]!;
    a[r] = t;
  }
  return a.slice(0, m);
}

/**
 * k-anonymity for aggregates: a group with fewer than k people is never shown or exported with its
 * size or statistics, only as "suppressed", so no count or rate can single someone out.
 */
export const DEFAULT_K = 10;

export type Suppressed<T> = (T & { suppressed: false }) | { key: string; suppressed: true };

/** Keeps groups of at least k; smaller ones keep only their key (0 is an empty group, not a person). */
export function suppressSmallGroups<T extends { n: number }>(
  groups: ReadonlyArray<T & { key: string }>,
  k: number,
): Array<Suppressed<T & { key: string }>> {
  return groups.map((g) =>
    g.n > 0 && g.n < k ? { key: g.key, suppressed: true as const } : { ...g, suppressed: false as const },
  );
}

/** A single count shown alone: null when it is between 1 and k - 1. */
export function suppressCount(n: number, k: number): number | null {
  return n > 0 && n < k ? null : n;
}

/**
 * Primary suppression of a subset of a known population: hidden when the subset (1 to k - 1 people)
 * or its complement (population - size, 1 to k - 1 people) is small. The complement matters because
 * the population is shown elsewhere (another family over the same people): 43 of 50 gives the 7
 * outside away as surely as showing 7.
 */
export function isSmallSubset(size: number, population: number, k: number): boolean {
  return suppressCount(size, k) === null || suppressCount(population - size, k) === null;
}

/**
 * Cells to hide in a partition of a population (cells that sum to it: the RFM segments, the clusters
 * of one run), by standard statistical disclosure control:
 * - primary suppression: a cell of 1 to k - 1 people, or whose complement has 1 to k - 1 people;
 * - secondary suppression: the population minus the shown cells gives the hidden total, so hiding a
 *   single cell (or cells totalling fewer than k people) hides nothing. The next smallest non-empty
 *   cells are hidden too until at least two cells are hidden and they total at least k people;
 * - when that cannot be reached, every cell is hidden.
 * Returns the indices of the hidden cells.
 */
export function suppressPartition(sizes: readonly number[], population: number, k: number): Set<number> {
  const hidden = new Set<number>();
  sizes.forEach((n, i) => {
    if (isSmallSubset(n, population, k)) hidden.add(i);
  });
  if (hidden.size === 0) return hidden;
  const total = () => [...hidden].reduce((a, i) => a + sizes[i]!, 0);
  // Empty cells add no uncertainty to the hidden total: the candidates are the smallest non-empty cells.
  const candidates = sizes
    .map((n, i) => [n, i] as const)
    .filter(([n, i]) => n > 0 && !hidden.has(i))
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [, i] of candidates) {
    if (hidden.size >= 2 && total() >= k) break;
    hidden.add(i);
  }
  if (hidden.size < 2 || total() < k) return new Set(sizes.map((_, i) => i));
  return hidden;
}

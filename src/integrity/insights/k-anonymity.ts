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

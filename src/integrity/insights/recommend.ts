/**
 * Item-item collaborative filtering (Sarwar et al., 2001) with cosine similarity between items'
 * interaction vectors, and a popular-in-segment fallback for subjects with no (or too little) history.
 * Hand-written: the npm recommenders we looked at are unmaintained or pull in a whole ML framework,
 * and the algorithm is a few sparse dot products.
 */
import { DEFAULT_K } from './k-anonymity.js';
import type { InsightEvent } from './types.js';

/** Strength of one interaction: an explicit rating counts its value, a purchase 3, a click 1. */
const IMPLICIT_WEIGHT = { purchase: 3, click: 1 } as const;
export const RECOMMENDER_EVENT_TYPES = ['rating', 'purchase', 'click'] as const;

export interface RecommenderModel {
  /** subject -> item -> weight (the strongest interaction). */
  profiles: Map<string, Map<string, number>>;
  /** item -> its most similar items, best first (items of at least `minUsers` distinct subjects only). */
  neighbours: Map<string, Array<{ item: string; sim: number }>>;
  /** Items of at least `minUsers` distinct subjects, most popular first (ties by id). */
  popular: string[];
  /** The k-anonymity floor the model was built with (popularAmong applies it within a segment). */
  minUsers: number;
}

export interface Recommendation {
  item: string;
  score: number;
  source: 'collaborative' | 'popular_in_segment' | 'popular';
}

export interface BuildOptions {
  /** Neighbours kept per item (default 50). */
  neighbours?: number;
  /** Most recent items kept per subject when counting co-occurrences (default 200): bounds the work. */
  maxProfile?: number;
  /**
   * k-anonymity floor (default DEFAULT_K): an item with fewer distinct subjects is never listed as
   * popular and takes no part in similarities (neither as a recommended item nor as a source), and two
   * items are similar only when at least k people interacted with both, so a recommendation never
   * reflects what fewer than k people did (an item only one other customer bought, or one basket).
   */
  minUsers?: number;
}

export function interactionWeight(e: InsightEvent): number {
  if (e.type === 'rating') return Math.max(0, e.value ?? 0);
  if (e.type === 'purchase' || e.type === 'click') return IMPLICIT_WEIGHT[e.type];
  return 0;
}

export function buildRecommender(
  events: readonly InsightEvent[],
  options: BuildOptions = {},
): RecommenderModel {
  const keep = options.neighbours ?? 50;
  const maxProfile = options.maxProfile ?? 200;
  const minUsers = options.minUsers ?? DEFAULT_K;
  const profiles = new Map<string, Map<string, number>>();
  for (const e of events) {
    const w = interactionWeight(e);
    if (w <= 0) continue;
    let p = profiles.get(e.subject);
    if (!p) {
      p = new Map();
      profiles.set(e.subject, p);
    }
    p.set(e.item, Math.max(p.get(e.item) ?? 0, w));
  }
  // Items get integer ids so the co-occurrence rows are Maps keyed by numbers (much cheaper than strings).
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (item: string): number => {
    let id = ids.get(item);
    if (id === undefined) {
      id = names.length;
      ids.set(item, id);
      names.push(item);
    }
    return id;
  };
  // Distinct subjects per item first: items under the floor are left out of everything below.
  const recent = [...profiles.values()].map((p) => [...p].slice(-maxProfile));
  const counts = new Map<string, number>();
  for (const entries of recent) for (const [item] of entries) counts.set(item, (counts.get(item) ?? 0) + 1);
  const norms: number[] = [];
  const users: number[] = [];
  const dots: Array<Map<number, number>> = [];
  // People who interacted with both items of a pair: a pair fewer than k people share would let a
  // recommendation repeat one person's basket (two items of five buyers each, one person bought both).
  const shared: Array<Map<number, number>> = [];
  for (const profile of recent) {
    const entries = profile
      .filter(([item]) => counts.get(item)! >= minUsers)
      .map(([item, w]) => [idOf(item), w] as const);
    for (const [i, w] of entries) {
      norms[i] = (norms[i] ?? 0) + w * w;
      users[i] = (users[i] ?? 0) + 1;
      dots[i] ??= new Map();
      shared[i] ??= new Map();
    }
    for (let a = 0; a < entries.length; a++) {
      const [i, wi] = entries[a]!;
      const row = dots[i]!;
      const together = shared[i]!;
      for (let b = 0; b < entries.length; b++) {
        if (a === b) continue;
        const [j, wj] = entries[b]!;
        row.set(j, (row.get(j) ?? 0) + wi * wj);
        together.set(j, (together.get(j) ?? 0) + 1);
      }
    }
  }
  const neighbours = new Map<string, Array<{ item: string; sim: number }>>();
  dots.forEach((row, i) => {
    const ni = Math.sqrt(norms[i]!);
    const top: Array<{ item: string; sim: number }> = [];
    const together = shared[i]!;
    for (const [j, dot] of row) {
      if (together.get(j)! < minUsers) continue;
      const sim = dot / (ni * Math.sqrt(norms[j]!));
      if (top.length === keep && !better(sim, names[j]!, top[keep - 1]!)) continue;
      insertSorted(top, { item: names[j]!, sim }, keep);
    }
    neighbours.set(names[i]!, top);
  });
  const popular = names
    .map((item, i) => [item, users[i]!] as const)
    .sort((x, y) => y[1] - x[1] || compare(x[0], y[0]))
    .map(([item]) => item);
  return { profiles, neighbours, popular, minUsers };
}

/**
 * Items by number of distinct members who interacted with them (the segment's favourites), keeping
 * only items of at least the model's `minUsers` members: a favourite of fewer would describe them.
 */
export function popularAmong(model: RecommenderModel, members: Iterable<string>): string[] {
  const count = new Map<string, number>();
  for (const s of members)
    for (const item of model.profiles.get(s)?.keys() ?? []) count.set(item, (count.get(item) ?? 0) + 1);
  return [...count]
    .filter(([, n]) => n >= model.minUsers)
    .sort((x, y) => y[1] - x[1] || compare(x[0], y[0]))
    .map(([item]) => item);
}

export interface RecommendOptions {
  n?: number;
  /** The subject's segment favourites (see popularAmong); else the overall popular items fill in. */
  segmentPopular?: readonly string[];
}

/** score(j) = sum over the subject's items i of weight(i) * sim(i, j), for items j not yet seen. */
export function recommend(
  model: RecommenderModel,
  subject: string,
  options: RecommendOptions = {},
): Recommendation[] {
  const n = options.n ?? 10;
  const seen = model.profiles.get(subject) ?? new Map<string, number>();
  const scores = new Map<string, number>();
  for (const [i, w] of seen) {
    for (const { item, sim } of model.neighbours.get(i) ?? []) {
      if (!seen.has(item)) scores.set(item, (scores.get(item) ?? 0) + w * sim);
    }
  }
  const out: Recommendation[] = [...scores]
    .filter(([, s]) => s > 0)
    .sort((x, y) => y[1] - x[1] || compare(x[0], y[0]))
    .slice(0, n)
    .map(([item, score]) => ({ item, score, source: 'collaborative' }));
  const taken = new Set(out.map((r) => r.item));
  const fill = (list: readonly string[], source: Recommendation['source']) => {
    for (const item of list) {
      if (out.length >= n) return;
      if (seen.has(item) || taken.has(item)) continue;
      taken.add(item);
      out.push({ item, score: 0, source });
    }
  };
  fill(options.segmentPopular ?? [], 'popular_in_segment');
  fill(model.popular, 'popular');
  return out;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const better = (sim: number, item: string, than: { item: string; sim: number }): boolean =>
  sim > than.sim || (sim === than.sim && item < than.item);

/** Keeps `top` sorted best first and at most `keep` long: a bounded insertion, cheaper than sorting whole rows. */
function insertSorted(
  top: Array<{ item: string; sim: number }>,
  entry: { item: string; sim: number },
  keep: number,
): void {
  let at = top.length;
  while (at > 0 && better(entry.sim, entry.item, top[at - 1]!)) at--;
  top.splice(at, 0, entry);
  if (top.length > keep) top.pop();
}

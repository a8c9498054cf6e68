/**
 * Synthetic rating data for tests and the detection evaluation.
 *
 * Genuine base (`generateGenuineRatings`): a latent-factor model shaped like MovieLens 100K.
 * - Item popularity is log-normal (a few blockbusters, a long tail); popular items are also rated a
 *   little higher, as in real catalogues.
 * - Each user has a bias, each item a bias, both a 5-dimensional taste vector; a rating is
 *   `round(mu + b_u + b_i + p_u.q_i + noise)` clipped to 1..5, which gives roughly the MovieLens mix
 *   (about 6% ones, 11% twos, 27% threes, 34% fours, 21% fives).
 * - Profile lengths are 20 plus a log-normal draw (median about 70, long tail), and which items a user
 *   rates is drawn by popularity tilted towards the user's taste, without replacement.
 * - Timestamps: each user is active over a few weeks somewhere in a seven-month window.
 *
 * Attacks (`injectAttack`), the standard models of the shilling literature (Mobasher, Burke et al.
 * 2007; Hurley et al. 2009 for average-over-popular). Each attack profile rates the target item at the
 * top of the scale (push) or the bottom (nuke), plus:
 * - random: filler items drawn uniformly, rated from N(global mean, global sd);
 * - average: filler items drawn uniformly, each rated from N(item mean, item sd);
 * - bandwagon: the `selectedCount` most popular items rated at the top, filler as in random;
 * - segment: the `selectedCount` items most co-rated with the target rated at the top, filler at the
 *   bottom (it courts the fans of a segment);
 * - love-hate: target at the bottom (nuke), filler at the top;
 * - aop (average over popular): filler drawn uniformly from the most popular items (the top
 *   `popularShare` of items, at least twice the filler size), rated as in average.
 * Attack size is a share of the genuine users (1%-10% in the evaluation), filler size a share of the
 * items. Everything is seeded and deterministic.
 */

import { createRng, type Rng, uniformSample, weightedSample } from './random.js';
import type { Rating } from './ratings.js';

export interface GenuineOptions {
  users?: number;
  items?: number;
  seed?: number;
  /** Standard deviation of log item popularity (default 1.3; higher = more blockbuster-heavy). */
  popularitySkew?: number;
  /** Median number of ratings per user above the minimum of 20 (default 50). */
  activity?: number;
}

const FACTORS = 5;
const MIN_RATING = 1;
const MAX_RATING = 5;
const WINDOW_START = 874_724_710; // September 1997, as in MovieLens 100K
const WINDOW_SECONDS = 210 * 86_400;

const clipRound = (x: number): number => Math.min(MAX_RATING, Math.max(MIN_RATING, Math.round(x)));

export function generateGenuineRatings(options: GenuineOptions = {}): Rating[] {
  const nUsers = options.users ?? 943;
  const nItems = options.items ?? 1682;
  const rng = createRng(options.seed ?? 1);
  const skew = options.popularitySkew ?? 1.3;
  const activity = options.activity ?? 50;
  const popularity = new Float64Array(nItems);
  const itemBias = new Float64Array(nItems);
  const itemTaste: Float64Array[] = [];
  for (let i = 0; i < nItems; i++) {
    const z = rng.normal();
    popularity[i] = Math.exp(skew * z);
    itemBias[i] = 0.45 * rng.normal() + 0.2 * z;
    itemTaste.push(randomVector(rng, 0.5));
  }
  const ratings: Rating[] = [];
  for (let u = 0; u < nUsers; u++) {
    const userBias = 0.4 * rng.normal();
    const taste = randomVector(rng, 0.5);
    const length = Math.min(nItems, 20 + Math.floor(activity * Math.exp(1.0 * rng.normal())), 740);
    const affinity = new Float64Array(nItems);
    const weights = new Float64Array(nItems);
    for (let i = 0; i < nItems; i++) {
      affinity[i] = dot(taste, itemTaste[i]!);
      weights[i] = popularity[i]! * Math.exp(0.8 * affinity[i]!);
    }
    const start = WINDOW_START + rng.int(WINDOW_SECONDS);
    const span = 86_400 * (1 + rng.int(40));
    for (const i of weightedSample(rng, weights, length)) {
      const value = 3.2 + userBias + itemBias[i]! + affinity[i]! + 0.95 * rng.normal();
      ratings.push({
        user: String(u + 1),
        item: String(i + 1),
        rating: clipRound(value),
        timestamp: start + rng.int(span),
      });
    }
  }
  return ratings;
}

export type AttackModel = 'random' | 'average' | 'bandwagon' | 'segment' | 'love-hate' | 'aop';
export const ATTACK_MODELS: readonly AttackModel[] = [
  'random',
  'average',
  'bandwagon',
  'segment',
  'love-hate',
  'aop',
];

export interface AttackOptions {
  model: AttackModel;
  /** Attack profiles as a share of the genuine users (0.01 = 1%). */
  attackSize: number;
  /** Filler items per profile as a share of the items. */
  fillerSize: number;
  seed?: number;
  /** Target item id; by default a random item with at least 10 ratings. */
  target?: string;
  /** Default `push`, except love-hate which nukes. */
  direction?: 'push' | 'nuke';
  /** Items rated at the top by bandwagon and segment profiles (default 5). */
  selectedCount?: number;
  /** AoP draws filler from this top share of items by popularity (default 0.1). */
  popularShare?: number;
}

export interface InjectedAttack {
  ratings: Rating[];
  attackers: string[];
  target: string;
  direction: 'push' | 'nuke';
}

interface ItemStats {
  ids: string[];
  count: Map<string, number>;
  mean: Map<string, number>;
  sd: Map<string, number>;
  globalMean: number;
  globalSd: number;
  byPopularity: string[];
}

export function injectAttack(base: readonly Rating[], options: AttackOptions): InjectedAttack {
  const rng = createRng(options.seed ?? 7);
  const stats = itemStats(base);
  const users = new Set(base.map((r) => r.user));
  const direction = options.direction ?? (options.model === 'love-hate' ? 'nuke' : 'push');
  const target = options.target ?? pickTarget(rng, stats);
  const nAttackers = Math.max(1, Math.round(options.attackSize * users.size));
  const nFiller = Math.max(1, Math.round(options.fillerSize * stats.ids.length));
  const selected = selectedItems(options, stats, base, target);
  const candidates = stats.ids.filter((i) => i !== target && !selected.includes(i));
  const popularShare = options.popularShare ?? 0.1;
  const popularPool = stats.byPopularity
    .filter((i) => i !== target && !selected.includes(i))
    .slice(0, Math.max(Math.ceil(popularShare * stats.ids.length), 2 * nFiller));
  const maxTs = base.reduce((m, r) => Math.max(m, r.timestamp ?? 0), 0);
  const ratings = base.slice();
  const attackers: string[] = [];
  let nextId = users.size + 1;
  for (let a = 0; a < nAttackers; a++) {
    while (users.has(String(nextId))) nextId++;
    const user = String(nextId++);
    attackers.push(user);
    const ts = maxTs + 60 * (a + 1);
    const add = (item: string, rating: number) => ratings.push({ user, item, rating, timestamp: ts });
    add(target, direction === 'push' ? MAX_RATING : MIN_RATING);
    for (const item of selected) add(item, MAX_RATING);
    const pool = options.model === 'aop' ? popularPool : candidates;
    for (const item of uniformSample(rng, pool, nFiller))
      add(item, fillerRating(rng, options.model, stats, item));
  }
  return { ratings, attackers, target, direction };
}

function fillerRating(rng: Rng, model: AttackModel, stats: ItemStats, item: string): number {
  switch (model) {
    case 'random':
    case 'bandwagon':
      return clipRound(stats.globalMean + stats.globalSd * rng.normal());
    case 'average':
    case 'aop':
      return clipRound(stats.mean.get(item)! + stats.sd.get(item)! * rng.normal());
    case 'segment':
      return MIN_RATING;
    case 'love-hate':
      return MAX_RATING;
  }
}

function selectedItems(
  options: AttackOptions,
  stats: ItemStats,
  base: readonly Rating[],
  target: string,
): string[] {
  const k = options.selectedCount ?? 5;
  if (options.model === 'bandwagon') return stats.byPopularity.filter((i) => i !== target).slice(0, k);
  if (options.model !== 'segment') return [];
  // The segment: items whose audience overlaps most with the target's (Jaccard on raters).
  const fans = new Set(base.filter((r) => r.item === target).map((r) => r.user));
  const overlap = new Map<string, number>();
  for (const r of base)
    if (r.item !== target && fans.has(r.user)) overlap.set(r.item, (overlap.get(r.item) ?? 0) + 1);
  const jaccard = (i: string) => {
    const o = overlap.get(i) ?? 0;
    return o / (fans.size + (stats.count.get(i) ?? 0) - o);
  };
  return [...overlap.keys()].sort((a, b) => jaccard(b) - jaccard(a) || (a < b ? -1 : 1)).slice(0, k);
}

function pickTarget(rng: Rng, stats: ItemStats): string {
  const eligible = stats.ids.filter((i) => (stats.count.get(i) ?? 0) >= 10);
  return eligible[rng.int(eligible.length)] ?? stats.ids[0]!;
}

function itemStats(base: readonly Rating[]): ItemStats {
  const sum = new Map<string, number>();
  const sq = new Map<string, number>();
  const count = new Map<string, number>();
  let gs = 0;
  let gq = 0;
  for (const r of base) {
    sum.set(r.item, (sum.get(r.item) ?? 0) + r.rating);
    sq.set(r.item, (sq.get(r.item) ?? 0) + r.rating * r.rating);
    count.set(r.item, (count.get(r.item) ?? 0) + 1);
    gs += r.rating;
    gq += r.rating * r.rating;
  }
  const globalMean = gs / base.length;
  const globalSd = Math.sqrt(Math.max(0, gq / base.length - globalMean * globalMean));
  const mean = new Map<string, number>();
  const sd = new Map<string, number>();
  const ids = [...count.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const i of ids) {
    const n = count.get(i)!;
    const m = sum.get(i)! / n;
    mean.set(i, m);
    sd.set(i, n > 1 ? Math.sqrt(Math.max(0, sq.get(i)! / n - m * m)) : globalSd);
  }
  const byPopularity = ids.slice().sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : 1));
  return { ids, count, mean, sd, globalMean, globalSd, byPopularity };
}

function randomVector(rng: Rng, scale: number): Float64Array {
  const v = new Float64Array(FACTORS);
  for (let k = 0; k < FACTORS; k++) v[k] = scale * rng.normal();
  return v;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/**
 * Shilling detection over a batch of ratings, without being told how many attackers there are.
 *
 * 1. Every user gets an anomaly score from the standard profile features and PCA-VarSelect
 *    (`user-anomaly.ts`).
 * 2. Attack profiles share a purpose: they all rate the same target item at the top (push) or the
 *    bottom (nuke) of the scale. Items whose extreme raters crowd the anomalous tail of the users (or,
 *    with stronger evidence, one end of a single feature, or the wider top of the popularity spread,
 *    where uniformly drawn filler puts every attack profile) far beyond chance are candidate targets
 *    (`target-candidates.ts`). Users who rate nearly everything at one end are left out of that test
 *    (genuine "everything 5" users crowd every item's top); an item rated at that end by far more of
 *    them than their profiles' lengths and its popularity predict is a candidate too, its group
 *    looked for among them (profiles that rate their filler at the top as well).
 * 3. Among each candidate's extreme raters, the attack group is the high, tight group that stands
 *    clear of the item's real fans, or nothing (`attack-groups.ts`). The cut-offs come from the
 *    scores themselves (2-means cuts, robust fences), never from an expected number of attackers.
 *    A set that blends in overall but crowds the top of the popularity spread (average over popular)
 *    counts as attack-like too.
 * 4. Groups are merged, largest and purest first; a group that is mostly users already flagged is the same attack
 *    seen through another item (bandwagon and segment profiles also rate popular items at the top)
 *    and adds nobody. Target items are then re-scored against the flagged users.
 *
 * Every user's reasons start with `pushed-target` / `nuked-target` (value: the candidate's surprise,
 * -log10 p) followed by `high-<feature>` / `low-<feature>` for features at 3 robust deviations or more
 * (value: the robust z-score). Scores are the user's anomaly (root mean square of robust z-scores).
 */

import { separatedGroup } from './attack-groups.js';
import { pcaVarSelectScores } from './pca-varselect.js';
import { itemStatistics, profileFeatures } from './profile-features.js';
import { buildRatingMatrix, type Rating, type RatingMatrix } from './ratings.js';
import { binomialSurprise, logFactorials, percentileRanks } from './robust-stats.js';
import {
  candidateItems,
  type Direction,
  extremeRaters,
  indiscriminateCandidates,
  indiscriminateUsers,
} from './target-candidates.js';
import { type FeatureName, userAnomaly } from './user-anomaly.js';

export interface Reason {
  code: string;
  value: number;
}

export interface SuspiciousUser {
  user: string;
  score: number;
  reasons: Reason[];
}

export interface TargetItem {
  item: string;
  score: number;
  direction: 'push' | 'nuke';
}

export interface ScanResult {
  suspicious_users: SuspiciousUser[];
  target_items: TargetItem[];
}

export interface ScanOptions {
  /** DegSim neighbours (default 25). */
  k?: number;
  /** Surprise (-log10 p) an item needs before its raters are examined (default 6). */
  itemThreshold?: number;
  /** Separation (in pooled standard deviations) a group of raters needs to be flagged (default 3). */
  minSeparation?: number;
  /** Smallest group of raters flagged together (default 5). */
  minGroup?: number;
}

const MAX_GROUP_EXAMINED = 5000;
const MERGE_OVERLAP = 0.3;
const TARGET_FLAGGED_SHARE = 0.3;

export function scanRatings(
  ratings: readonly Rating[] | RatingMatrix,
  options: ScanOptions = {},
): ScanResult {
  const m = Array.isArray(ratings) ? buildRatingMatrix(ratings as Rating[]) : (ratings as RatingMatrix);
  const nUsers = m.userIds.length;
  if (nUsers < 3 || m.maxRating === m.minRating) return { suspicious_users: [], target_items: [] };
  const items = itemStatistics(m);
  const anomaly = userAnomaly(profileFeatures(m, items, { k: options.k ?? 25 }), pcaVarSelectScores(m));
  const ranks = percentileRanks(anomaly.score);
  const names = Object.keys(anomaly.z) as FeatureName[];

  const featureRanks = names.map((k) => percentileRanks(anomaly.z[k]));
  // Users who rate nearly everything at one end are left out at that end (see `indiscriminateUsers`).
  const skip = indiscriminateUsers(m);
  // Popularity spread is one-sided (high: filler drawn uniformly, see `popularitySpread`), and its
  // high end is also tried wider (`candidateItems`).
  const wide = [featureRanks[names.indexOf('spread')]!];
  const threshold = options.itemThreshold ?? 6;
  const candidates = [
    ...candidateItems(m, ranks, threshold, featureRanks, skip, wide),
    // Profiles that rate everything at the pushed end (filler included) are indiscriminate and left
    // out above: their target is the item far more of them rated than their tastes predict.
    ...indiscriminateCandidates(m, skip, threshold, options.minGroup ?? 5),
  ];
  const groups = candidates
    .map((c) => {
      const raters = extremeRaters(m, c.item, c.direction, skip, c.indiscriminate).slice(
        0,
        MAX_GROUP_EXAMINED,
      );
      const members = separatedGroup(raters, anomaly.score, ranks, anomaly.z, names, {
        ...options,
        signature: wide[0],
      });
      return { ...c, members, purity: raters.length ? members.length / raters.length : 0 };
    })
    .filter((g) => g.members.length > 0)
    // Large, pure groups first: an attack's target is rated at the extreme by the whole attack and
    // few others, popular items it also rates (bandwagon) have many genuine fans, and filler items
    // (rated at the extremes by segment and love-hate profiles) draw only a few attack profiles each.
    .sort((a, b) => b.members.length * b.purity - a.members.length * a.purity || b.z - a.z);
  const flagged = new Map<number, { target: number; direction: Direction; z: number }>();
  for (const g of groups) {
    const known = g.members.filter((u) => flagged.has(u)).length;
    // Mostly the same people as a group already kept: the same attack seen through another item, so
    // it confirms those users but adds none (its extra members are that item's genuine fans).
    if (known >= MERGE_OVERLAP * g.members.length) continue;
    for (const u of g.members)
      if (!flagged.has(u)) flagged.set(u, { target: g.item, direction: g.direction, z: g.z });
  }

  const isFlagged = new Uint8Array(nUsers);
  for (const u of flagged.keys()) isFlagged[u] = 1;
  const target_items = scoreTargets(m, isFlagged, flagged.size / nUsers, options.minGroup ?? 5);
  const suspicious_users = [...flagged.entries()]
    .map(([u, why]) => ({
      user: m.userIds[u]!,
      score: round(anomaly.score[u]!),
      reasons: [
        { code: why.direction === 'push' ? 'pushed-target' : 'nuked-target', value: round(why.z) },
        ...featureReasons(anomaly.z, names, u),
      ],
    }))
    .sort((a, b) => b.score - a.score || compareIds(a.user, b.user));
  return { suspicious_users, target_items };
}

/** Items rated at an extreme by more flagged users than chance gives, with that surprise (-log10 p). */
function scoreTargets(m: RatingMatrix, isFlagged: Uint8Array, share: number, minGroup: number): TargetItem[] {
  if (share === 0) return [];
  const out: TargetItem[] = [];
  const logFact = logFactorials(m.userIds.length);
  for (let i = 0; i < m.itemIds.length; i++) {
    for (const direction of ['push', 'nuke'] as const) {
      const raters = extremeRaters(m, i, direction);
      let k = 0;
      for (const u of raters) k += isFlagged[u]!;
      if (k < minGroup) continue;
      const n = raters.length;
      const surprise = binomialSurprise(k, n, share, logFact);
      // A pushed item is one many of whose fans are flagged; popular items flagged users also rate
      // at the top (bandwagon) are surprising too, but only a small share of their fans is flagged.
      if (k / n >= TARGET_FLAGGED_SHARE && surprise >= 6)
        out.push({ item: m.itemIds[i]!, score: round(surprise), direction });
    }
  }
  return out.sort((a, b) => b.score - a.score || compareIds(a.item, b.item));
}

const REASON_Z = 3;
function featureReasons(z: Record<FeatureName, Float64Array>, names: FeatureName[], u: number): Reason[] {
  return names
    .filter((k) => Math.abs(z[k][u]!) >= REASON_Z)
    .map((k) => ({ code: `${z[k][u]! > 0 ? 'high' : 'low'}-${k}`, value: round(z[k][u]!) }));
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

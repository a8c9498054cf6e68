/**
 * Rating data as the integrity checks see it: ids stay strings exactly as they appear in the input,
 * and a `RatingMatrix` indexes them once (compressed rows by user and by item) so every feature is a
 * walk over sparse arrays rather than a hash lookup per rating.
 */
import { AppError } from '../core/errors.js';

export interface Rating {
  user: string;
  item: string;
  rating: number;
  /** Seconds since the epoch, when the source has one. */
  timestamp?: number;
}

export interface RatingMatrix {
  userIds: string[];
  itemIds: string[];
  /** Ratings of user u are `userItems/userValues[userStart[u] .. userStart[u + 1])`. */
  userStart: Int32Array;
  userItems: Int32Array;
  userValues: Float64Array;
  /** Ratings of item i are `itemUsers/itemValues[itemStart[i] .. itemStart[i + 1])`. */
  itemStart: Int32Array;
  itemUsers: Int32Array;
  itemValues: Float64Array;
  /**
   * The rating scale: the lowest and highest value in common use (see `ratingScale`). Rarer values
   * beyond it are clamped to it in `userValues` and `itemValues`.
   */
  minRating: number;
  maxRating: number;
  /** How many ratings lay beyond the scale and were clamped. */
  outOfScale: number;
}

/** A value is part of the scale once this share of the ratings (and at least 3) use it. */
const SCALE_SHARE = 0.005;

/**
 * The scale from the values in common use. Taking the bare minimum and maximum let one stray rating
 * (a 6 on a 1-5 scale, a 0) move the scale's end, so that nobody rated at the top any more and a push
 * attack at 5 went unseen: a poisoner only had to add that one rating.
 */
function ratingScale(values: readonly number[]): { min: number; max: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const needed = Math.max(3, Math.ceil(SCALE_SHARE * values.length));
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const [v, n] of counts) {
    if (n < needed) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min < max) return { min, max };
  // Too few ratings for two values to be common: the observed range.
  for (const v of counts.keys()) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? { min, max } : { min: 0, max: 0 };
}

/** Up to ten million ratings in memory: beyond that a caller should scan in batches. */
export const MAX_RATINGS = 10_000_000;

/** Builds the sparse index. A user who rated the same item twice keeps the last rating. */
export function buildRatingMatrix(ratings: readonly Rating[]): RatingMatrix {
  if (ratings.length > MAX_RATINGS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `At most ${MAX_RATINGS} ratings can be scanned at once`);
  }
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const cellOf = new Map<number, number>();
  const us: number[] = [];
  const is: number[] = [];
  const vs: number[] = [];
  for (const r of ratings) {
    if (!Number.isFinite(r.rating)) throw new AppError('VALIDATION', 'A rating is not a finite number');
    let u = userIndex.get(r.user);
    if (u === undefined) {
      u = userIndex.size;
      userIndex.set(r.user, u);
    }
    let i = itemIndex.get(r.item);
    if (i === undefined) {
      i = itemIndex.size;
      itemIndex.set(r.item, i);
    }
    // u * 2^26 + i stays an exact integer for up to 2^26 items, far above MAX_RATINGS.
    const key = u * 67_108_864 + i;
    const seen = cellOf.get(key);
    if (seen !== undefined) {
      vs[seen] = r.rating;
    } else {
      cellOf.set(key, vs.length);
      us.push(u);
      is.push(i);
      vs.push(r.rating);
    }
  }
  const scale = ratingScale(vs);
  let outOfScale = 0;
  const nUsers = userIndex.size;
  const nItems = itemIndex.size;
  const userStart = prefixCounts(us, nUsers);
  const itemStart = prefixCounts(is, nItems);
  const userItems = new Int32Array(vs.length);
  const userValues = new Float64Array(vs.length);
  const itemUsers = new Int32Array(vs.length);
  const itemValues = new Float64Array(vs.length);
  const uFill = userStart.slice(0, nUsers);
  const iFill = itemStart.slice(0, nItems);
  for (let k = 0; k < vs.length; k++) {
    const u = us[k]!;
    const i = is[k]!;
    const raw = vs[k]!;
    const v = Math.min(scale.max, Math.max(scale.min, raw));
    if (v !== raw) outOfScale++;
    const pu = uFill[u]!++;
    userItems[pu] = i;
    userValues[pu] = v;
    const pi = iFill[i]!++;
    itemUsers[pi] = u;
    itemValues[pi] = v;
  }
  return {
    userIds: [...userIndex.keys()],
    itemIds: [...itemIndex.keys()],
    userStart,
    userItems,
    userValues,
    itemStart,
    itemUsers,
    itemValues,
    minRating: scale.min,
    maxRating: scale.max,
    outOfScale,
  };
}

function prefixCounts(keys: readonly number[], n: number): Int32Array {
  const start = new Int32Array(n + 1);
  for (const k of keys) start[k + 1]!++;
  for (let j = 0; j < n; j++) start[j + 1]! += start[j]!;
  return start;
}

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

/** A value is part of the scale once this share of the ratings (and at least 3) use it... */
const SCALE_SHARE = 0.005;
/**
 * ... and, at the ends, this share of the users (at least 3): a handful of accounts could otherwise
 * move the scale's end with a few hundred ratings (see `ratingScale`). Genuine users spread their
 * ratings: on 1-5 data four fifths of them give a 1 at some point.
 */
const SCALE_USER_SHARE = 0.02;
const MAX_DROPPED = 8;

export interface RatingScale {
  min: number;
  max: number;
}

/**
 * The scale from the values in common use. Taking the bare minimum and maximum let one stray rating
 * (a 6 on a 1-5 scale, a 0) move the scale's end, so that nobody rated at the top any more and a push
 * attack at 5 went unseen: a poisoner only had to add that one rating. With `users` (the user index
 * of each value, `nUsers` of them) an end value must also be used by enough distinct users. A
 * determined poisoner with enough accounts can still move an inferred scale: callers who know the
 * scale (or trust older data) should force it (`BuildOptions.scale`).
 */
export function ratingScale(values: ArrayLike<number>, users?: ArrayLike<number>, nUsers = 0): RatingScale {
  const counts = new Map<number, number>();
  for (let k = 0; k < values.length; k++) counts.set(values[k]!, (counts.get(values[k]!) ?? 0) + 1);
  const needed = Math.max(3, Math.ceil(SCALE_SHARE * values.length));
  const common = [...counts].filter(([, n]) => n >= needed).map(([v]) => v);
  common.sort((a, b) => a - b);
  if (users && nUsers > 0 && common.length > 2) {
    const neededUsers = Math.max(3, Math.ceil(SCALE_USER_SHARE * nUsers));
    const seen = new Uint8Array(nUsers);
    const spread = (v: number) => {
      seen.fill(0);
      let distinct = 0;
      for (let k = 0; k < values.length && distinct < neededUsers; k++) {
        if (values[k] === v && !seen[users[k]!]) {
          seen[users[k]!] = 1;
          distinct++;
        }
      }
      return distinct >= neededUsers;
    };
    // A few values per end at most (each check is a pass over the ratings).
    for (let n = 0; n < MAX_DROPPED && common.length > 2 && !spread(common[0]!); n++) common.shift();
    for (let n = 0; n < MAX_DROPPED && common.length > 2 && !spread(common[common.length - 1]!); n++)
      common.pop();
  }
  if (common.length >= 2) return { min: common[0]!, max: common[common.length - 1]! };
  // Too few ratings for two values to be common: the observed range.
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of counts.keys()) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? { min, max } : { min: 0, max: 0 };
}

/** `ratingScale` of a list of ratings (users counted by id). */
export function inferRatingScale(ratings: readonly Rating[]): RatingScale {
  const index = new Map<string, number>();
  const users = new Int32Array(ratings.length);
  const values = new Float64Array(ratings.length);
  ratings.forEach((r, k) => {
    let u = index.get(r.user);
    if (u === undefined) {
      u = index.size;
      index.set(r.user, u);
    }
    users[k] = u;
    values[k] = r.rating;
  });
  return ratingScale(values, users, index.size);
}

/** Up to ten million ratings in memory: beyond that a caller should scan in batches. */
export const MAX_RATINGS = 10_000_000;

export interface BuildOptions {
  /**
   * The scale to use instead of inferring it from the ratings (values beyond it are clamped): a
   * sizeable share of ratings beyond the real scale (0.5% of 6s on a 1-5 scale) moves an inferred
   * scale, and then nobody rates at its top and push attacks go unseen.
   */
  scale?: RatingScale;
}

/** Builds the sparse index. A user who rated the same item twice keeps the last rating. */
export function buildRatingMatrix(ratings: readonly Rating[], options: BuildOptions = {}): RatingMatrix {
  if (ratings.length > MAX_RATINGS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `At most ${MAX_RATINGS} ratings can be scanned at once`);
  }
  const forced = options.scale;
  if (forced && !(Number.isFinite(forced.min) && Number.isFinite(forced.max) && forced.min < forced.max)) {
    throw new AppError('VALIDATION', 'A rating scale needs finite MIN < MAX');
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
  const scale = forced ?? ratingScale(vs, us, userIndex.size);
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

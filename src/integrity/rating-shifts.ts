/**
 * Target items seen through time: an item whose share of top (push) or bottom (nuke) ratings jumps
 * after some moment, the way an injected attack lands in a batch. For each item with timestamps, every
 * split point is tried (prefix sums, so linear per item) and the two shares of extreme ratings,
 * before and after, are compared with a pooled two-proportion z-test (both shares are estimates: a
 * test that took the early share as known would fire on every item with a few quiet first days).
 * Trying every split inflates the maximum, hence a high default threshold and a minimum jump.
 */
import type { Rating } from './ratings.js';

export interface RatingShift {
  item: string;
  direction: 'push' | 'nuke';
  /** Two-proportion z-score of the jump in the share of extreme ratings. */
  score: number;
  /** Timestamp of the first rating after the split. */
  at: number;
  before_share: number;
  after_share: number;
}

export interface ShiftOptions {
  /** Ratings on each side of a split (default 10 before, 5 after). */
  minBefore?: number;
  minAfter?: number;
  /** Smallest z-score reported (default 6). */
  threshold?: number;
  /** Smallest jump in the share of extreme ratings (default 0.3). */
  minJump?: number;
}

export function detectRatingShifts(ratings: readonly Rating[], options: ShiftOptions = {}): RatingShift[] {
  const minBefore = options.minBefore ?? 10;
  const minAfter = options.minAfter ?? 5;
  const threshold = options.threshold ?? 6;
  const minJump = options.minJump ?? 0.3;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const byItem = new Map<string, Array<{ t: number; r: number }>>();
  for (const x of ratings) {
    if (x.timestamp === undefined) continue;
    lo = Math.min(lo, x.rating);
    hi = Math.max(hi, x.rating);
    const list = byItem.get(x.item);
    if (list) list.push({ t: x.timestamp, r: x.rating });
    else byItem.set(x.item, [{ t: x.timestamp, r: x.rating }]);
  }
  if (!(hi > lo)) return [];
  const out: RatingShift[] = [];
  for (const [item, list] of byItem) {
    if (list.length < minBefore + minAfter) continue;
    list.sort((a, b) => a.t - b.t);
    for (const [direction, extreme] of [
      ['push', hi],
      ['nuke', lo],
    ] as const) {
      const total = list.filter((x) => x.r === extreme).length;
      let before = 0;
      let best: RatingShift | undefined;
      for (let split = 1; split < list.length; split++) {
        if (list[split - 1]!.r === extreme) before++;
        // Only between distinct timestamps: ties cannot be ordered.
        if (split < minBefore || list.length - split < minAfter || list[split]!.t === list[split - 1]!.t)
          continue;
        const nAfter = list.length - split;
        const kAfter = total - before;
        const jump = kAfter / nAfter - before / split;
        if (jump < minJump) continue;
        const pooled = total / list.length;
        const score = jump / Math.sqrt(pooled * (1 - pooled) * (1 / split + 1 / nAfter));
        if (score >= threshold && (!best || score > best.score)) {
          best = {
            item,
            direction,
            score: Math.round(score * 1000) / 1000,
            at: list[split]!.t,
            before_share: before / split,
            after_share: kAfter / nAfter,
          };
        }
      }
      if (best) out.push(best);
    }
  }
  return out.sort((a, b) => b.score - a.score || (a.item < b.item ? -1 : 1));
}

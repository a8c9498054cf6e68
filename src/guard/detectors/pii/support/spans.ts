/**
 * Overlap tests in O(log n), so checking every candidate against every earlier finding never turns
 * quadratic on a long text.
 */
export interface Interval {
  start: number;
  end: number;
}

/** Returns a test "does [start, end) overlap any of these spans?" built once over the spans. */
export function overlapIndex(spans: readonly Interval[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  // maxEnd[i]: the furthest end among the first i + 1 spans.
  const maxEnd: number[] = [];
  for (const [i, s] of sorted.entries()) maxEnd.push(Math.max(s.end, i > 0 ? maxEnd[i - 1]! : -1));
  return (start, end) => {
    // Last span that starts before `end`.
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && maxEnd[found]! > start;
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapIndex } from './spans.js';

describe('overlapIndex', () => {
  it('agrees with the quadratic check', () => {
    const span = fc
      .tuple(fc.nat(200), fc.integer({ min: 1, max: 30 }))
      .map(([s, n]) => ({ start: s, end: s + n }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), span, (spans, q) => {
        const slow = spans.some((s) => q.start < s.end && s.start < q.end);
        expect(overlapIndex(spans)(q.start, q.end)).toBe(slow);
      }),
      { numRuns: 2000 },
    );
  });
});

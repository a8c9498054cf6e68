/**
 * Table-driven tests for detectors, after ESLint's RuleTester: `valid` texts must yield nothing,
 * `invalid` texts must yield exactly the listed findings (entity and the exact text matched).
 * Imported by the `*.test.ts` files only.
 */
import { describe, expect, it } from 'vitest';
import type { DetectContext, Detector, Lang } from '../../../types.js';

export interface ValidCase {
  text: string;
  lang?: Lang;
  context?: Partial<DetectContext>;
  /** Why this must not be reported. */
  note?: string;
}

export interface InvalidCase extends ValidCase {
  /** Expected findings, in order of offset: the entity and the exact text found. */
  found: Array<{ entity: string; text: string; rule?: string }>;
}

export function ruleTester(detector: Detector, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const run = (c: ValidCase) =>
    detector
      .detect(c.text, { lang: c.lang ?? 'en', profile: 'input', ...c.context })
      .sort((a, b) => a.start - b.start);

  describe(detector.meta.id, () => {
    it('has messages in English and French for every message id it reports', () => {
      for (const m of Object.values(detector.meta.messages)) {
        expect(m.en.length).toBeGreaterThan(0);
        expect(m.fr.length).toBeGreaterThan(0);
      }
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    it.each(cases.valid.map((c) => [c.text.slice(0, 60), c] as const))('valid: %s', (_, c) => {
      expect(run(c).map((d) => c.text.slice(d.start, d.end))).toEqual([]);
    });

    it.each(cases.invalid.map((c) => [c.text.slice(0, 60), c] as const))('invalid: %s', (_, c) => {
      const found = run(c);
      expect(found.map((d) => ({ entity: d.entity, text: c.text.slice(d.start, d.end) }))).toEqual(
        c.found.map((f) => ({ entity: f.entity, text: f.text })),
      );
      for (const d of found) {
        expect(d.messageId in detector.meta.messages).toBe(true);
        expect(d.confidence).toBeGreaterThan(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        // The raw value never travels in `data`.
        for (const v of Object.values(d.data ?? {}))
          expect(c.text.slice(d.start, d.end).includes(String(v)) && String(v).length > 3).toBe(false);
      }
      for (const [i, f] of c.found.entries()) if (f.rule) expect(found[i]?.rule).toBe(f.rule);
    });
  });
}

import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { type FairnessRow, fairnessReport, parseBinary } from './fairness.js';

/** n rows of one group with the given prediction and label. */
const rows = (group: string, n: number, pred: string, label: string): FairnessRow[] =>
  Array.from({ length: n }, () => ({ g: group, p: pred, y: label }));

// Group m (privileged), 10 rows: 6 positives of which 5 predicted 1, 4 negatives of which 1 predicted 1.
//   SR = 6/10 = 0.6, TPR = 5/6, FPR = 1/4.
// Group f, 8 rows: 4 positives of which 2 predicted 1, 4 negatives of which 1 predicted 1.
//   SR = 3/8 = 0.375, TPR = 2/4 = 0.5, FPR = 1/4.
const TWO_GROUPS: FairnessRow[] = [
  ...rows('m', 5, '1', '1'),
  ...rows('m', 1, '0', '1'),
  ...rows('m', 1, 'yes', 'no'),
  ...rows('m', 3, 'no', 'no'),
  ...rows('f', 2, 'true', 'true'),
  ...rows('f', 2, 'false', 'true'),
  ...rows('f', 1, '1', '0'),
  ...rows('f', 3, '0', '0'),
];
// Group x, 2 rows: one positive predicted 1, one negative predicted 0. SR = 0.5, TPR = 1, FPR = 0.
const THREE_GROUPS = [...TWO_GROUPS, ...rows('x', 1, '1', '1'), ...rows('x', 1, '0', '0')];

describe('fairnessReport', () => {
  it('matches hand-computed values for two groups', () => {
    const r = fairnessReport(TWO_GROUPS, { prediction: 'p', group: 'g', label: 'y', privileged: 'm' });
    expect(r.groups.m).toEqual({ n: 10, selection_rate: 0.6, tpr: 5 / 6, fpr: 0.25 });
    expect(r.groups.f).toEqual({ n: 8, selection_rate: 0.375, tpr: 0.5, fpr: 0.25 });
    const m = r.metrics;
    expect(m.demographic_parity_difference).toBeCloseTo(0.225, 9); // 0.6 - 0.375
    expect(m.demographic_parity_ratio).toBeCloseTo(0.625, 9); // 0.375 / 0.6
    expect(m.equalized_odds_difference).toBeCloseTo(1 / 3, 9); // max(5/6 - 1/2, 1/4 - 1/4)
    expect(m.equalized_odds_ratio).toBeCloseTo(0.6, 9); // min((1/2)/(5/6), (1/4)/(1/4))
    expect(m.equal_opportunity_difference).toBeCloseTo(1 / 3, 9); // 5/6 - 1/2
    expect(m.statistical_parity_difference).toBeCloseTo(-0.225, 9); // 0.375 - 0.6
    expect(m.disparate_impact).toBeCloseTo(0.625, 9); // 0.375 / 0.6
    expect(m.four_fifths_rule_passed).toBe(false); // 0.625 < 0.8
    expect(m.average_odds_difference).toBeCloseTo(-1 / 6, 9); // ((1/4 - 1/4) + (1/2 - 5/6)) / 2
  });

  it('pools every non-privileged group for the AIF360 metrics and takes extremes for Fairlearn', () => {
    const m = fairnessReport(THREE_GROUPS, {
      prediction: 'p',
      group: 'g',
      label: 'y',
      privileged: 'm',
    }).metrics;
    // Fairlearn over SR {0.6, 0.375, 0.5}, TPR {5/6, 1/2, 1}, FPR {1/4, 1/4, 0}.
    expect(m.demographic_parity_difference).toBeCloseTo(0.225, 9);
    expect(m.demographic_parity_ratio).toBeCloseTo(0.625, 9);
    expect(m.equalized_odds_difference).toBeCloseTo(0.5, 9); // max(1 - 1/2, 1/4 - 0)
    expect(m.equalized_odds_ratio).toBeCloseTo(0, 9); // min((1/2)/1, 0/(1/4))
    expect(m.equal_opportunity_difference).toBeCloseTo(0.5, 9);
    // Unprivileged = f + x: 10 rows, 4 selected (SR 0.4); 5 positives, 3 TP (TPR 0.6); 5 negatives, 1 FP (FPR 0.2).
    expect(m.statistical_parity_difference).toBeCloseTo(-0.2, 9); // 0.4 - 0.6
    expect(m.disparate_impact).toBeCloseTo(2 / 3, 9); // 0.4 / 0.6
    expect(m.four_fifths_rule_passed).toBe(false);
    expect(m.average_odds_difference).toBeCloseTo(-17 / 120, 9); // ((0.2 - 0.25) + (0.6 - 5/6)) / 2
  });

  it('passes the four-fifths rule at exactly 0.8 and reports no odds metrics without labels', () => {
    // a: 5 of 10 selected (0.5); b: 4 of 10 (0.4); DI = 0.4 / 0.5 = 0.8.
    const data = [
      ...rows('a', 5, '1', '1'),
      ...rows('a', 5, '0', '1'),
      ...rows('b', 4, '1', '1'),
      ...rows('b', 6, '0', '1'),
    ];
    const r = fairnessReport(data, { prediction: 'p', group: 'g', privileged: 'a' });
    expect(r.groups.a).toEqual({ n: 10, selection_rate: 0.5 });
    expect(r.metrics.disparate_impact).toBeCloseTo(0.8, 9);
    expect(r.metrics.four_fifths_rule_passed).toBe(true);
    expect(r.metrics.statistical_parity_difference).toBeCloseTo(-0.1, 9);
    expect(r.metrics).not.toHaveProperty('equalized_odds_difference');
    expect(r.metrics).not.toHaveProperty('average_odds_difference');
  });

  it('gives a group with no positive labels TPR 0, as Fairlearn does', () => {
    // d: 3 negatives, 1 predicted 1 -> TPR 0 (no positives), FPR 1/3. m as above.
    const data = [
      ...TWO_GROUPS.filter((r) => r.g === 'm'),
      ...rows('d', 1, '1', '0'),
      ...rows('d', 2, '0', '0'),
    ];
    const r = fairnessReport(data, { prediction: 'p', group: 'g', label: 'y' });
    expect(r.groups.d).toEqual({ n: 3, selection_rate: 1 / 3, tpr: 0, fpr: 1 / 3 });
    expect(r.metrics.equal_opportunity_difference).toBeCloseTo(5 / 6, 9); // 5/6 - 0
    expect(r.metrics.equalized_odds_ratio).toBeCloseTo(0, 9); // 0 / (5/6)
  });

  it('handles a single group: no disparity', () => {
    const r = fairnessReport(rows('solo', 4, '1', '1'), { prediction: 'p', group: 'g', label: 'y' });
    expect(r.metrics.demographic_parity_difference).toBe(0);
    expect(r.metrics.demographic_parity_ratio).toBe(1);
    expect(r.metrics.equalized_odds_difference).toBe(0);
  });

  it('gives null ratios when nobody is selected anywhere', () => {
    const r = fairnessReport([...rows('a', 2, '0', '0'), ...rows('b', 2, '0', '0')], {
      prediction: 'p',
      group: 'g',
      privileged: 'a',
    });
    expect(r.metrics.demographic_parity_ratio).toBeNull();
    expect(r.metrics.disparate_impact).toBeNull();
  });

  it('passes the four-fifths rule at an exact 4/5 that floating point puts just below', () => {
    // u: 2 of 3 selected (2/3); p: 5 of 6 (5/6). DI = (2/3) / (5/6) = 12/15 = 4/5 exactly, but the
    // double division gives 0.7999999999999999. Integer test: 5 * 2 * 6 = 60 >= 4 * 5 * 3 = 60.
    const data = [
      ...rows('u', 2, '1', '1'),
      ...rows('u', 1, '0', '1'),
      ...rows('p', 5, '1', '1'),
      ...rows('p', 1, '0', '1'),
    ];
    const m = fairnessReport(data, { prediction: 'p', group: 'g', privileged: 'p' }).metrics;
    expect(m.disparate_impact).toBeCloseTo(0.8, 9);
    expect(m.four_fifths_rule_passed).toBe(true);
    expect(m.statistical_parity_difference).toBeCloseTo(-1 / 6, 9); // 2/3 - 5/6
    // One fewer selected in u (1/3): DI = (1/3) / (5/6) = 0.4 < 0.8.
    const worse = [
      ...rows('u', 1, '1', '1'),
      ...rows('u', 2, '0', '1'),
      ...rows('p', 5, '1', '1'),
      ...rows('p', 1, '0', '1'),
    ];
    expect(
      fairnessReport(worse, { prediction: 'p', group: 'g', privileged: 'p' }).metrics.four_fifths_rule_passed,
    ).toBe(false);
  });

  it('gives null disparate impact and passes the rule when the privileged group selects nobody', () => {
    // AIF360: 1 / 0 = Infinity, which JSON cannot carry. SPD = 1 - 0 = 1.
    const m = fairnessReport([...rows('u', 2, '1', '1'), ...rows('p', 2, '0', '1')], {
      prediction: 'p',
      group: 'g',
      privileged: 'p',
    }).metrics;
    expect(m.disparate_impact).toBeNull();
    expect(m.four_fifths_rule_passed).toBe(true);
    expect(m.statistical_parity_difference).toBe(1);
  });

  it("follows Fairlearn's worst-case min for equalized_odds_ratio when one ratio is 0/0", () => {
    // a: 4 positives, 2 predicted 1 (TPR 1/2); 2 negatives, none predicted 1 (FPR 0).
    // b: 4 positives, 1 predicted 1 (TPR 1/4); 2 negatives, none predicted 1 (FPR 0).
    // TPR ratio = (1/4) / (1/2) = 0.5; FPR ratio = 0 / 0 = NaN; Python min([0.5, nan]) = 0.5.
    const data = [
      ...rows('a', 2, '1', '1'),
      ...rows('a', 2, '0', '1'),
      ...rows('a', 2, '0', '0'),
      ...rows('b', 1, '1', '1'),
      ...rows('b', 3, '0', '1'),
      ...rows('b', 2, '0', '0'),
    ];
    const m = fairnessReport(data, { prediction: 'p', group: 'g', label: 'y', privileged: 'a' }).metrics;
    expect(m.equalized_odds_ratio).toBeCloseTo(0.5, 9);
    expect(m.equalized_odds_difference).toBeCloseTo(0.25, 9); // max(1/2 - 1/4, 0 - 0)
    expect(m.average_odds_difference).toBeCloseTo(-0.125, 9); // ((0 - 0) + (1/4 - 1/2)) / 2
    // Every TPR 0: min([nan, ...]) = NaN -> null.
    const noTp = [
      ...rows('a', 2, '0', '1'),
      ...rows('a', 1, '1', '0'),
      ...rows('b', 2, '0', '1'),
      ...rows('b', 1, '0', '0'),
    ];
    expect(
      fairnessReport(noTp, { prediction: 'p', group: 'g', label: 'y' }).metrics.equalized_odds_ratio,
    ).toBeNull();
  });

  it('gives a null average odds difference when a side has no negatives (AIF360: FP / N = NaN)', () => {
    const data = [...rows('a', 2, '1', '1'), ...rows('b', 1, '1', '1'), ...rows('b', 1, '0', '0')];
    const m = fairnessReport(data, { prediction: 'p', group: 'g', label: 'y', privileged: 'a' }).metrics;
    expect(m.average_odds_difference).toBeNull();
    expect(m.statistical_parity_difference).toBeCloseTo(-0.5, 9); // 1/2 - 1
  });

  it('keeps a group called __proto__ and copes with very many groups', () => {
    const r = fairnessReport([...rows('__proto__', 2, '1', '1'), ...rows('b', 2, '0', '0')], {
      prediction: 'p',
      group: 'g',
    });
    expect(Object.keys(r.groups)).toEqual(['__proto__', 'b']);
    expect(Object.entries(JSON.parse(JSON.stringify(r)).groups)[0]).toEqual([
      '__proto__',
      { n: 2, selection_rate: 1 },
    ]);
    expect(r.metrics.demographic_parity_difference).toBe(1);
    const many = Array.from({ length: 200_000 }, (_, i) => ({ g: `id${i}`, p: i % 2 ? '1' : '0' }));
    expect(fairnessReport(many, { prediction: 'p', group: 'g' }).metrics.demographic_parity_difference).toBe(
      1,
    );
  });

  it.each([
    ['a missing prediction column', { prediction: 'nope', group: 'g' }],
    ['a missing group column', { prediction: 'p', group: 'nope' }],
    ['a missing label column', { prediction: 'p', group: 'g', label: 'nope' }],
    ['an unknown privileged value', { prediction: 'p', group: 'g', privileged: 'zz' }],
    ['an inherited name as column', { prediction: 'p', group: 'toString' }],
  ])('rejects %s with VALIDATION', (_name, options) => {
    expect(() => fairnessReport(TWO_GROUPS, options)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION' }) as unknown as Error,
    );
  });

  it('rejects non-binary predictions, empty input and an all-privileged audit', () => {
    const bad = [{ g: 'a', p: 'maybe' }];
    for (const run of [
      () => fairnessReport(bad, { prediction: 'p', group: 'g' }),
      () => fairnessReport([], { prediction: 'p', group: 'g' }),
      () => fairnessReport(rows('a', 2, '1', '1'), { prediction: 'p', group: 'g', privileged: 'a' }),
    ]) {
      expect(run).toThrow(AppError);
    }
  });
});

describe('parseBinary', () => {
  it.each([
    ['1', true],
    ['0', false],
    ['TRUE', true],
    [' false ', false],
    ['Yes', true],
    ['no', false],
    ['oui', true],
    ['non', false],
    [1, true],
    [0, false],
    [true, true],
    ['2', undefined],
    ['', undefined],
    [0.5, undefined],
    [null, undefined],
  ])('%j -> %j', (input, expected) => {
    expect(parseBinary(input)).toBe(expected);
  });
});

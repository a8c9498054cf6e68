/**
 * Bias audit of binary decisions against a protected attribute.
 *
 * Group metrics and the between-group disparities use Fairlearn's names and definitions
 * (`fairlearn.metrics`, MetricFrame "between_groups" aggregation):
 * - demographic_parity_difference = max_g SR_g - min_g SR_g, where SR = P(prediction = 1);
 * - demographic_parity_ratio = min_g SR_g / max_g SR_g;
 * - equalized_odds_difference = max(TPR difference, FPR difference) ("worst_case");
 * - equalized_odds_ratio = min(TPR ratio, FPR ratio);
 * - equal_opportunity_difference = max_g TPR_g - min_g TPR_g.
 * A group without positive labels has TPR 0 (and without negatives FPR 0), as Fairlearn gets from
 * scikit-learn's normalised confusion matrix. A ratio of 0 / 0 is `null` (Fairlearn gives NaN).
 *
 * Relative to a privileged group value, AIF360's `BinaryLabelDatasetMetric` / `ClassificationMetric`
 * definitions, where "unprivileged" is every row whose group is not the privileged value:
 * - statistical_parity_difference = SR_unpriv - SR_priv;
 * - disparate_impact = SR_unpriv / SR_priv, with `four_fifths_rule_passed` = disparate_impact >= 0.8;
 * - average_odds_difference = ((FPR_unpriv - FPR_priv) + (TPR_unpriv - TPR_priv)) / 2.
 */
import { AppError } from '../core/errors.js';

export interface FairnessOptions {
  /** Column holding the decision: 1/0, true/false, yes/no. */
  prediction: string;
  /** Column holding the protected attribute. */
  group: string;
  /** Column holding the true outcome (same encodings); enables TPR, FPR and the odds metrics. */
  label?: string;
  /** Group value taken as privileged for the AIF360 metrics. */
  privileged?: string;
}

export interface GroupStats {
  n: number;
  selection_rate: number;
  tpr?: number;
  fpr?: number;
}

export interface FairnessMetrics {
  demographic_parity_difference: number;
  demographic_parity_ratio: number | null;
  equalized_odds_difference?: number;
  equalized_odds_ratio?: number | null;
  equal_opportunity_difference?: number;
  statistical_parity_difference?: number;
  disparate_impact?: number | null;
  four_fifths_rule_passed?: boolean;
  average_odds_difference?: number;
}

export interface FairnessReport {
  groups: Record<string, GroupStats>;
  metrics: FairnessMetrics;
}

export type FairnessRow = Record<string, unknown>;

export const FOUR_FIFTHS = 0.8;
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 't', 'oui']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'f', 'non']);

/** Reads 1/0, true/false, yes/no (any case, trimmed), booleans and the numbers 1 and 0. */
export function parseBinary(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return undefined;
}

interface Counts {
  n: number;
  selected: number;
  positives: number;
  truePositives: number;
  negatives: number;
  falsePositives: number;
}

const emptyCounts = (): Counts => ({
  n: 0,
  selected: 0,
  positives: 0,
  truePositives: 0,
  negatives: 0,
  falsePositives: 0,
});

export function fairnessReport(rows: readonly FairnessRow[], options: FairnessOptions): FairnessReport {
  if (rows.length === 0) throw new AppError('VALIDATION', 'No rows to audit');
  const first = rows[0]!;
  for (const col of [options.prediction, options.group, options.label]) {
    if (col !== undefined && !(col in first)) throw new AppError('VALIDATION', `Missing column "${col}"`);
  }
  const byGroup = new Map<string, Counts>();
  rows.forEach((row, index) => {
    const pred = parseBinary(row[options.prediction]);
    if (pred === undefined) throw notBinary(index, options.prediction);
    const raw = row[options.group];
    if (raw === undefined || raw === null)
      throw new AppError('VALIDATION', `Row ${index + 1}: missing group`);
    const key = String(raw);
    let c = byGroup.get(key);
    if (!c) {
      c = emptyCounts();
      byGroup.set(key, c);
    }
    c.n++;
    if (pred) c.selected++;
    if (options.label !== undefined) {
      const label = parseBinary(row[options.label]);
      if (label === undefined) throw notBinary(index, options.label);
      if (label) {
        c.positives++;
        if (pred) c.truePositives++;
      } else {
        c.negatives++;
        if (pred) c.falsePositives++;
      }
    }
  });
  if (options.privileged !== undefined && !byGroup.has(options.privileged)) {
    throw new AppError('VALIDATION', `The privileged value does not occur in column "${options.group}"`);
  }
  const hasLabel = options.label !== undefined;
  const groups: Record<string, GroupStats> = {};
  for (const key of [...byGroup.keys()].sort()) {
    const c = byGroup.get(key)!;
    groups[key] = hasLabel
      ? { n: c.n, selection_rate: rate(c.selected, c.n), tpr: tpr(c), fpr: fpr(c) }
      : { n: c.n, selection_rate: rate(c.selected, c.n) };
  }
  const stats = Object.values(groups);
  const sr = stats.map((g) => g.selection_rate);
  const metrics: FairnessMetrics = {
    demographic_parity_difference: spread(sr),
    demographic_parity_ratio: ratio(sr),
  };
  if (hasLabel) {
    const tprs = stats.map((g) => g.tpr!);
    const fprs = stats.map((g) => g.fpr!);
    metrics.equalized_odds_difference = Math.max(spread(tprs), spread(fprs));
    const r1 = ratio(tprs);
    const r2 = ratio(fprs);
    metrics.equalized_odds_ratio = r1 === null || r2 === null ? null : Math.min(r1, r2);
    metrics.equal_opportunity_difference = spread(tprs);
  }
  if (options.privileged !== undefined)
    Object.assign(metrics, privilegedMetrics(byGroup, options.privileged, hasLabel));
  return { groups, metrics };
}

function privilegedMetrics(
  byGroup: Map<string, Counts>,
  privileged: string,
  hasLabel: boolean,
): FairnessMetrics {
  const priv = byGroup.get(privileged)!;
  const unpriv = emptyCounts();
  for (const [key, c] of byGroup) {
    if (key === privileged) continue;
    for (const k of Object.keys(unpriv) as Array<keyof Counts>) unpriv[k] += c[k];
  }
  if (unpriv.n === 0)
    throw new AppError('VALIDATION', 'Every row is in the privileged group: nothing to compare');
  const srPriv = rate(priv.selected, priv.n);
  const srUnpriv = rate(unpriv.selected, unpriv.n);
  const di = srPriv === 0 ? null : srUnpriv / srPriv;
  const out: Partial<FairnessMetrics> = {
    statistical_parity_difference: srUnpriv - srPriv,
    disparate_impact: di,
    // With no one selected in the privileged group there is no adverse impact ratio to fail.
    four_fifths_rule_passed: di === null ? srUnpriv === 0 : di >= FOUR_FIFTHS,
  };
  if (hasLabel) out.average_odds_difference = (fpr(unpriv) - fpr(priv) + (tpr(unpriv) - tpr(priv))) / 2;
  return out as FairnessMetrics;
}

const rate = (num: number, den: number): number => (den === 0 ? 0 : num / den);
const tpr = (c: Counts): number => rate(c.truePositives, c.positives);
const fpr = (c: Counts): number => rate(c.falsePositives, c.negatives);
const spread = (xs: number[]): number => Math.max(...xs) - Math.min(...xs);
function ratio(xs: number[]): number | null {
  const max = Math.max(...xs);
  return max === 0 ? null : Math.min(...xs) / max;
}

function notBinary(index: number, column: string): AppError {
  return new AppError(
    'VALIDATION',
    `Row ${index + 1}: column "${column}" is not a binary value (1/0, true/false, yes/no)`,
  );
}

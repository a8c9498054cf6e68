/**
 * Bias audit of binary decisions against a protected attribute.
 *
 * Group metrics and the between-group disparities use Fairlearn's names and definitions
 * (`fairlearn.metrics`, MetricFrame "between_groups" aggregation):
 * - demographic_parity_difference = max_g SR_g - min_g SR_g, where SR = P(prediction = 1);
 * - demographic_parity_ratio = min_g SR_g / max_g SR_g;
 * - equalized_odds_difference = max(TPR difference, FPR difference) (`agg="worst_case"`, the default);
 * - equalized_odds_ratio = min(TPR ratio, FPR ratio) (`agg="worst_case"`);
 * - equal_opportunity_difference = max_g TPR_g - min_g TPR_g (Fairlearn's, not AIF360's signed
 *   TPR_unpriv - TPR_priv; with two groups it is the absolute value of AIF360's).
 * A group without positive labels has TPR 0 (and without negatives FPR 0), as Fairlearn gets from
 * scikit-learn's normalised confusion matrix (`nan_to_num`); the `groups` entries use the same values.
 *
 * Relative to a privileged group value (only with `privileged`: there is no default privileged
 * group), AIF360's `ClassificationMetric` definitions, where "unprivileged" is every row whose group
 * is not the privileged value (AIF360's sklearn API `priv_group` semantics: all other groups pooled):
 * - statistical_parity_difference = SR_unpriv - SR_priv;
 * - disparate_impact = SR_unpriv / SR_priv;
 * - average_odds_difference = ((FPR_unpriv - FPR_priv) + (TPR_unpriv - TPR_priv)) / 2.
 * `four_fifths_rule_passed` is ours: SR_unpriv >= 0.8 * SR_priv, decided on the integer counts so that
 * a ratio of exactly 4/5 passes (2/3 over 5/6 is 0.7999999999999999 in floating point); true when
 * SR_priv = 0 (nobody in the pooled unprivileged group is selected less often than the privileged).
 *
 * No rounding: values are full doubles. JSON has no NaN or Infinity, so a metric that the libraries
 * return as NaN or +/-Infinity is `null`: demographic_parity_ratio when every SR is 0 (0/0);
 * equalized_odds_ratio when the TPR ratio is 0/0 (Fairlearn takes Python's `min` of [TPR ratio,
 * FPR ratio], which returns NaN when the first is NaN and the TPR ratio when only the second is);
 * disparate_impact when SR_priv = 0 (AIF360: Infinity or NaN); average_odds_difference when the
 * privileged or the pooled unprivileged rows have no positive or no negative labels (AIF360's
 * TP/P and FP/N are then NaN).
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
  average_odds_difference?: number | null;
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
    // Own properties only: `in` would accept "toString" or "constructor" as a column.
    if (col !== undefined && !Object.hasOwn(first, col))
      throw new AppError('VALIDATION', `Missing column "${col}"`);
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
  const entries = [...byGroup.keys()].sort().map((key): [string, GroupStats] => {
    const c = byGroup.get(key)!;
    return [
      key,
      hasLabel
        ? { n: c.n, selection_rate: rate(c.selected, c.n), tpr: tpr(c), fpr: fpr(c) }
        : { n: c.n, selection_rate: rate(c.selected, c.n) },
    ];
  });
  // fromEntries defines own properties: `groups[key] =` with the group value "__proto__" set the
  // prototype instead, and that group vanished from the output and from every metric.
  const groups: Record<string, GroupStats> = Object.fromEntries(entries);
  const stats = entries.map(([, g]) => g);
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
    // Fairlearn: Python's min([tpr_ratio, fpr_ratio]) keeps the first item unless a later one is
    // smaller, and nothing compares smaller than NaN: NaN if the TPR ratio is NaN, else the TPR
    // ratio if only the FPR ratio is NaN (every FPR 0, e.g. no false positive anywhere).
    metrics.equalized_odds_ratio = r1 === null ? null : r2 === null ? r1 : Math.min(r1, r2);
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
  const out: Partial<FairnessMetrics> = {
    statistical_parity_difference: srUnpriv - srPriv,
    disparate_impact: srPriv === 0 ? null : srUnpriv / srPriv,
    // selU/nU >= 4/5 * selP/nP in integers (exact below 2^53): the float ratio misses exact 4/5
    // ratios, and with nobody selected in the privileged group nobody unprivileged is worse off
    // (this used to fail when the unprivileged group was selected and the privileged was not).
    four_fifths_rule_passed: 5 * unpriv.selected * priv.n >= 4 * priv.selected * unpriv.n,
  };
  if (hasLabel) {
    // AIF360 divides TP/P and FP/N without a guard: an empty denominator makes the result NaN.
    const defined = priv.positives > 0 && priv.negatives > 0 && unpriv.positives > 0 && unpriv.negatives > 0;
    out.average_odds_difference = defined ? (fpr(unpriv) - fpr(priv) + (tpr(unpriv) - tpr(priv))) / 2 : null;
  }
  return out as FairnessMetrics;
}

const rate = (num: number, den: number): number => (den === 0 ? 0 : num / den);
const tpr = (c: Counts): number => rate(c.truePositives, c.positives);
const fpr = (c: Counts): number => rate(c.falsePositives, c.negatives);
// Loops, not Math.max(...xs): spreading one argument per group overflows the stack (RangeError)
// from about 10^5 groups, e.g. a group column holding an identifier.
function extremes(xs: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max };
}
const spread = (xs: readonly number[]): number => {
  const { min, max } = extremes(xs);
  return max - min;
};
function ratio(xs: readonly number[]): number | null {
  const { min, max } = extremes(xs);
  return max === 0 ? null : min / max;
}

function notBinary(index: number, column: string): AppError {
  return new AppError(
    'VALIDATION',
    `Row ${index + 1}: column "${column}" is not a binary value (1/0, true/false, yes/no)`,
  );
}

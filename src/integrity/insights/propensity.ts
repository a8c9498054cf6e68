/**
 * Propensity scores: logistic regression (ml-logistic-regression) on standardised features plus an
 * intercept column, trained on a seeded split and judged on the held-out part by ROC AUC.
 */
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import { AppError, because } from '../../core/errors.js';
import { createRng } from '../random.js';
import { rocAuc } from './auc.js';
import type { SubjectFeatures } from './features.js';

export interface PropensityOptions {
  /** Share of subjects held out for the AUC (default 0.3). */
  holdout?: number;
  seed?: number;
  /** Gradient steps (default 500); each step is one pass over the training rows. */
  steps?: number;
}

export interface PropensityModel {
  /** P(label = 1) per subject, every subject of the input (training and holdout). */
  scores: Map<string, number>;
  /** ROC AUC on the holdout; null when the holdout lacks one of the classes. */
  holdoutAuc: number | null;
  trainSize: number;
  holdoutSize: number;
}

export function trainPropensity(
  features: SubjectFeatures,
  labels: ReadonlyMap<string, boolean>,
  options: PropensityOptions = {},
): PropensityModel {
  const holdout = options.holdout ?? 0.3;
  const n = features.subjects.length;
  if (n < 4)
    throw new AppError(
      'VALIDATION',
      'At least 4 subjects are needed for a propensity model',
      because('propensity-too-few'),
    );
  const rng = createRng(options.seed ?? 7);
  const order = features.subjects.map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const testCount = Math.max(1, Math.round(n * holdout));
  const test = order.slice(0, testCount);
  const train = order.slice(testCount);
  const y = features.subjects.map((s) => labels.get(s) === true);
  if (new Set(train.map((i) => y[i])).size < 2)
    throw new AppError(
      'VALIDATION',
      'The training subjects need both outcomes (some converted, some not)',
      because('propensity-one-outcome'),
    );

  // Standardise with the training rows' statistics only, so the holdout stays unseen.
  const d = features.rows[0]!.length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const i of train) for (let j = 0; j < d; j++) mean[j]! += features.rows[i]![j]! / train.length;
  for (const i of train)
    for (let j = 0; j < d; j++) std[j]! += (features.rows[i]![j]! - mean[j]!) ** 2 / train.length;
  const design = features.rows.map((r) => [
    1,
    ...r.map((x, j) => (std[j] === 0 ? 0 : (x - mean[j]!) / Math.sqrt(std[j]!))),
  ]);

  // The library sums the gradient over rows: a rate of 1/n makes each step an average-gradient step.
  const model = new LogisticRegression({ numSteps: options.steps ?? 500, learningRate: 1 / train.length });
  model.train(
    new Matrix(train.map((i) => design[i]!)),
    Matrix.columnVector(train.map((i) => (y[i] ? 1 : 0))),
  );
  // One-vs-all: classifier 0 separates class 0 (target 0) from the rest (target 1), so its score is P(y = 1).
  const all = model.classifiers[0]!.testScores(new Matrix(design));
  const scores = new Map(features.subjects.map((s, i) => [s, all[i]!]));
  return {
    scores,
    holdoutAuc: rocAuc(
      test.map((i) => all[i]!),
      test.map((i) => y[i]!),
    ),
    trainSize: train.length,
    holdoutSize: test.length,
  };
}

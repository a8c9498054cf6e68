/**
 * `npm run eval -- injection`: precision, recall and F1 of prompt-injection detection as the pipeline
 * uses it on the `input` profile (every heuristic detector plus the classifier; any finding flags the
 * prompt), under stratified 5-fold cross-validation on the deepset prompts, retraining the classifier
 * per fold with the training script's code. Then the false-positive rates of the committed models on
 * the held-out benign trigger-word prompts (`input`) and benign documents (`ingested`), which no model
 * was trained on. The same cross-validation is also run with the document model, for reference.
 */
import { statSync } from 'node:fs';
import { classifierDetector } from '../src/guard/detectors/injection/classifier.js';
import { injectionHeuristics } from '../src/guard/detectors/injection/index.js';
import { loadOwnData, MODEL_FILES, type OwnData, readJsonl } from '../src/guard/injection-model/dataset.js';
import { injectionModel } from '../src/guard/injection-model/index.js';
import { dequantise, type InjectionModel, quantise } from '../src/guard/injection-model/model.js';
import {
  DEFAULT_TRAIN_OPTIONS,
  type Example,
  type ModelKind,
  seededRandom,
  shuffled,
  train,
  trainingExamples,
  trainOptions,
} from '../src/guard/injection-model/train.js';
import type { DetectContext, Detector, Profile } from '../src/guard/types.js';
import { sharedData } from '../test/support/shared-data.js';
import { report } from './report.js';

const FOLDS = 5;
const ctxOf = (profile: Profile): DetectContext => ({ lang: 'en', profile });

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

function add(c: Counts, label: 0 | 1, predicted: boolean): void {
  if (label === 1) predicted ? c.tp++ : c.fn++;
  else predicted ? c.fp++ : c.tn++;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function scores(c: Counts) {
  const precision = c.tp / (c.tp + c.fp || 1);
  const recall = c.tp / (c.tp + c.fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  return { precision: round(precision), recall: round(recall), f1: round(f1), ...c };
}

const flags = (detectors: readonly Detector[], text: string, profile: Profile) =>
  detectors.some((d) => d.detect(text, ctxOf(profile)).length > 0);

/** Stratified folds: each class shuffled with the fixed seed, then dealt round-robin. */
function folds(examples: readonly Example[]): number[] {
  const fold = new Array<number>(examples.length).fill(0);
  const random = seededRandom(DEFAULT_TRAIN_OPTIONS.seed);
  for (const label of [0, 1] as const) {
    const idx = examples.map((e, i) => (e.label === label ? i : -1)).filter((i) => i >= 0);
    shuffled(idx, random).forEach((i, k) => {
      fold[i] = k % FOLDS;
    });
  }
  return fold;
}

const shipped = (m: InjectionModel): InjectionModel => dequantise(quantise(m, { trainedOn: {}, seed: 0 }));

function crossValidate(deepset: readonly Example[], own: OwnData, kind: ModelKind): void {
  const fold = folds(deepset);
  const profile: Profile = kind === 'prompt' ? 'input' : 'ingested';
  const combined = empty();
  const heuristicsOnly = empty();
  const classifierOnly = empty();
  const t0 = performance.now();
  for (let k = 0; k < FOLDS; k++) {
    const trainSet = deepset.filter((_, i) => fold[i] !== k);
    const testSet = deepset.filter((_, i) => fold[i] === k);
    const model = shipped(train(trainingExamples(trainSet, own, kind), trainOptions(kind)));
    const classifier = classifierDetector(() => model);
    const perFold = empty();
    for (const e of testSet) {
      const h = flags(injectionHeuristics, e.text, profile);
      const c = flags([classifier], e.text, profile);
      add(perFold, e.label, h || c);
      add(combined, e.label, h || c);
      add(heuristicsOnly, e.label, h);
      add(classifierOnly, e.label, c);
    }
    if (kind === 'prompt')
      report({ eval: 'injection', set: 'deepset-cv', profile, fold: k, ...scores(perFold) });
  }
  const base = { eval: 'injection', set: 'deepset-cv', profile, model: kind };
  report({ ...base, detector: 'heuristics', ...scores(heuristicsOnly) });
  report({ ...base, detector: 'classifier', ...scores(classifierOnly) });
  report({
    ...base,
    detector: 'heuristics+classifier',
    folds: FOLDS,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    ...scores(combined),
  });
}

function falsePositiveRate(set: string, examples: readonly Example[], profile: Profile): void {
  const detectors = [...injectionHeuristics, classifierDetector(injectionModel)];
  const flagged = examples.filter((e) => flags(detectors, e.text, profile));
  report({
    eval: 'injection',
    set,
    profile,
    texts: examples.length,
    falsePositives: flagged.length,
    fpr: round(flagged.length / (examples.length || 1)),
    ...(process.env.VIGIE_EVAL_VERBOSE ? { flagged: flagged.map((e) => e.text.slice(0, 80)) } : {}),
  });
}

export async function run(): Promise<void> {
  const path = sharedData('injection/deepset-train.jsonl');
  if (!path) {
    report({ eval: 'injection', skipped: 'shared data injection/deepset-train.jsonl is absent' });
    return;
  }
  const deepset = readJsonl(path);
  const own = loadOwnData();
  crossValidate(deepset, own, 'prompt');
  crossValidate(deepset, own, 'document');
  falsePositiveRate('benign-trigger-prompts-heldout', own.benignHeldOut, 'input');
  falsePositiveRate('benign-documents-heldout', own.documentsHeldOut, 'ingested');
  for (const [kind, file] of Object.entries(MODEL_FILES)) {
    report({ eval: 'injection', model: kind, file: file.split('/src/')[1], bytes: statSync(file).size });
  }
}

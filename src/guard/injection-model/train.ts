/**
 * Training of the injection classifier, pure and deterministic: the same examples, options and seed
 * give the same weights byte for byte. Logistic regression with L2, AdaGrad steps, classes weighted to
 * balance, examples visited in a seeded shuffled order; features first scaled by their naive-Bayes
 * log-count ratio (NB-LR), which suits a few hundred short texts better than plain LR. Classes are
 * weighted to balance, so the plain 0.5 threshold is the decision point.
 */
import { featurize, type SparseVector } from './features.js';
import type { InjectionModel } from './model.js';

export interface Example {
  text: string;
  label: 0 | 1;
}

export interface TrainOptions {
  dims: number;
  epochs: number;
  learningRate: number;
  l2: number;
  threshold: number;
  seed: number;
  /** NB-LR (Wang and Manning 2012): features scaled by their naive-Bayes log-count ratio, then LR. */
  nbScaling: boolean;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  dims: 1 << 16,
  epochs: 12,
  learningRate: 0.5,
  l2: 1e-4,
  threshold: 0.5,
  seed: 20251129,
  nbScaling: true,
};

/** mulberry32: small, fast, and the same in every JavaScript engine. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function train(
  examples: readonly Example[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): InjectionModel {
  const { dims, epochs, learningRate, l2, seed } = options;
  const data: Array<{ x: SparseVector; y: number; weight: number }> = [];
  const positives = examples.filter((e) => e.label === 1).length;
  const negatives = examples.length - positives;
  for (const e of examples) {
    const weight =
      e.label === 1 ? examples.length / (2 * positives || 1) : examples.length / (2 * negatives || 1);
    data.push({ x: featurize(e.text, dims), y: e.label, weight });
  }
  const r = options.nbScaling ? logCountRatio(data, dims) : undefined;
  if (r) {
    for (const d of data)
      for (let k = 0; k < d.x.index.length; k++) d.x.value[k] = d.x.value[k]! * r[d.x.index[k]!]!;
  }
  const w = new Float64Array(dims);
  const g2 = new Float64Array(dims).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { x, y, weight } of shuffled(data, random)) {
      let z = bias;
      for (let k = 0; k < x.index.length; k++) z += w[x.index[k]!]! * x.value[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - y) * weight;
      for (let k = 0; k < x.index.length; k++) {
        const i = x.index[k]!;
        // L2 applied lazily on the coordinates this example touches.
        const g = err * x.value[k]! + l2 * w[i]!;
        g2[i] = g2[i]! + g * g;
        w[i] = w[i]! - (learningRate * g) / Math.sqrt(g2[i]!);
      }
      biasG2 += err * err;
      bias -= (learningRate * err) / Math.sqrt(biasG2);
    }
  }
  // With NB scaling the model scores r ⊙ x, which is the same as scoring x with weights w ⊙ r.
  if (r) for (let i = 0; i < dims; i++) w[i] = w[i]! * r[i]!;
  return { dims, threshold: options.threshold, bias, weights: Float32Array.from(w) };
}

function logCountRatio(data: ReadonlyArray<{ x: SparseVector; y: number }>, dims: number): Float64Array {
  const alpha = 1;
  const pos = new Float64Array(dims).fill(alpha);
  const neg = new Float64Array(dims).fill(alpha);
  for (const { x, y } of data) for (const i of x.index) (y === 1 ? pos : neg)[i]! += 1;
  let posSum = 0;
  let negSum = 0;
  for (let i = 0; i < dims; i++) {
    posSum += pos[i]!;
    negSum += neg[i]!;
  }
  const r = new Float64Array(dims);
  for (let i = 0; i < dims; i++) r[i] = Math.log(pos[i]! / posSum / (neg[i]! / negSum));
  return r;
}

export type ModelKind = 'prompt' | 'document';

export interface OwnExamples {
  benignTrain: readonly Example[];
  benignGeneral: readonly Example[];
  documentsTrain: readonly Example[];
  injections: readonly Example[];
}

/**
 * What a committed model and every cross-validation fold train on, never the held-out examples. The
 * prompt model (the `input` profile) learns from prompts only; the document model (the `ingested`
 * profile) also learns from benign documents, whose imperative wording ("ignore the message and
 * restart") a prompt-only model takes for attacks, at the cost of some recall on short prompts.
 */
export function trainingExamples(
  deepset: readonly Example[],
  own: OwnExamples,
  kind: ModelKind = 'prompt',
): Example[] {
  const documents = kind === 'document' ? own.documentsTrain : [];
  return [...deepset, ...own.benignTrain, ...own.benignGeneral, ...documents, ...own.injections];
}

/** Documents carry more imperative language than prompts: their model decides at a higher probability. */
export function trainOptions(kind: ModelKind): TrainOptions {
  return kind === 'document' ? { ...DEFAULT_TRAIN_OPTIONS, threshold: 0.7 } : DEFAULT_TRAIN_OPTIONS;
}

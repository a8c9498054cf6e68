/**
 * The injection classifier: logistic regression over hashed features. Weights are stored quantised to
 * int8 (with one scale) and base64-encoded in a small JSON file, so the model is a few dozen kilobytes
 * and loads in a millisecond.
 */
import { AppError } from '../../core/errors.js';
import { featurize, featurizeFolded, type SparseVector } from './features.js';

export interface ModelFile {
  format: 'vigie-injection-lr/1';
  dims: number;
  scale: number;
  bias: number;
  threshold: number;
  /** base64 of `dims` signed bytes. */
  weights: string;
  trainedOn: Record<string, number>;
  seed: number;
}

export interface InjectionModel {
  dims: number;
  threshold: number;
  bias: number;
  weights: Float32Array;
}

export function dequantise(file: ModelFile): InjectionModel {
  if (file.format !== 'vigie-injection-lr/1' || (file.dims & (file.dims - 1)) !== 0) {
    throw new AppError('CONFIG', 'unsupported injection model file');
  }
  const bytes = Buffer.from(file.weights, 'base64');
  if (bytes.length !== file.dims) throw new AppError('CONFIG', 'injection model weights do not match dims');
  const weights = new Float32Array(file.dims);
  const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < file.dims; i++) weights[i] = signed[i]! * file.scale;
  return { dims: file.dims, threshold: file.threshold, bias: file.bias, weights };
}

export function quantise(model: InjectionModel, meta: Pick<ModelFile, 'trainedOn' | 'seed'>): ModelFile {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const signed = new Int8Array(model.dims);
  for (let i = 0; i < model.dims; i++) signed[i] = Math.round(model.weights[i]! / scale);
  return {
    format: 'vigie-injection-lr/1',
    dims: model.dims,
    scale,
    bias: model.bias,
    threshold: model.threshold,
    weights: Buffer.from(signed.buffer).toString('base64'),
    trainedOn: meta.trainedOn,
    seed: meta.seed,
  };
}

export function scoreVector(model: InjectionModel, x: SparseVector): number {
  let z = model.bias;
  for (let k = 0; k < x.index.length; k++) z += model.weights[x.index[k]!]! * x.value[k]!;
  return 1 / (1 + Math.exp(-z));
}

/** Probability that a text is a prompt injection. */
export function scoreText(model: InjectionModel, text: string): number {
  return scoreVector(model, featurize(text, model.dims));
}

/** Probability for a text already folded (`fold(text).text`), as the detectors hold it. */
export function scoreFolded(model: InjectionModel, folded: string): number {
  return scoreVector(model, featurizeFolded(folded, model.dims));
}

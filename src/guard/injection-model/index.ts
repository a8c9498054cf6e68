/** The injection classifier's public face: the committed models, loaded once, and scoring helpers. */

import promptModelFile from '../data/injection/model.json' with { type: 'json' };
import documentModelFile from '../data/injection/model-documents.json' with { type: 'json' };
import { dequantise, type InjectionModel, type ModelFile } from './model.js';
import type { ModelKind } from './train.js';

const files: Record<ModelKind, unknown> = { prompt: promptModelFile, document: documentModelFile };
const loaded = new Map<ModelKind, InjectionModel>();

/** `prompt` for a user's prompt (`input`), `document` for content fed to a model (`ingested`). */
export function injectionModel(kind: ModelKind = 'prompt'): InjectionModel {
  let model = loaded.get(kind);
  if (!model) {
    model = dequantise(files[kind] as ModelFile);
    loaded.set(kind, model);
  }
  return model;
}

export { featurize } from './features.js';
export { dequantise, type InjectionModel, type ModelFile, quantise, scoreText } from './model.js';
export { DEFAULT_TRAIN_OPTIONS, type Example, type ModelKind, type TrainOptions, train } from './train.js';

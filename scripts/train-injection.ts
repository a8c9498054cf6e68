/**
 * `npm run train:injection`: trains the injection classifier on the deepset prompts (shared data) plus
 * our own examples, and writes `src/guard/data/injection/model.json`. Deterministic: a fixed seed and a
 * fixed data order give the same file byte for byte, so a diff of the model means the data or code changed.
 */
import { writeFileSync } from 'node:fs';
import { AppError } from '../src/core/errors.js';
import { loadOwnData, MODEL_FILE, readJsonl } from '../src/guard/injection-model/dataset.js';
import { quantise } from '../src/guard/injection-model/model.js';
import { DEFAULT_TRAIN_OPTIONS, train, trainingExamples } from '../src/guard/injection-model/train.js';
import { sharedData } from '../test/support/shared-data.js';

const deepsetPath = sharedData('injection/deepset-train.jsonl');
if (!deepsetPath) throw new AppError('NOT_FOUND', 'shared data injection/deepset-train.jsonl is missing');

const deepset = readJsonl(deepsetPath);
const own = loadOwnData();
const examples = trainingExamples(deepset, own);
const model = train(examples, DEFAULT_TRAIN_OPTIONS);
const file = quantise(model, {
  seed: DEFAULT_TRAIN_OPTIONS.seed,
  trainedOn: {
    deepset: deepset.length,
    ownBenignTrigger: own.benignTrain.length,
    ownInjections: own.injections.length,
    heldOutBenignTrigger: own.benignHeldOut.length,
  },
});
const json = `${JSON.stringify(file, null, 2)}\n`;
writeFileSync(MODEL_FILE, json);
process.stdout.write(
  `${JSON.stringify({ wrote: MODEL_FILE, bytes: Buffer.byteLength(json), examples: examples.length, dims: file.dims })}\n`,
);

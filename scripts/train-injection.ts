/**
 * `npm run train:injection`: trains the injection classifiers on the deepset prompts (shared data) plus
 * our own examples, and writes `src/guard/data/injection/model.json` (prompts, the `input` profile) and
 * `model-documents.json` (documents, the `ingested` profile). Deterministic: a fixed seed and a fixed
 * data order give the same files byte for byte, so a diff of a model means the data or code changed.
 */
import { writeFileSync } from 'node:fs';
import { AppError } from '../src/core/errors.js';
import { loadOwnData, MODEL_FILES, readJsonl } from '../src/guard/injection-model/dataset.js';
import { quantise } from '../src/guard/injection-model/model.js';
import { type ModelKind, train, trainingExamples, trainOptions } from '../src/guard/injection-model/train.js';
import { sharedData } from '../test/support/shared-data.js';

const deepsetPath = sharedData('injection/deepset-train.jsonl');
if (!deepsetPath) throw new AppError('NOT_FOUND', 'shared data injection/deepset-train.jsonl is missing');

const deepset = readJsonl(deepsetPath);
const own = loadOwnData();
for (const kind of ['prompt', 'document'] as const satisfies ModelKind[]) {
  const examples = trainingExamples(deepset, own, kind);
  const options = trainOptions(kind);
  const file = quantise(train(examples, options), {
    seed: options.seed,
    trainedOn: {
      deepset: deepset.length,
      ownBenignTrigger: own.benignTrain.length,
      ownBenignGeneral: own.benignGeneral.length,
      ownBenignDocuments: kind === 'document' ? own.documentsTrain.length : 0,
      ownInjections: own.injections.length,
      heldOutBenignTrigger: own.benignHeldOut.length,
      heldOutBenignDocuments: own.documentsHeldOut.length,
    },
  });
  const json = `${JSON.stringify(file, null, 2)}\n`;
  writeFileSync(MODEL_FILES[kind], json);
  process.stdout.write(
    `${JSON.stringify({ kind, wrote: MODEL_FILES[kind], bytes: Buffer.byteLength(json), examples: examples.length, threshold: file.threshold })}\n`,
  );
}

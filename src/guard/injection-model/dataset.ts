/**
 * Training and evaluation data for the injection classifier (file I/O lives here, apart from the pure
 * training code). Our own examples are in `src/guard/data/injection/`: benign prompts that contain
 * trigger words ("ignore", "règles", "prompt"...) and injections in French, German and marketing
 * settings. A fixed quarter of the benign trigger-word prompts, chosen by a hash of the text rather
 * than by hand, is held out: never trained on, used only for the false-positive-rate figure. A third
 * file holds ordinary requests (code, facts, other languages), so that none of these reads as an attack;
 * a fourth, benign documents with trigger words (e-mails, pages, manuals), held out the same way.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors.js';
import { fnv } from './features.js';
import type { Example } from './train.js';

export const OWN_DATA_DIR = fileURLToPath(new URL('../data/injection/', import.meta.url));
export const BENIGN_TRIGGER_FILE = `${OWN_DATA_DIR}benign-trigger.jsonl`;
export const INJECTION_EXTRA_FILE = `${OWN_DATA_DIR}injection-extra.jsonl`;
export const BENIGN_GENERAL_FILE = `${OWN_DATA_DIR}benign-general.jsonl`;
export const BENIGN_DOCUMENTS_FILE = `${OWN_DATA_DIR}benign-documents.jsonl`;
export const MODEL_FILES = {
  prompt: `${OWN_DATA_DIR}model.json`,
  document: `${OWN_DATA_DIR}model-documents.json`,
} as const;

const MAX_LINE = 20_000;

export function readJsonl(path: string): Example[] {
  const out: Example[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    if (line.length > MAX_LINE) throw new AppError('VALIDATION', `${path}:${i + 1}: line too long`);
    const row = JSON.parse(line) as { text?: unknown; label?: unknown };
    if (typeof row.text !== 'string' || (row.label !== 0 && row.label !== 1)) {
      throw new AppError('VALIDATION', `${path}:${i + 1}: expected {text, label: 0|1}`);
    }
    out.push({ text: row.text, label: row.label });
  });
  return out;
}

/** The held-out quarter of the benign trigger-word prompts (stable: depends on the text only). */
export function isHeldOut(text: string): boolean {
  return fnv(text, 0x5eed) % 4 === 0;
}

export interface OwnData {
  benignTrain: Example[];
  benignHeldOut: Example[];
  /** Ordinary requests without trigger words (code, facts, other languages): all trained on. */
  benignGeneral: Example[];
  /** Benign documents with trigger words (e-mails, pages, manuals), split like the prompts. */
  documentsTrain: Example[];
  documentsHeldOut: Example[];
  injections: Example[];
}

export function loadOwnData(): OwnData {
  const benign = readJsonl(BENIGN_TRIGGER_FILE);
  const documents = readJsonl(BENIGN_DOCUMENTS_FILE);
  return {
    documentsTrain: documents.filter((e) => !isHeldOut(e.text)),
    documentsHeldOut: documents.filter((e) => isHeldOut(e.text)),
    benignTrain: benign.filter((e) => !isHeldOut(e.text)),
    benignHeldOut: benign.filter((e) => isHeldOut(e.text)),
    benignGeneral: readJsonl(BENIGN_GENERAL_FILE),
    injections: readJsonl(INJECTION_EXTRA_FILE),
  };
}

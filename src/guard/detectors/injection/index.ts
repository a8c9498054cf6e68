/** Prompt-injection detectors for the `input`, `ingested` and `output` profiles (each checks `ctx.profile`). */
import type { Detector } from '../../types.js';
import { canaryLeakDetector } from './canary-leak.js';
import { classifierDetector } from './classifier.js';
import { delimiterDetector } from './delimiter.js';
import { encodedDetector } from './encoded.js';
import { exfiltrationDetector } from './exfiltration.js';
import { homoglyphDetector } from './homoglyph.js';
import { invisibleDetector } from './invisible.js';
import {
  extractionDetector,
  overrideDetector,
  promptLeakDetector,
  roleplayDetector,
} from './phrase-detectors.js';

/** Detectors whose findings stand alone, without the classifier. */
export const injectionHeuristics: Detector[] = [
  overrideDetector,
  roleplayDetector,
  extractionDetector,
  delimiterDetector,
  invisibleDetector,
  homoglyphDetector,
  encodedDetector,
  exfiltrationDetector,
  promptLeakDetector,
  canaryLeakDetector,
];

export const injectionDetectors: Detector[] = [...injectionHeuristics, classifierDetector()];

/** Secret detectors: one per provider rule (data in `rules.ts`) plus the generic key-word detector. */
import type { Detector } from '../../types.js';
import { genericSecretDetector } from './generic.js';
import { compileAll, providerDetector } from './provider.js';
import { secretRules } from './rules.js';

const compiled = compileAll(secretRules);

export const secretDetectors: Detector[] = [
  ...compiled.map(providerDetector),
  genericSecretDetector(compiled),
];

export { SECRET_ENTITY } from './provider.js';
export { type SecretRule, secretRules } from './rules.js';

/**
 * The registry: every detector of every category, in one list the pipeline and the catalog walk.
 * Categories are filled by their own folders; this file only aggregates them.
 */
import type { Category, Detector, DetectorMeta } from '../types.js';
import { brandDetectors } from './brand/index.js';
import { claimDetectors } from './claim/index.js';
import { injectionDetectors } from './injection/index.js';
import { languageDetectors, readabilityMeta } from './language/index.js';
import { piiDetectors } from './pii/index.js';
import { secretDetectors } from './secret/index.js';

export function allDetectors(): Detector[] {
  // Read at call time: the category arrays are module state that other folders fill.
  return [
    ...piiDetectors,
    ...secretDetectors,
    ...injectionDetectors,
    ...languageDetectors,
    ...claimDetectors,
    ...brandDetectors,
  ];
}

/** Rules the pipeline reports itself (not through a detector), listed for messages and the catalog. */
export const pipelineRules: DetectorMeta[] = [readabilityMeta];

export function allRuleMetas(): DetectorMeta[] {
  return [...allDetectors().map((d) => d.meta), ...pipelineRules];
}

export const categoryOrder: Category[] = [
  'pii',
  'secret',
  'injection',
  'language',
  'claim',
  'brand',
  'disclosure',
];

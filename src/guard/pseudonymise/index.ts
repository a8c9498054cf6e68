/** Reversible pseudonymisation: swap personal data for placeholders or surrogates, and back. */
export { pseudonymise } from './pseudonymise.js';
export { restore } from './restore.js';
export {
  emptyMapping,
  type Mapping,
  type MappingEntry,
  type Operator,
  type PseudonymiseOptions,
  type PseudonymiseResult,
  type Replacement,
} from './types.js';

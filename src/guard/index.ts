/** Guard's public face. Other modules import only this file. */
export { canaryInstruction, createCanary, findCanaries } from './canary.js';
export { buildCatalog, type CatalogEntry, renderCatalogMarkdown } from './catalog.js';
export { allDetectors, allRuleMetas } from './detectors/index.js';
export { detectLanguage, type Readability, readabilityScore } from './detectors/language/index.js';
export { ledgerSummary, type ScanLedgerSummary, shouldRecord } from './ledger-summary.js';
export { renderMessage } from './messages.js';
export {
  type Action,
  actions,
  defaultPolicy,
  loadPolicy,
  mergePolicy,
  type Policy,
  type PolicyOverride,
  parsePolicy,
  parsePolicyOverride,
  policyToYaml,
  strongestAction,
} from './policy/index.js';
export {
  emptyMapping,
  type Mapping,
  type MappingEntry,
  type Operator,
  type PseudonymiseOptions,
  type PseudonymiseResult,
  pseudonymise,
  type Replacement,
  restore,
} from './pseudonymise/index.js';
export { type SarifInput, type SarifLog, toSarif } from './sarif.js';
export { MAX_SCAN_BYTES, type ScanFinding, type ScanOptions, type ScanResult, scan } from './scan.js';
export type * from './types.js';
export * from './workspace/index.js';

/**
 * Integrity: defences for the data that trains our models and the decisions they drive.
 * - Events (`events/`): ingestion of behavioural events, poisoning checks per batch, quarantine,
 *   and `acceptedEvents`, the only way models read them.
 * - Poisoning: shilling detection on ratings (`scanRatings`), abrupt shifts in an item's ratings over
 *   time (`detectRatingShifts`), coordinated bursts of new accounts (`detectBursts`), dataset fingerprints and drift (`fingerprintRatings`, `compareToHistory`).
 * - Bias audits: `fairnessReport` with Fairlearn's and AIF360's metric definitions.
 * - Inputs and outputs: streaming rating reader, fairness CSV reader, CSV export safe from formula
 *   injection. The attack generator serves tests and the evaluation.
 */

export {
  ATTACK_MODELS,
  type AttackModel,
  type AttackOptions,
  type GenuineOptions,
  generateGenuineRatings,
  type InjectedAttack,
  injectAttack,
} from './attack-generator.js';
export { type AccountEvent, type Burst, type BurstOptions, detectBursts } from './bursts.js';
export { escapeCsvCell, toCsv } from './csv-export.js';
export * from './events/index.js';
export {
  type FairnessMetrics,
  type FairnessOptions,
  type FairnessReport,
  type FairnessRow,
  FOUR_FIFTHS,
  fairnessReport,
  type GroupStats,
  parseBinary,
} from './fairness.js';
export {
  compareToHistory,
  type DriftOptions,
  type DriftReport,
  fingerprintRatings,
  ksFromHistograms,
  mergeFingerprints,
  psi,
  type RatingsFingerprint,
} from './fingerprint.js';
export { pcaVarSelectScores } from './pca-varselect.js';
export { itemStatistics, type ProfileFeatures, profileFeatures } from './profile-features.js';
export { detectRatingShifts, type RatingShift, type ShiftOptions } from './rating-shifts.js';
export { buildRatingMatrix, MAX_RATINGS, type Rating, type RatingMatrix } from './ratings.js';
export { fairnessReportFromCsv, type ReadFairnessOptions, readFairnessRows } from './read-fairness-csv.js';
export {
  type MalformedReason,
  type MalformedRow,
  parseRatingsText,
  type RatingsFormat,
  type ReadRatingsOptions,
  type ReadRatingsResult,
  readRatings,
} from './read-ratings.js';
export {
  type Reason,
  type ScanOptions,
  type ScanResult,
  type SuspiciousUser,
  scanRatings,
  type TargetItem,
} from './scan-ratings.js';
export { type ScanRatingsFileResult, scanRatingsFile } from './scan-ratings-file.js';

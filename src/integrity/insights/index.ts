/**
 * Insights: RFM segments, behavioural clusters, propensity scores and item-item recommendations,
 * computed on pseudonymous subjects who consented to the purpose; k-anonymity on every aggregate shown;
 * a bias audit before any segment is used for targeting.
 */
export { rocAuc } from './auc.js';
export { type Clustering, type ClusterProfile, clusterSubjects, MAX_CLUSTERS } from './clusters.js';
export { behaviouralFeatures, FEATURE_NAMES, type SubjectFeatures, standardise } from './features.js';
export { DEFAULT_K, suppressCount, suppressSmallGroups } from './k-anonymity.js';
export { type PropensityModel, trainPropensity } from './propensity.js';
export {
  buildRecommender,
  popularAmong,
  type Recommendation,
  type RecommenderModel,
  recommend,
} from './recommend.js';
export { RFM_SEGMENTS, type RfmScore, type RfmSegment, rfmScores } from './rfm.js';
export type { InsightEvent, InsightEventType } from './types.js';
export * from './workspace/index.js';

/**
 * Behavioural clusters: k-means (ml-kmeans, k-means++ seeding with a fixed seed so a rerun gives the
 * same clusters) on standardised features. Profiles are reported in raw units, which people read.
 */
import { kmeans } from 'ml-kmeans';
import { AppError, because } from '../../core/errors.js';
import { FEATURE_NAMES, type FeatureName, type SubjectFeatures, standardise } from './features.js';

export interface ClusterProfile {
  cluster: number;
  size: number;
  /** Mean of each feature over the cluster's members, raw units. */
  means: Record<FeatureName, number>;
}

export interface Clustering {
  /** Cluster index per subject, same order as the input. */
  assignments: Map<string, number>;
  profiles: ClusterProfile[];
  iterations: number;
}

export const MAX_CLUSTERS = 20;

export function clusterSubjects(features: SubjectFeatures, k: number, seed = 42): Clustering {
  if (!Number.isInteger(k) || k < 2 || k > MAX_CLUSTERS)
    throw new AppError('VALIDATION', `k must be an integer from 2 to ${MAX_CLUSTERS}`);
  if (features.rows.length < k)
    throw new AppError(
      'VALIDATION',
      `${features.rows.length} subjects cannot make ${k} clusters`,
      because('clusters-too-few'),
    );
  const z = standardise(features.rows).rows;
  const result = kmeans(z, k, { seed, initialization: 'kmeans++', maxIterations: 100 });
  const assignments = new Map<string, number>();
  const sums = Array.from({ length: k }, () => new Array<number>(FEATURE_NAMES.length).fill(0));
  const sizes = new Array<number>(k).fill(0);
  result.clusters.forEach((c, i) => {
    assignments.set(features.subjects[i]!, c);
    sizes[c]!++;
    features.rows[i]!.forEach((x, j) => {
      sums[c]![j]! += x;
    });
  });
  const profiles = sizes.map((size, cluster) => ({
    cluster,
    size,
    means: Object.fromEntries(
      FEATURE_NAMES.map((name, j) => [name, size === 0 ? 0 : sums[cluster]![j]! / size]),
    ) as Record<FeatureName, number>,
  }));
  return { assignments, profiles, iterations: result.iterations };
}

// The insights HTTP API (src/server/routes/insights.ts) as the console uses it.
import { api } from '../../api/client';

export type SegmentKind = 'rfm' | 'cluster' | 'propensity';

export interface Segment {
  id: string;
  name: string;
  kind: SegmentKind;
  definition: Record<string, unknown>;
  /** null when the segment has fewer than k members (k-anonymity). */
  size: number | null;
  suppressed: boolean;
  population: number | null;
  profile: Record<string, unknown> | null;
  computedAt: string;
  /** Someone counted in it was erased since: no figures, no targeting until recomputed. */
  stale: boolean;
  staleSince: string | null;
}

/** `stale`: the segment was recomputed since its audit; the use must be requested again. */
export type UseStatus = 'approved' | 'review' | 'rejected' | 'stale';

export interface SegmentUse {
  id: string;
  segmentId: string;
  segmentName: string | null;
  segmentDefinition: Record<string, unknown> | null;
  campaign: string;
  status: UseStatus;
  auditId: string | null;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

export type AuditFailure =
  | 'four_fifths'
  | 'parity_difference'
  | 'no_protected_attribute'
  | 'too_few_per_group';

export interface AuditGroup {
  key: string;
  suppressed: boolean;
  n?: number;
  selectionRate?: number;
}

export interface Audit {
  id: string;
  segmentId: string;
  segmentName: string | null;
  segmentDefinition: Record<string, unknown> | null;
  attribute: 'gender' | 'age_band' | null;
  population: number | null;
  passed: boolean;
  failures: AuditFailure[];
  groups: AuditGroup[];
  /** Groups left out of groups, population and metrics (fewer than k people even merged). */
  suppressedGroups: number;
  metrics: {
    demographic_parity_difference: number;
    demographic_parity_ratio: number | null;
    statistical_parity_difference?: number;
    disparate_impact?: number | null;
    four_fifths_rule_passed?: boolean;
  } | null;
  createdAt: string;
}

/** A recommendation exposure audit (never stored): shown like an Audit, for an item instead of a segment. */
export type ExposureAudit = Omit<Audit, 'id' | 'segmentId' | 'segmentName' | 'segmentDefinition'> & {
  item: string;
  recommendationsComputedAt: string;
};

export interface InsightsSettings {
  kAnonymity: number;
  maxParityDifference: number;
  minParityRatio: number;
  protectedAttributes: Array<'gender' | 'age_band'>;
}

export interface Recommendation {
  item: string;
  score: number;
  source: 'collaborative' | 'popular_in_segment' | 'popular';
}

export type ComputeInput =
  | { kind: 'rfm' }
  | { kind: 'cluster'; k: number }
  | { kind: 'propensity'; threshold: number; horizonDays: number };

const enc = encodeURIComponent;

export const fetchSegments = () => api.get<{ segments: Segment[] }>('/api/v1/segments');
export const computeSegments = (input: ComputeInput) =>
  api.post<{ segments: Segment[] }>('/api/v1/segments/compute', input);
export const requestUse = (id: string, campaign: string) =>
  api.post<{ use: SegmentUse; audit: Audit }>(`/api/v1/segments/${enc(id)}/uses`, { campaign });
export const fetchUses = () => api.get<{ uses: SegmentUse[] }>('/api/v1/segment-uses');
export const decideUse = (id: string, decision: 'approve' | 'reject', comment: string) =>
  api.post<{ use: SegmentUse }>(`/api/v1/segment-uses/${enc(id)}/decision`, { decision, comment });
export const fetchAudits = () => api.get<{ audits: Audit[] }>('/api/v1/fairness-audits?limit=100');
export const fetchInsightsSettings = () =>
  api.get<{ settings: InsightsSettings }>('/api/v1/insights/settings');
export const saveInsightsSettings = (settings: InsightsSettings) =>
  api.put<{ settings: InsightsSettings }>('/api/v1/insights/settings', settings);
export const fetchRecommendations = (subject: string, n: number) =>
  api.get<{
    subject: string;
    personalised: boolean;
    items: Recommendation[];
    stored: Recommendation[] | null;
  }>(`/api/v1/recommendations/${enc(subject)}?n=${n}`);

export const computeAllRecommendations = () =>
  api.post<{ subjects: number; computedAt: string }>('/api/v1/recommendations/compute', {});

export const auditExposure = (item: string, attribute?: 'gender' | 'age_band') =>
  api.post<{ audit: ExposureAudit }>(
    '/api/v1/recommendations/exposure-audit',
    attribute ? { item, attribute } : { item },
  );

export const INSIGHTS_KEYS = {
  segments: ['insights', 'segments'] as const,
  uses: ['insights', 'uses'] as const,
  audits: ['insights', 'audits'] as const,
  settings: ['insights', 'settings'] as const,
};

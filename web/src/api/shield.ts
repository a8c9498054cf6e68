// Shield's HTTP API (src/server/routes/shield.ts) as the console uses it.
import { api, apiRequest } from './client';
import {
  type AnalysisFilter,
  analysesQuery,
  type DomainAlert,
  type EmailAnalysisResult,
  type Permutation,
  type PostureResult,
  type Protection,
  type ShieldLocale,
  type StoredAnalysis,
  type WatchedDomain,
} from './shieldTypes';
import type { Id } from './types';

export * from './shieldTypes';

const SHIELD = '/api/v1/shield';

/** Sends a raw message as it is; the server never fetches its links. */
export const analyseEmail = (file: Blob, options: { offline: boolean; locale: ShieldLocale }) =>
  apiRequest<EmailAnalysisResult>(
    'POST',
    `${SHIELD}/emails?${new URLSearchParams({ offline: String(options.offline), locale: options.locale })}`,
    { raw: { bytes: file, contentType: 'message/rfc822' } },
  );

export const fetchAnalyses = (filter: AnalysisFilter) =>
  api.get<{ analyses: StoredAnalysis[] }>(`${SHIELD}/emails?${analysesQuery(filter)}`);

export const fetchAnalysis = (id: Id) =>
  api.get<{ analysis: StoredAnalysis }>(`${SHIELD}/emails/${encodeURIComponent(id)}`);

export const fetchWatched = () => api.get<{ watched: WatchedDomain[] }>(`${SHIELD}/watch`);

export const watchDomain = (domain: string) =>
  api.post<{ watched: WatchedDomain }>(`${SHIELD}/watch`, { domain });

export const unwatchDomain = (id: Id) => api.delete<void>(`${SHIELD}/watch/${encodeURIComponent(id)}`);

export const checkWatchList = () => api.post<{ checked: number; alerts: number }>(`${SHIELD}/watch/check`);

export const fetchAlerts = () => api.get<{ alerts: DomainAlert[] }>(`${SHIELD}/alerts`);

export const acknowledgeAlert = (id: Id) =>
  api.post<void>(`${SHIELD}/alerts/${encodeURIComponent(id)}/acknowledge`);

export const fetchPermutations = (domain: string) =>
  api.get<{ permutations: Permutation[] }>(
    `${SHIELD}/domains/permutations?${new URLSearchParams({ domain })}`,
  );

export const fetchPosture = (domain: string) =>
  api.get<PostureResult>(`${SHIELD}/domains/posture?${new URLSearchParams({ domain })}`);

export const fetchProtection = () => api.get<{ protection: Protection }>(`${SHIELD}/protection`);

export const saveProtection = (protection: Protection) =>
  api.put<{ protection: Protection }>(`${SHIELD}/protection`, protection);

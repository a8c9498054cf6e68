// Event batches and the poisoning quarantine (src/server/routes/integrity.ts) as the Integrity page uses them.
import { api } from '../../api/client';

export const BATCH_STATUSES = ['accepted', 'quarantined', 'released', 'purged'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export type Locale = 'en' | 'fr';

export interface BatchReason {
  code: string;
  data: Record<string, string | number>;
  /** Rendered by the server in the requested language. */
  message: string;
}

export interface EventBatch {
  id: string;
  source: string;
  receivedAt: string;
  count: number;
  fingerprint: string;
  stats: { types?: Record<string, number>; subjects?: number; items?: number; from?: string; to?: string };
  status: BatchStatus;
  reasons: BatchReason[];
  createdBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export type Decision = 'release' | 'purge';

export const batchesKey = ['integrity', 'batches'] as const;

export function listBatches(
  status: BatchStatus | undefined,
  locale: Locale,
): Promise<{ batches: EventBatch[] }> {
  const query = new URLSearchParams({ locale, limit: '100' });
  if (status) query.set('status', status);
  return api.get(`/api/v1/integrity/batches?${query}`);
}

export function decideBatch(id: string, decision: Decision, locale: Locale): Promise<{ batch: EventBatch }> {
  return api.post(`/api/v1/integrity/batches/${encodeURIComponent(id)}/${decision}?locale=${locale}`);
}

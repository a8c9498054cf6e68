/**
 * Behavioural events: ingestion (API batches and streamed files), idempotent on event id, checked
 * for poisoning before use, quarantined with reasons, released or purged by a person. Insights and
 * the recommender read events only through `acceptedEvents`.
 */
export { type AcceptedEventsOptions, acceptedEventList, acceptedEvents } from './accepted.js';
export {
  type BatchDecision,
  type BatchFilter,
  batchFilterSchema,
  decideBatch,
  type EventBatch,
  getBatch,
  listBatches,
} from './batches.js';
export type { CheckOptions, CheckResult, HistoryContext } from './checks.js';
export { checkBatch } from './checks.js';
export { type ImportOptions, type ImportProgress, type ImportReport, importEvents } from './import.js';
export {
  type BatchSource,
  type IngestOptions,
  type IngestResult,
  ingestEvents,
  ingestValid,
} from './ingest.js';
export { EVENT_COLUMNS, type EventFileFormat, type MalformedEventRow } from './parse-row.js';
export {
  type BatchReason,
  REASON_MESSAGES,
  type ReasonCode,
  type RenderedReason,
  renderReasons,
} from './reasons.js';
export {
  type AcceptedEvent,
  BATCH_STATUSES,
  type BatchStatus,
  EVENT_TYPES,
  type EventInput,
  type EventType,
  eventBatchSchema,
  eventInputSchema,
  MAX_API_EVENTS,
  MAX_BATCH_EVENTS,
  type PreparedEvent,
  USABLE_STATUSES,
} from './types.js';

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are ISO-8601 UTC strings: portable, sortable and readable in both engines. */
type Timestamp = string;

export interface MetaTable {
  key: string;
  value: string;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  settings: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  username: string;
  /** Sealed with the vault (table users, column email, row id). */
  email_enc: string | null;
  /** Keyed blind index of the normalised e-mail, for equality lookups. */
  email_bidx: string | null;
  display_name_enc: string | null;
  role: string;
  password_hash: string;
  disabled: number;
  failed_logins: number;
  locked_until: Timestamp | null;
  locale: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a stolen database gives no usable session. */
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  role: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface KeysTable {
  /** `${purpose}:${version}` */
  id: string;
  purpose: 'data' | 'index' | 'signing';
  version: number;
  /** Key material sealed under the master key, base64. */
  wrapped: string;
  public_key: string | null;
  status: 'active' | 'retired';
  created_at: Timestamp;
}

export interface LedgerEntriesTable {
  seq: number;
  at: Timestamp;
  actor: string;
  action: string;
  target: string;
  details: string;
}

export interface LedgerNodesTable {
  level: number;
  idx: number;
  hash: Buffer;
}

export interface LedgerStateTable {
  id: number;
  tree_size: number;
  /** Hashes of the perfect subtrees covering [0, tree_size), largest first, concatenated. */
  frontier: Buffer;
}

export interface LedgerHeadsTable {
  tree_size: number;
  root_hash: Buffer;
  issued_at: Timestamp;
  signature: Buffer;
  key_id: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
  updated_by: string;
}

export interface FactsTable {
  id: string;
  statement: string;
  source: string;
  owner: string | null;
  lang: string | null;
  expires_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KnownValuesTable {
  id: string;
  entity: string;
  /** Sealed (table known_values, column value, row id). */
  value_enc: string;
  /** Blind index of the normalised value: no duplicates, lookups without decrypting. */
  value_bidx: string;
  created_at: Timestamp;
}

export interface PseudonymMapsTable {
  id: string;
  /** The placeholder -> value mapping, sealed as JSON (table pseudonym_maps, column mapping). */
  mapping_enc: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface EmailAnalysesTable {
  id: string;
  message_sha256: string;
  verdict: string;
  score: number;
  /** JSON: reason ids, points, where and evidence (domains, file names, lure phrases), never the body. */
  reasons: string;
  subject_enc: string | null;
  from_enc: string | null;
  source: string;
  submitted_by: string;
  created_at: Timestamp;
}

export interface DomainWatchTable {
  id: string;
  domain: string;
  /** JSON: the registered lookalikes seen at the last check, with their A/MX records. */
  state: string;
  checked_at: Timestamp | null;
  created_at: Timestamp;
}

/** Shield's reported-phish mailbox (migration 2026-11-29-009-mailbox). */
export interface MailboxSettingsTable {
  id: string;
  /** JSON: hosts, ports, TLS modes, user names, folders, interval; never the passwords. */
  config: string;
  imap_password_enc: string | null;
  smtp_password_enc: string | null;
  last_poll_at: Timestamp | null;
  /** JSON: counts and the error of the last poll, if any. */
  last_poll: string | null;
  updated_at: Timestamp;
  updated_by: string;
}

export interface MailboxReportsTable {
  id: string;
  analysis_id: string | null;
  /** Hash of the IMAP host and user (migration 2026-11-29-010): UIDs are unique per account only. */
  account: string;
  folder: string;
  uid_validity: string;
  uid: number;
  reporter_enc: string | null;
  reporter_index: string | null;
  locale: string;
  /** replied, reply_failed, not_replied, rejected. */
  status: string;
  error: string | null;
  received_at: Timestamp | null;
  created_at: Timestamp;
}

export interface DomainAlertsTable {
  id: string;
  watch_id: string;
  domain: string;
  kind: string;
  details: string;
  created_at: Timestamp;
  acknowledged_at: Timestamp | null;
}

export interface StudioDraftsTable {
  id: string;
  /** draft, in_review, changes_requested, approved, exported. */
  status: string;
  type: string;
  lang: string;
  provider: string;
  model: string | null;
  involvement: string;
  /** The brief as JSON, sealed (table studio_drafts, column brief): it may name people. */
  brief_enc: string;
  brief_sha256: string;
  /** Ledger actor of the author (`user:<id>`, `token:<id>`, `cli`). */
  author: string;
  current_version: number;
  selected_variant: number;
  /** JSON array of ledger actors who approved or sent back the draft. */
  reviewed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  exported_at: Timestamp | null;
}

export interface StudioVersionsTable {
  id: string;
  draft_id: string;
  version: number;
  variant: number;
  /** The draft, its Guard findings and readability as JSON, sealed (column content). */
  content_enc: string;
  content_sha256: string;
  verdict: string;
  created_by: string;
  created_at: Timestamp;
}

export interface StudioCommentsTable {
  id: string;
  draft_id: string;
  author: string;
  /** Sealed (column body). */
  body_enc: string;
  created_at: Timestamp;
}

export interface StudioProvidersTable {
  name: string;
  /** JSON settings without the API key. */
  config: string;
  /** Sealed (row = name, column api_key). */
  api_key_enc: string | null;
  updated_at: Timestamp;
}

/** Assistant (migration 2026-11-29-005-assistant). */
export interface AssistantsTable {
  id: string;
  name: string;
  settings: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KbArticlesTable {
  id: string;
  assistant_id: string;
  slug: string;
  title: string;
  lang: string;
  /** Approved public content, kept as imported. */
  markdown: string;
  status: string;
  findings: string;
  updated_at: Timestamp;
}

export interface ConversationsTable {
  id: string;
  assistant_id: string;
  token_hash: string;
  /** Sealed conversation state (includes what the customer typed, for restoring placeholders). */
  state_enc: string;
  status: string;
  lang: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: Timestamp;
}

export interface ConversationMessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  role: string;
  /** Sealed: customer messages may hold personal data. */
  text_enc: string;
  /** JSON: citations, confidence, handoff, refusal, feedback; never text. */
  meta: string;
  created_at: Timestamp;
}

export interface CustomersTable {
  /** Blind index of the CRM id (or normalised e-mail): the pseudonymous id used everywhere. */
  subject: string;
  /** The per-subject data key, sealed by the keyring (table customers, column data_key, row subject). */
  key_enc: string;
  /** The profile JSON sealed under the per-subject key: deleting the row shreds it. */
  profile_enc: string;
  email_bidx: string | null;
  phone_bidx: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_active_at: Timestamp | null;
}

/** Suppression list of erased customers (subject ids only). */
export interface ErasedSubjectsTable {
  subject: string;
  erased_at: string;
}

export interface CustomerConsentsTable {
  subject: string;
  purpose: string;
  status: 'given' | 'withdrawn';
  lawful_basis: string;
  source: string;
  given_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  updated_at: Timestamp;
}

/** Events (migration 2026-11-29-007-events). */
export interface EventBatchesTable {
  id: string;
  /** `api`, `file` or `cli`. */
  source: string;
  received_at: Timestamp;
  /** Events stored (duplicates excluded). */
  count: number;
  /** sha256 hex of the batch's canonical rows. */
  fingerprint: string;
  /** JSON: counts per type, subjects, items, time range, duplicates, drift figures. */
  stats: string;
  status: 'accepted' | 'quarantined' | 'released' | 'purged';
  /** JSON array of `{ code, data }`: why the batch was quarantined (codes and counts, no subjects). */
  reasons: string;
  created_by: string;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface CustomerEventsTable {
  event_id: string;
  /** Pseudonymous customer id (blind index), never the raw customer id. */
  subject: string;
  type: string;
  item: string;
  /** The rating, or the amount of a purchase. */
  value: number | null;
  occurred_at: Timestamp;
  batch_id: string;
}

/** Insights (migration 2026-11-29-008-insights). */
export interface SegmentsTable {
  id: string;
  name: string;
  /** `rfm`, `cluster` or `propensity`. */
  kind: string;
  /** JSON: what computes the membership (RFM segment, cluster k and index, propensity threshold). */
  definition: string;
  size: number;
  /** Subjects considered (consenting to profiling, with events) when it was computed. */
  population: number;
  /** JSON: aggregate profile (cluster means, model AUC); never per-subject values. */
  profile: string;
  computed_at: Timestamp;
  computed_by: string;
  /**
   * When a member was erased or purged since the computation (migration 012); null when current.
   * The stored size, population and profile still count that person: hidden until recomputed.
   */
  stale_since: Timestamp | null;
}

export interface SegmentMembersTable {
  segment_id: string;
  /** Pseudonymous subject id (the vault's blind index). */
  subject: string;
  score: number | null;
}

export interface FairnessAuditsTable {
  id: string;
  segment_id: string;
  attribute: string;
  population: number;
  /** JSON FairnessReport (per-group counts and rates, metrics), unsuppressed: views apply k. */
  report: string;
  passed: number;
  /** JSON array of failed rule codes. */
  failures: string;
  created_at: Timestamp;
}

export interface SegmentUsesTable {
  id: string;
  segment_id: string;
  campaign: string;
  audit_id: string | null;
  /** `approved`, `review`, `rejected` or `stale` (the segment was recomputed after the audit). */
  status: string;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  comment: string | null;
}

export interface RecommendationsTable {
  subject: string;
  /** JSON Recommendation[]. */
  items: string;
  computed_at: Timestamp;
}

export interface Database {
  meta: MetaTable;
  workspace: WorkspaceTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  keys: KeysTable;
  ledger_entries: LedgerEntriesTable;
  ledger_nodes: LedgerNodesTable;
  ledger_state: LedgerStateTable;
  ledger_heads: LedgerHeadsTable;
  settings: SettingsTable;
  facts: FactsTable;
  known_values: KnownValuesTable;
  pseudonym_maps: PseudonymMapsTable;
  email_analyses: EmailAnalysesTable;
  domain_watch: DomainWatchTable;
  domain_alerts: DomainAlertsTable;
  mailbox_settings: MailboxSettingsTable;
  mailbox_reports: MailboxReportsTable;
  assistants: AssistantsTable;
  kb_articles: KbArticlesTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  studio_drafts: StudioDraftsTable;
  studio_versions: StudioVersionsTable;
  studio_comments: StudioCommentsTable;
  studio_providers: StudioProvidersTable;
  customers: CustomersTable;
  customer_consents: CustomerConsentsTable;
  erased_subjects: ErasedSubjectsTable;
  event_batches: EventBatchesTable;
  customer_events: CustomerEventsTable;
  segments: SegmentsTable;
  segment_members: SegmentMembersTable;
  fairness_audits: FairnessAuditsTable;
  segment_uses: SegmentUsesTable;
  recommendations: RecommendationsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type LedgerEntryRow = Selectable<LedgerEntriesTable>;
export type LedgerHeadRow = Selectable<LedgerHeadsTable>;
export type KeyRow = Selectable<KeysTable>;
// Generated is re-exported for modules that declare their own tables.
export type { Generated };

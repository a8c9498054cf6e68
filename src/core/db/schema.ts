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
  assistants: AssistantsTable;
  kb_articles: KbArticlesTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  studio_drafts: StudioDraftsTable;
  studio_versions: StudioVersionsTable;
  studio_comments: StudioCommentsTable;
  studio_providers: StudioProvidersTable;
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

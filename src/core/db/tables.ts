/**
 * Every table a backup carries, parents before children (foreign keys): restore inserts in this order
 * and deletes in the reverse. A migration that adds a table adds it here.
 */
export const TABLE_ORDER = [
  'meta',
  'workspace',
  'keys',
  'users',
  'sessions',
  'api_tokens',
  'ledger_entries',
  'ledger_nodes',
  'ledger_state',
  'ledger_heads',
  'settings',
  'facts',
  'known_values',
  'pseudonym_maps',
  'email_analyses',
  'domain_watch',
  'domain_alerts',
  'studio_drafts',
  'studio_versions',
  'studio_comments',
  'studio_providers',
  'assistants',
  'kb_articles',
  'conversations',
  'conversation_messages',
] as const;

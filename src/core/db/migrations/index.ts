import type { Kysely, Migration } from 'kysely';
import * as foundation from './2026-11-29-001-foundation.js';
import * as guard from './2026-11-29-002-guard.js';
import * as shield from './2026-11-29-003-shield.js';
import * as studio from './2026-11-29-004-studio.js';
import * as assistant from './2026-11-29-005-assistant.js';
import * as customers from './2026-11-29-006-customers.js';
import * as events from './2026-11-29-007-events.js';
import * as insights from './2026-11-29-008-insights.js';
import * as mailbox from './2026-11-29-009-mailbox.js';
import * as mailboxAccount from './2026-11-29-010-mailbox-account.js';
import * as erasedSubjects from './2026-11-29-011-erased-subjects.js';
import * as segmentsStale from './2026-11-29-012-segments-stale.js';

export type Dialect = 'sqlite' | 'postgres';

/** Column types that differ between the engines; everything else is written once. */
export interface MigrationContext {
  dialect: Dialect;
  binary: 'blob' | 'bytea';
  bigint: 'integer' | 'bigint';
}

interface MigrationModule {
  up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
  down(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
}

/** Every migration, in order. Names are timestamped and never change once released. */
const migrations: Record<string, MigrationModule> = {
  '2026-11-29-001-foundation': foundation,
  '2026-11-29-002-guard': guard,
  '2026-11-29-003-shield': shield,
  '2026-11-29-004-studio': studio,
  '2026-11-29-005-assistant': assistant,
  '2026-11-29-006-customers': customers,
  '2026-11-29-007-events': events,
  '2026-11-29-008-insights': insights,
  '2026-11-29-009-mailbox': mailbox,
  '2026-11-29-010-mailbox-account': mailboxAccount,
  '2026-11-29-011-erased-subjects': erasedSubjects,
  '2026-11-29-012-segments-stale': segmentsStale,
};

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const ctx: MigrationContext = {
    dialect,
    binary: dialect === 'sqlite' ? 'blob' : 'bytea',
    bigint: dialect === 'sqlite' ? 'integer' : 'bigint',
  };
  return Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [
      name,
      { up: (db: Kysely<unknown>) => m.up(db, ctx), down: (db: Kysely<unknown>) => m.down(db, ctx) },
    ]),
  );
}

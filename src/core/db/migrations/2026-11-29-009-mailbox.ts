import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Shield's reported-phish mailbox: its settings (passwords sealed) and one row per reported message,
 * keyed by folder, UIDVALIDITY and UID so a message is never processed twice, even by two instances.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('mailbox_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('imap_password_enc', 'text')
    .addColumn('smtp_password_enc', 'text')
    .addColumn('last_poll_at', 'text')
    .addColumn('last_poll', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mailbox_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('analysis_id', 'text', (c) => c.references('email_analyses.id').onDelete('set null'))
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('uid', 'integer', (c) => c.notNull())
    .addColumn('reporter_enc', 'text')
    .addColumn('reporter_index', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('received_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mailbox_reports_message', ['folder', 'uid_validity', 'uid'])
    .execute();
  await db.schema.createIndex('mailbox_reports_created').on('mailbox_reports').column('created_at').execute();
  await db.schema
    .createIndex('mailbox_reports_reporter')
    .on('mailbox_reports')
    .column('reporter_index')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['mailbox_reports', 'mailbox_settings']) await db.schema.dropTable(t).ifExists().execute();
}

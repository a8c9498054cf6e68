import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The reported mailbox's dedupe key gains the account (a hash of IMAP host and user): UIDs are only
 * unique within one account's folder, so after a change of mailbox the old rows must not make new
 * messages look processed. SQLite cannot drop a table constraint, so the table is rebuilt on both engines.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('mailbox_reports_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('analysis_id', 'text', (c) => c.references('email_analyses.id').onDelete('set null'))
    .addColumn('account', 'text', (c) => c.notNull())
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
    .addUniqueConstraint('mailbox_reports_account_message', ['account', 'folder', 'uid_validity', 'uid'])
    .execute();
  // Rows from before have no known account: '' never equals a hash, so they never hide a new message.
  await sql`insert into mailbox_reports_next
    (id, analysis_id, account, folder, uid_validity, uid, reporter_enc, reporter_index, locale, status,
     error, received_at, created_at)
    select id, analysis_id, '', folder, uid_validity, uid, reporter_enc, reporter_index, locale, status,
     error, received_at, created_at from mailbox_reports`.execute(db);
  await db.schema.dropTable('mailbox_reports').execute();
  await db.schema.alterTable('mailbox_reports_next').renameTo('mailbox_reports').execute();
  await db.schema.createIndex('mailbox_reports_created').on('mailbox_reports').column('created_at').execute();
  await db.schema
    .createIndex('mailbox_reports_reporter')
    .on('mailbox_reports')
    .column('reporter_index')
    .execute();
}

export async function down(): Promise<void> {
  // Forward only: the old key cannot hold two accounts' messages with the same UIDs.
}

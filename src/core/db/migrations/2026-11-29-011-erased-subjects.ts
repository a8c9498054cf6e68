import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Erased customers' subject ids (keyed blind indexes, no personal data): a suppression list so that
 * events sent again after an erasure request do not bring the person back.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('erased_subjects')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('erased_subjects').execute();
}

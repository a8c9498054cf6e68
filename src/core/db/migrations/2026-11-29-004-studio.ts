import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/** Studio: drafts with their versions (sealed text), review comments and model provider settings. */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('studio_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('model', 'text')
    .addColumn('involvement', 'text', (c) => c.notNull())
    .addColumn('brief_enc', 'text', (c) => c.notNull())
    .addColumn('brief_sha256', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('selected_variant', 'integer', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('exported_at', 'text')
    .execute();
  await db.schema.createIndex('studio_drafts_created').on('studio_drafts').column('created_at').execute();

  await db.schema
    .createTable('studio_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('studio_drafts.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('variant', 'integer', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('studio_versions_unique', ['draft_id', 'version', 'variant'])
    .execute();

  await db.schema
    .createTable('studio_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('studio_drafts.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('studio_comments_draft').on('studio_comments').column('draft_id').execute();

  await db.schema
    .createTable('studio_providers')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('api_key_enc', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['studio_providers', 'studio_comments', 'studio_versions', 'studio_drafts'])
    await db.schema.dropTable(t).ifExists().execute();
}

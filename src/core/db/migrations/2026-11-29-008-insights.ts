import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Insights: segments and their computed members (pseudonymous subjects only), requests to use a
 * segment for a campaign, the bias audit run before each use, and batch recommendations.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('computed_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('segment_members')
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addPrimaryKeyConstraint('segment_members_pk', ['segment_id', 'subject'])
    .execute();
  await db.schema.createIndex('segment_members_subject').on('segment_members').column('subject').execute();

  await db.schema
    .createTable('fairness_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id').onDelete('cascade'))
    .addColumn('attribute', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('failures', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('segment_uses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id').onDelete('cascade'))
    .addColumn('campaign', 'text', (c) => c.notNull())
    .addColumn('audit_id', 'text', (c) => c.references('fairness_audits.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('segment_uses_status')
    .on('segment_uses')
    .columns(['status', 'requested_at'])
    .execute();

  await db.schema
    .createTable('recommendations')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['recommendations', 'segment_uses', 'fairness_audits', 'segment_members', 'segments'])
    await db.schema.dropTable(t).ifExists().execute();
}

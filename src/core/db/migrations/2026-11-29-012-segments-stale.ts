import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Segments gain `stale_since` (ISO time, null when current): set by an erasure or a retention purge
 * that removed one of the segment's members. The stored size, population and profile still count that
 * person, so they are no longer shown and the segment cannot be used for targeting until a recompute
 * (which writes the row anew, `stale_since` null again).
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('segments').addColumn('stale_since', 'text').execute();
}

/** Both engines drop a column (SQLite since 3.35; the bundled one is newer). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('segments').dropColumn('stale_since').execute();
}

import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Behavioural events and the batches they arrive in. A batch is checked for poisoning before its
 * events may be used: `status` says whether they are (accepted, released) or not (quarantined; purged
 * batches keep their row, without events, for the record). `subject` is the customer's pseudonymous
 * id (the vault's blind index), never the customer id itself.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('event_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('stats', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('event_batches_status')
    .on('event_batches')
    .columns(['status', 'received_at'])
    .execute();

  await db.schema
    .createTable('customer_events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('event_batches.id').onDelete('cascade'))
    .execute();
  // Batch: release and purge; subject: erasure and first-seen lookups; type and time: the history
  // the checks read and what insights read.
  await db.schema.createIndex('customer_events_batch').on('customer_events').column('batch_id').execute();
  await db.schema.createIndex('customer_events_subject').on('customer_events').column('subject').execute();
  await db.schema
    .createIndex('customer_events_type_time')
    .on('customer_events')
    .columns(['type', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_events').ifExists().execute();
  await db.schema.dropTable('event_batches').ifExists().execute();
}

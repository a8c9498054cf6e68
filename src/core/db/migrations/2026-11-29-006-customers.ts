import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Customer vault: one row per data subject, its personal fields sealed under a per-subject data key
 * (itself sealed by the keyring, so erasing the row shreds the key), and consent per purpose.
 * `subject` is the keyed blind index of the CRM id: the pseudonymous id used everywhere else.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('key_enc', 'text', (c) => c.notNull())
    .addColumn('profile_enc', 'text', (c) => c.notNull())
    .addColumn('email_bidx', 'text')
    .addColumn('phone_bidx', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_active_at', 'text')
    .execute();
  await db.schema.createIndex('customers_email_bidx').on('customers').column('email_bidx').execute();
  await db.schema.createIndex('customers_phone_bidx').on('customers').column('phone_bidx').execute();
  await db.schema.createIndex('customers_updated').on('customers').column('updated_at').execute();

  await db.schema
    .createTable('customer_consents')
    .addColumn('subject', 'text', (c) => c.notNull().references('customers.subject').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lawful_basis', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_consents_pk', ['subject', 'purpose'])
    .execute();
  await db.schema
    .createIndex('customer_consents_purpose')
    .on('customer_consents')
    .columns(['purpose', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['customer_consents', 'customers']) await db.schema.dropTable(t).ifExists().execute();
}

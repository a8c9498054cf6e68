import { sql } from 'kysely';
import { z } from 'zod';
import { actorOf, type Principal, readSetting, type Vigie, writeSetting } from '../../core/index.js';
import { removeSubjects } from './dsr.js';

const SETTING_KEY = 'customers.retention';
/** Three years after the last contact: the CNIL's reference period for customer and prospect data. */
export const DEFAULT_RETENTION_DAYS = 1095;
const BATCH = 500;

export const retentionSchema = z.object({ days: z.number().int().min(1).max(36_500) }).strict();
export type Retention = z.infer<typeof retentionSchema>;

export async function getRetention(vigie: Pick<Vigie, 'db'>): Promise<Retention> {
  const raw = await readSetting(vigie.db, SETTING_KEY);
  const parsed = raw ? retentionSchema.safeParse(JSON.parse(raw)) : undefined;
  return parsed?.success ? parsed.data : { days: DEFAULT_RETENTION_DAYS };
}

export async function setRetention(
  vigie: Vigie,
  actor: Principal | undefined,
  input: Retention,
): Promise<Retention> {
  const r = retentionSchema.parse(input);
  await writeSetting(vigie, actor, SETTING_KEY, JSON.stringify(r), 'customers.retention.set');
  return r;
}

/**
 * Deletes the profiles neither updated nor active within the retention period, with the subjects'
 * rows everywhere and what was derived from them (as an erasure does: segments they were in become
 * stale, stored recommendations are dropped). Batches keep each transaction short; each is in the ledger.
 */
export async function purgeExpiredCustomers(
  vigie: Vigie,
  actor?: Principal,
  now: Date = new Date(),
): Promise<{ deleted: number; cutoff: string }> {
  const { days } = await getRetention(vigie);
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  let deleted = 0;
  for (;;) {
    const rows = await vigie.db
      .selectFrom('customers')
      .select('subject')
      .where(sql<string>`coalesce(last_active_at, updated_at)`, '<', cutoff)
      .where('updated_at', '<', cutoff)
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const subjects = rows.map((r) => r.subject);
    await vigie.db.transaction().execute(async (tx) => {
      const { counts, derived } = await removeSubjects(tx, vigie.ledger, actorOf(actor), subjects);
      await vigie.ledger.append(tx, [
        {
          actor: actorOf(actor),
          action: 'customers.retention.purge',
          target: 'customers',
          details: { cutoff, retentionDays: days, subjects, deleted: counts, derived },
        },
      ]);
    });
    deleted += subjects.length;
  }
  return { deleted, cutoff };
}

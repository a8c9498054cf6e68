import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { notFound } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { mask } from '../pseudonymise/irreversible.js';

/** Values the workspace registers so Guard finds them exactly (customer names, e-mails, VIP names). */
export const knownValueInputSchema = z.strictObject({
  value: z.string().trim().min(2).max(200),
  entity: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z_]{1,31}$/, 'an entity type in capitals, such as PERSON or EMAIL')
    .default('KNOWN_VALUE'),
});
export type KnownValueInput = z.input<typeof knownValueInputSchema>;

export interface KnownValueView {
  id: string;
  entity: string;
  /** Masked: the list shows enough to recognise an entry, never the value. */
  masked: string;
  createdAt: string;
}

const FIELD = { table: 'known_values', column: 'value' };
const CACHE_MS = 30_000;
const cache = new WeakMap<Vigie, { at: number; values: Array<{ value: string; entity: string }> }>();

const normalise = (v: string) => v.normalize('NFC').trim().toLowerCase();

export async function addKnownValues(
  vigie: Vigie,
  actor: Principal | undefined,
  inputs: KnownValueInput[],
): Promise<{ added: number; duplicates: number }> {
  const values = z.array(knownValueInputSchema).max(10_000).parse(inputs);
  let added = 0;
  await vigie.db.transaction().execute(async (tx) => {
    for (const v of values) {
      const id = randomUUID();
      const res = await tx
        .insertInto('known_values')
        .values({
          id,
          entity: v.entity,
          value_enc: vigie.keyring.seal(v.value, { ...FIELD, row: id }),
          value_bidx: vigie.keyring.blindIndex(normalise(v.value), FIELD),
          created_at: nowIso(),
        })
        .onConflict((oc) => oc.column('value_bidx').doNothing())
        .executeTakeFirst();
      added += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'guard.known-values.add',
        details: { added, duplicates: values.length - added },
      },
    ]);
  });
  cache.delete(vigie);
  return { added, duplicates: values.length - added };
}

export async function listKnownValues(vigie: Vigie): Promise<KnownValueView[]> {
  const rows = await vigie.db.selectFrom('known_values').selectAll().orderBy('created_at').execute();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      entity: r.entity,
      masked: mask(await vigie.keyring.open(r.value_enc, { ...FIELD, row: r.id }), r.entity),
      createdAt: r.created_at,
    })),
  );
}

export async function deleteKnownValue(
  vigie: Vigie,
  actor: Principal | undefined,
  id: string,
): Promise<void> {
  await vigie.db.transaction().execute(async (tx) => {
    const res = await tx.deleteFrom('known_values').where('id', '=', id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('known value');
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'guard.known-values.delete', target: `known-value:${id}` },
    ]);
  });
  cache.delete(vigie);
}

/** Decrypted values for the detectors, cached briefly (other instances' changes show within 30 s). */
export async function loadKnownValues(vigie: Vigie): Promise<Array<{ value: string; entity: string }>> {
  const hit = cache.get(vigie);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.values;
  const rows = await vigie.db.selectFrom('known_values').selectAll().execute();
  const values = await Promise.all(
    rows.map(async (r) => ({
      value: await vigie.keyring.open(r.value_enc, { ...FIELD, row: r.id }),
      entity: r.entity,
    })),
  );
  cache.set(vigie, { at: Date.now(), values });
  return values;
}

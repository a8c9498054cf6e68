import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { notFound } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import type { Fact } from '../types.js';

export const factInputSchema = z.strictObject({
  statement: z.string().trim().min(3).max(1000),
  source: z.string().trim().min(1).max(500),
  owner: z.string().trim().max(120).nullable().optional(),
  lang: z.enum(['en', 'fr']).nullable().optional(),
  expiresAt: z.string().datetime({ offset: true }).nullable().optional(),
});
export type FactInput = z.input<typeof factInputSchema>;

export interface FactView extends Fact {
  owner: string | null;
  lang: string | null;
  expiresAt: string | null;
  expired: boolean;
  createdAt: string;
  updatedAt: string;
}

type FactRow = {
  id: string;
  statement: string;
  source: string;
  owner: string | null;
  lang: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
};

function toView(r: FactRow, now = nowIso()): FactView {
  return {
    id: r.id,
    statement: r.statement,
    source: r.source,
    owner: r.owner,
    lang: r.lang,
    expiresAt: r.expires_at,
    expired: Boolean(r.expires_at && r.expires_at <= now),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Approved facts: what the brand may claim, each with a source and an optional expiry. */
export async function listFacts(vigie: Vigie): Promise<FactView[]> {
  const rows = await vigie.db.selectFrom('facts').selectAll().orderBy('created_at').execute();
  const now = nowIso();
  return rows.map((r) => toView(r, now));
}

export async function createFact(
  vigie: Vigie,
  actor: Principal | undefined,
  input: FactInput,
): Promise<FactView> {
  const data = factInputSchema.parse(input);
  const now = nowIso();
  const row: FactRow = {
    id: randomUUID(),
    statement: data.statement,
    source: data.source,
    owner: data.owner ?? null,
    lang: data.lang ?? null,
    expires_at: data.expiresAt ? new Date(data.expiresAt).toISOString() : null,
    created_at: now,
    updated_at: now,
  };
  await vigie.db.transaction().execute(async (tx) => {
    await tx.insertInto('facts').values(row).execute();
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'guard.fact.create', target: `fact:${row.id}` },
    ]);
  });
  return toView(row);
}

export async function updateFact(
  vigie: Vigie,
  actor: Principal | undefined,
  id: string,
  input: FactInput,
): Promise<FactView> {
  const data = factInputSchema.parse(input);
  return vigie.db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('facts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!existing) throw notFound('fact');
    const row: FactRow = {
      ...existing,
      statement: data.statement,
      source: data.source,
      owner: data.owner ?? null,
      lang: data.lang ?? null,
      expires_at: data.expiresAt ? new Date(data.expiresAt).toISOString() : null,
      updated_at: nowIso(),
    };
    await tx.updateTable('facts').set(row).where('id', '=', id).execute();
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'guard.fact.update', target: `fact:${id}` },
    ]);
    return toView(row);
  });
}

export async function deleteFact(vigie: Vigie, actor: Principal | undefined, id: string): Promise<void> {
  await vigie.db.transaction().execute(async (tx) => {
    const res = await tx.deleteFrom('facts').where('id', '=', id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('fact');
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'guard.fact.delete', target: `fact:${id}` },
    ]);
  });
}

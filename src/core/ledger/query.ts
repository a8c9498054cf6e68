import { sql } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../db/index.js';
import type { LedgerEntry } from './entry.js';
import { rowToEntry } from './ledger.js';

export const entryFilterSchema = z.object({
  /** An action, or a prefix of one (`auth` finds `auth.login` and `auth.logout`). */
  action: z.string().trim().max(100).optional(),
  /** An actor (`user:<id>`, `cli`...) or a username, resolved to its `user:<id>`. */
  actor: z.string().trim().max(200).optional(),
  since: z.string().datetime({ offset: true }).optional(),
  until: z.string().datetime({ offset: true }).optional(),
  /** Newest first: entries with seq strictly below this one. */
  before: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type EntryFilter = z.input<typeof entryFilterSchema>;

export interface EntryPage {
  entries: Array<LedgerEntry & { actorName: string | null }>;
  nextBefore: number | null;
}

export async function listEntries(db: Executor, filter: EntryFilter): Promise<EntryPage> {
  const f = entryFilterSchema.parse(filter);
  let actor = f.actor;
  if (actor && !actor.includes(':') && actor !== 'system' && actor !== 'anonymous') {
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', actor.toLowerCase())
      .executeTakeFirst();
    actor = user ? `user:${user.id}` : `user:unknown`;
  }
  let q = db
    .selectFrom('ledger_entries')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(f.limit + 1);
  // substr works alike on both engines, with no LIKE wildcards to escape.
  if (f.action) q = q.where(sql<string>`substr(action, 1, ${f.action.length})`, '=', f.action);
  if (actor) q = q.where('actor', '=', actor);
  if (f.since) q = q.where('at', '>=', new Date(f.since).toISOString());
  if (f.until) q = q.where('at', '<=', new Date(f.until).toISOString());
  if (f.before !== undefined) q = q.where('seq', '<', f.before);
  const rows = await q.execute();
  const page = rows.slice(0, f.limit).map(rowToEntry);
  const userIds = [
    ...new Set(
      page
        .map((e) => e.actor)
        .filter((a) => a.startsWith('user:'))
        .map((a) => a.slice(5)),
    ),
  ];
  const names = new Map<string, string>();
  if (userIds.length > 0) {
    const users = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('id', 'in', userIds)
      .execute();
    for (const u of users) names.set(`user:${u.id}`, u.username);
  }
  return {
    entries: page.map((e) => ({ ...e, actorName: names.get(e.actor) ?? null })),
    nextBefore: rows.length > f.limit ? page[page.length - 1]!.seq : null,
  };
}

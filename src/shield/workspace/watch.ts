import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import type { DnsQuery } from '../dns.js';
import type { ResolvedPermutation } from '../domains/format.js';
import { isValidFqdn, toAsciiDomain } from '../domains/idna.js';
import { permute } from '../domains/permute.js';
import { resolvePermutations } from '../domains/resolve.js';

/** What the watch list remembers of each live lookalike: enough to notice a change, nothing more. */
interface Seen {
  fuzzer: string;
  a: boolean;
  mx: string[];
}
type State = Record<string, Seen>;

export interface WatchView {
  id: string;
  domain: string;
  registered: number;
  withMx: number;
  checkedAt: string | null;
  createdAt: string;
}

export interface AlertView {
  id: string;
  watchId: string;
  domain: string;
  kind: 'registered' | 'mx';
  details: Record<string, unknown>;
  createdAt: string;
  acknowledgedAt: string | null;
}

export const watchInputSchema = z.object({ domain: z.string().trim().min(3).max(253) });

function view(r: {
  id: string;
  domain: string;
  state: string;
  checked_at: string | null;
  created_at: string;
}): WatchView {
  const state = JSON.parse(r.state) as State;
  const list = Object.values(state);
  return {
    id: r.id,
    domain: r.domain,
    registered: list.length,
    withMx: list.filter((s) => s.mx.length > 0).length,
    checkedAt: r.checked_at,
    createdAt: r.created_at,
  };
}

export async function listWatched(vigie: Vigie): Promise<WatchView[]> {
  return (await vigie.db.selectFrom('domain_watch').selectAll().orderBy('domain').execute()).map(view);
}

export async function watchDomain(
  vigie: Vigie,
  actor: Principal | undefined,
  input: z.input<typeof watchInputSchema>,
): Promise<WatchView> {
  const ascii = toAsciiDomain(watchInputSchema.parse(input).domain.toLowerCase().replace(/\.$/, ''));
  if (!ascii || !isValidFqdn(ascii)) throw new AppError('VALIDATION', 'a domain such as example.com');
  const row = { id: randomUUID(), domain: ascii, state: '{}', checked_at: null, created_at: nowIso() };
  await vigie.db.transaction().execute(async (tx) => {
    const exists = await tx
      .selectFrom('domain_watch')
      .select('id')
      .where('domain', '=', ascii)
      .executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', `${ascii} is already watched`);
    await tx.insertInto('domain_watch').values(row).execute();
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'shield.watch.add', target: `domain:${ascii}` },
    ]);
  });
  return view(row);
}

export async function unwatchDomain(vigie: Vigie, actor: Principal | undefined, id: string): Promise<void> {
  await vigie.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('domain_watch').select('domain').where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('watched domain');
    await tx.deleteFrom('domain_alerts').where('watch_id', '=', id).execute();
    await tx.deleteFrom('domain_watch').where('id', '=', id).execute();
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'shield.watch.remove', target: `domain:${row.domain}` },
    ]);
  });
}

/** Pure: alerts for lookalikes that appeared since the last check, or that gained MX records. */
export function diffWatch(
  previous: State,
  live: ResolvedPermutation[],
): {
  state: State;
  alerts: Array<{ kind: 'registered' | 'mx'; domain: string; details: Record<string, unknown> }>;
} {
  const state: State = {};
  const alerts: Array<{ kind: 'registered' | 'mx'; domain: string; details: Record<string, unknown> }> = [];
  for (const p of live) {
    if (p.fuzzer === '*original') continue;
    const seen: Seen = {
      fuzzer: p.fuzzer,
      a: Boolean(p.dns_a?.length || p.dns_aaaa?.length),
      mx: (p.dns_mx ?? []).filter((m) => !m.startsWith('!')),
    };
    state[p.domain] = seen;
    const before = previous[p.domain];
    if (!before)
      alerts.push({
        kind: 'registered',
        domain: p.domain,
        details: { fuzzer: p.fuzzer, mx: seen.mx.length > 0 },
      });
    else if (before.mx.length === 0 && seen.mx.length > 0)
      alerts.push({ kind: 'mx', domain: p.domain, details: { fuzzer: p.fuzzer, mx: seen.mx.slice(0, 5) } });
  }
  return { state, alerts };
}

/** Re-checks every watched domain (the schedule calls it; the console can too). */
export async function checkWatchList(
  vigie: Vigie,
  actor: Principal | undefined,
  query: DnsQuery,
): Promise<{ checked: number; alerts: number }> {
  const rows = await vigie.db.selectFrom('domain_watch').selectAll().execute();
  let alerts = 0;
  for (const row of rows) {
    const live = await resolvePermutations(permute(row.domain), query, {
      registeredOnly: true,
      concurrency: 32,
    });
    const diff = diffWatch(row.checked_at ? (JSON.parse(row.state) as State) : {}, live);
    // The first check sets the baseline: what already exists is listed, not alerted.
    const fresh = row.checked_at ? diff.alerts : [];
    await vigie.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('domain_watch')
        .set({ state: JSON.stringify(diff.state), checked_at: nowIso() })
        .where('id', '=', row.id)
        .execute();
      for (const a of fresh) {
        await tx
          .insertInto('domain_alerts')
          .values({
            id: randomUUID(),
            watch_id: row.id,
            domain: a.domain,
            kind: a.kind,
            details: JSON.stringify(a.details),
            created_at: nowIso(),
            acknowledged_at: null,
          })
          .execute();
      }
      await vigie.ledger.append(tx, [
        {
          actor: actorOf(actor),
          action: 'shield.watch.check',
          target: `domain:${row.domain}`,
          details: { registered: Object.keys(diff.state).length, alerts: fresh.length },
        },
      ]);
    });
    alerts += fresh.length;
  }
  return { checked: rows.length, alerts };
}

export async function listAlerts(vigie: Vigie): Promise<AlertView[]> {
  const rows = await vigie.db
    .selectFrom('domain_alerts')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    watchId: r.watch_id,
    domain: r.domain,
    kind: r.kind as AlertView['kind'],
    details: JSON.parse(r.details),
    createdAt: r.created_at,
    acknowledgedAt: r.acknowledged_at,
  }));
}

export async function acknowledgeAlert(
  vigie: Vigie,
  actor: Principal | undefined,
  id: string,
): Promise<void> {
  await vigie.db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('domain_alerts')
      .set({ acknowledged_at: nowIso() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('alert');
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'shield.alert.acknowledge', target: `alert:${id}` },
    ]);
  });
}

/**
 * Coordinated bursts: many recently created accounts acting on the same item within a short window,
 * the footprint of a bot farm or a paid campaign. For each item, a sliding window over the events of
 * new accounts finds the densest stretches; a burst is reported when enough distinct new accounts
 * act in one window and they make up most of the item's activity in it.
 */
export interface AccountEvent {
  account: string;
  item: string;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface BurstOptions {
  /** An account is new for this long after its creation (default 7 days). */
  newAccountAgeMs?: number;
  /** Window length (default 1 hour). */
  windowMs?: number;
  /** Distinct new accounts needed in one window (default 10). */
  minAccounts?: number;
  /** Share of the window's distinct accounts that must be new (default 0.5). */
  minNewShare?: number;
}

export interface Burst {
  item: string;
  start: number;
  end: number;
  /** Distinct new accounts in the window, sorted. */
  accounts: string[];
  /** Distinct accounts of any age acting on the item in the window. */
  totalAccounts: number;
  newShare: number;
}

/** Events beyond this are refused: callers scan batches. */
export const MAX_BURST_EVENTS = 10_000_000;

export function detectBursts(
  events: readonly AccountEvent[],
  accountCreatedAt: ReadonlyMap<string, number>,
  options: BurstOptions = {},
): Burst[] {
  if (events.length > MAX_BURST_EVENTS) throw new RangeError('Too many events for one burst scan');
  const maxAge = options.newAccountAgeMs ?? 7 * 86_400_000;
  const windowMs = options.windowMs ?? 3_600_000;
  const minAccounts = options.minAccounts ?? 10;
  const minShare = options.minNewShare ?? 0.5;
  const byItem = new Map<string, AccountEvent[]>();
  for (const e of events) {
    const list = byItem.get(e.item);
    if (list) list.push(e);
    else byItem.set(e.item, [e]);
  }
  const bursts: Burst[] = [];
  for (const [item, list] of byItem) {
    list.sort((a, b) => a.at - b.at);
    const isNew = (e: AccountEvent) => {
      const created = accountCreatedAt.get(e.account);
      return created !== undefined && e.at >= created && e.at - created <= maxAge;
    };
    const newCount = new Map<string, number>();
    const allCount = new Map<string, number>();
    let lo = 0;
    let current: Burst | undefined;
    for (let hi = 0; hi < list.length; hi++) {
      const e = list[hi]!;
      bump(allCount, e.account, 1);
      if (isNew(e)) bump(newCount, e.account, 1);
      while (list[lo]!.at < e.at - windowMs) {
        const old = list[lo++]!;
        bump(allCount, old.account, -1);
        if (isNew(old)) bump(newCount, old.account, -1);
      }
      const share = newCount.size / allCount.size;
      if (newCount.size >= minAccounts && share >= minShare) {
        const start = list[lo]!.at;
        if (current && start <= current.end) {
          // Overlapping windows are one burst: extend it and add the accounts.
          current.end = e.at;
          const seen = new Set(current.accounts);
          for (const a of newCount.keys()) seen.add(a);
          current.accounts = [...seen];
          current.totalAccounts = Math.max(current.totalAccounts, allCount.size);
          current.newShare = Math.max(current.newShare, share);
        } else {
          current = {
            item,
            start,
            end: e.at,
            accounts: [...newCount.keys()],
            totalAccounts: allCount.size,
            newShare: share,
          };
          bursts.push(current);
        }
      }
    }
  }
  for (const b of bursts) b.accounts.sort();
  return bursts.sort((a, b) => b.accounts.length - a.accounts.length || a.start - b.start);
}

function bump(map: Map<string, number>, key: string, delta: number): void {
  const v = (map.get(key) ?? 0) + delta;
  if (v <= 0) map.delete(key);
  else map.set(key, v);
}

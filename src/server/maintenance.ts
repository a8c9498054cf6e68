import { purgeExpiredConversations } from '../assistant/index.js';
import { purgeExpiredSessions, type Vigie } from '../core/index.js';
import { purgeExpiredMaps } from '../guard/index.js';
import { purgeExpiredCustomers } from '../integrity/vault/index.js';
import { checkWatchList, createDnsQuery, pollMailboxIfDue } from '../shield/index.js';

const EVERY_MS = 10 * 60_000;
const WATCH_EVERY_MS = 6 * 3600_000;
const MAILBOX_TICK_MS = 60_000;

/**
 * Periodic work: expired sessions, pseudonym maps and conversations (retention) are deleted, not just
 * ignored; the lookalike
 * watch list is re-checked.
 */
export function startMaintenance(vigie: Vigie): () => void {
  const run = async () => {
    try {
      const sessions = await purgeExpiredSessions(vigie);
      const maps = await purgeExpiredMaps(vigie);
      const conversations = await purgeExpiredConversations(vigie);
      const customers = (await purgeExpiredCustomers(vigie)).deleted;
      if (customers > 0)
        vigie.log.info({ customers }, 'purged customer profiles past their retention period');
      if (sessions + maps + conversations > 0) {
        vigie.log.info(
          { sessions, maps, conversations },
          'purged expired sessions, pseudonym maps and conversations',
        );
      }
    } catch (err) {
      vigie.log.warn({ err }, 'maintenance failed; retrying later');
    }
  };
  // Lookalike domains are re-resolved on a slower schedule: it costs thousands of DNS queries.
  const watch = async () => {
    try {
      const { checked, alerts } = await checkWatchList(vigie, undefined, createDnsQuery({}));
      if (checked > 0) vigie.log.info({ checked, alerts }, 'watch list checked');
    } catch (err) {
      vigie.log.warn({ err }, 'watch list check failed; retrying later');
    }
  };
  void run();
  // The reported-phish mailbox: the tick is a minute, the interval is the workspace's setting.
  const mailbox = async () => {
    try {
      const polled = await pollMailboxIfDue(vigie);
      if (polled && polled.fetched > 0) vigie.log.info({ ...polled }, 'reported mailbox polled');
    } catch (err) {
      // AppError messages carry no secrets; the poll's own record keeps the details for the console.
      vigie.log.warn({ error: (err as Error).message }, 'reported mailbox poll failed; retrying later');
    }
  };
  const timers = [
    setInterval(run, EVERY_MS),
    setInterval(watch, WATCH_EVERY_MS),
    setInterval(mailbox, MAILBOX_TICK_MS),
  ];
  for (const t of timers) t.unref();
  return () => {
    for (const t of timers) clearInterval(t);
  };
}

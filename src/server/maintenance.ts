import { purgeExpiredConversations } from '../assistant/index.js';
import { purgeExpiredSessions, type Vigie } from '../core/index.js';
import { purgeExpiredMaps } from '../guard/index.js';
import { checkWatchList, createDnsQuery } from '../shield/index.js';

const EVERY_MS = 10 * 60_000;
const WATCH_EVERY_MS = 6 * 3600_000;

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
  const timers = [setInterval(run, EVERY_MS), setInterval(watch, WATCH_EVERY_MS)];
  for (const t of timers) t.unref();
  return () => {
    for (const t of timers) clearInterval(t);
  };
}

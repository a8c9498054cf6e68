import { AppError } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { withMailbox } from './imap.js';
import { mailboxSecrets } from './settings.js';
import { verifySmtp } from './smtp.js';

export interface ConnectionCheck {
  ok: boolean;
  error?: string;
  reason?: string;
}

async function check(fn: () => Promise<unknown>): Promise<ConnectionCheck> {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    const e = err instanceof AppError ? err : new AppError('BAD_REQUEST', 'the check failed');
    return { ok: false, error: e.message, reason: String(e.details?.reason ?? 'unknown') };
  }
}

/** Logs in to both servers with the saved settings and says, for each, whether it worked and why not. */
export async function testMailboxConnection(
  vigie: Vigie,
): Promise<{ imap: ConnectionCheck; smtp: ConnectionCheck }> {
  const settings = await mailboxSecrets(vigie);
  if (!settings) {
    const missing = { ok: false, error: 'the reported mailbox is not configured', reason: 'not-configured' };
    return { imap: missing, smtp: missing };
  }
  const [imap, smtp] = await Promise.all([
    check(() => withMailbox(settings, async () => undefined)),
    check(() => verifySmtp(settings)),
  ]);
  return { imap, smtp };
}

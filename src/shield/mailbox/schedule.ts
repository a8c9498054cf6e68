import type { Vigie } from '../../core/workspace.js';
import { type PollOptions, type PollSummary, pollMailbox } from './poll.js';
import { mailboxSettings } from './settings.js';

/**
 * Polls when the schedule is enabled and the configured interval has passed since the last poll
 * (the maintenance timer ticks every minute; the interval lives in the settings).
 */
export async function pollMailboxIfDue(
  vigie: Vigie,
  now: Date = new Date(),
  options: PollOptions = {},
): Promise<PollSummary | null> {
  const settings = await mailboxSettings(vigie);
  if (!settings?.enabled) return null;
  const last = settings.lastPollAt ? Date.parse(settings.lastPollAt) : 0;
  // A few seconds of slack so a one-minute interval is not skipped by timer jitter.
  if (now.getTime() - last < settings.pollMinutes * 60_000 - 5_000) return null;
  return pollMailbox(vigie, undefined, options);
}

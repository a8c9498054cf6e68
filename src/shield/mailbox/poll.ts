import { createHash, randomUUID } from 'node:crypto';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { AppError } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { analyseEmail } from '../email/analyse.js';
import type { Resolver } from '../email/auth.js';
import { MAX_MESSAGE_BYTES } from '../email/parse.js';
import type { EmailAnalysis } from '../email/types.js';
import { insertEmailAnalysis } from '../workspace/analyses.js';
import { shieldProtection } from '../workspace/protection.js';
import { type Envelope, type OpenMailbox, withMailbox } from './imap.js';
import { composeReply, type RejectedWhy } from './reply.js';
import { type MailboxSecrets, mailboxSecrets, notePoll } from './settings.js';
import { sendReply } from './smtp.js';
import { type Report, unwrapReport } from './unwrap.js';

export interface PollOptions {
  /** DNS for mail authentication (tests pass a function; default live DNS). */
  resolver?: Resolver;
}

export interface PollSummary {
  fetched: number;
  analysed: number;
  rejected: number;
  replied: number;
  replyFailed: number;
  /** Not answered because the reporter already got the most answers a day allows. */
  replySkipped: number;
  /** Already stored (a previous poll could not flag them): flagged again, not analysed again. */
  skipped: number;
}

/** The longest a poll keeps taking new messages; the rest wait for the next one. */
const POLL_BUDGET_MS = 120_000;

type ReplyStatus = 'replied' | 'reply_failed' | 'not_replied' | 'reply_skipped';

/**
 * Answers one reporter gets per day at most: the From of a forward is not authenticated, so without a
 * cap anyone could make the mailbox mail a victim over and over. Reports past it are still stored.
 */
export const REPLIES_PER_REPORTER = 20;
const REPLY_WINDOW_MS = 24 * 60 * 60_000;

const running = new WeakMap<Vigie, Promise<PollSummary>>();

/**
 * Polls the reported-phish mailbox once: each unseen message is unwrapped, analysed, stored with its
 * reporter sealed, flagged seen (or moved), and answered. One poll at a time per process; across
 * instances the unique (account, folder, UIDVALIDITY, UID) key keeps a message from being stored twice.
 */
export function pollMailbox(
  vigie: Vigie,
  actor: Principal | undefined,
  options: PollOptions = {},
): Promise<PollSummary> {
  const current = running.get(vigie);
  if (current) return current;
  const run = pollOnce(vigie, actor, options).finally(() => running.delete(vigie));
  running.set(vigie, run);
  return run;
}

async function pollOnce(
  vigie: Vigie,
  actor: Principal | undefined,
  options: PollOptions,
): Promise<PollSummary> {
  const settings = await mailboxSecrets(vigie);
  if (!settings)
    throw new AppError('BAD_REQUEST', 'the reported mailbox is not configured', { reason: 'not-configured' });
  const summary: PollSummary = {
    fetched: 0,
    analysed: 0,
    rejected: 0,
    replied: 0,
    replyFailed: 0,
    replySkipped: 0,
    skipped: 0,
  };
  try {
    await withMailbox(settings, async (box) => {
      const started = Date.now();
      for (const env of await box.unseen(settings.maxMessagesPerPoll)) {
        if (Date.now() - started > POLL_BUDGET_MS) break;
        summary.fetched++;
        await processOne(vigie, actor, settings, box, env, summary, options);
      }
    });
  } catch (err) {
    const e = err instanceof AppError ? err : new AppError('BAD_REQUEST', 'the poll failed');
    await notePoll(vigie, { ...summary, error: e.message, reason: e.details?.reason ?? null });
    throw e;
  }
  await notePoll(vigie, { ...summary });
  if (summary.fetched > 0)
    await vigie.ledger.record({
      actor: actorOf(actor),
      action: 'shield.mailbox.poll',
      target: 'mailbox:reported',
      details: { ...summary },
    });
  return summary;
}

async function processOne(
  vigie: Vigie,
  actor: Principal | undefined,
  settings: MailboxSecrets,
  box: OpenMailbox,
  env: Envelope,
  summary: PollSummary,
  options: PollOptions,
): Promise<void> {
  const key = {
    account: accountOf(settings),
    folder: settings.imap.folder,
    uidValidity: box.uidValidity,
    uid: env.uid,
  };
  if (await alreadyStored(vigie, key)) {
    await box.done(env.uid, settings.imap.moveTo);
    summary.skipped++;
    return;
  }
  if (env.size > MAX_MESSAGE_BYTES) {
    // Never downloaded, so there is no reporter to answer: the console shows it.
    await storeReport(vigie, actor, key, env, null, { rejected: 'too-large' });
    await box.done(env.uid, settings.imap.moveTo);
    summary.rejected++;
    return;
  }
  // A failing download is the server's fault and stops the poll; a bad message is rejected and it goes on.
  const raw = await box.download(env.uid);
  let report: Report | null = null;
  let outcome: { analysis: EmailAnalysis } | { rejected: RejectedWhy };
  try {
    report = await unwrapReport(raw, settings.defaultLocale);
    outcome = {
      analysis: await analyseEmail(report.suspect, {
        offline: settings.offline,
        resolver: options.resolver,
        locale: report.locale,
        protection: await shieldProtection(vigie),
      }),
    };
  } catch (err) {
    outcome = {
      rejected: err instanceof AppError && err.code === 'PAYLOAD_TOO_LARGE' ? 'too-large' : 'unreadable',
    };
  }
  let id: string;
  try {
    id = await storeReport(vigie, actor, key, env, report, outcome);
  } catch (err) {
    // Another instance stored it between our check and our insert (the unique key refused ours).
    if (!(await alreadyStored(vigie, key))) throw err;
    summary.skipped++;
    return;
  }
  await box.done(env.uid, settings.imap.moveTo);
  if ('analysis' in outcome) summary.analysed++;
  else summary.rejected++;
  const status = await answer(vigie, settings, report, outcome);
  if (status === 'replied') summary.replied++;
  if (status === 'reply_failed') summary.replyFailed++;
  if (status === 'reply_skipped') summary.replySkipped++;
  await vigie.db.transaction().execute(async (tx) => {
    await tx.updateTable('mailbox_reports').set({ status }).where('id', '=', id).execute();
    await vigie.ledger.append(tx, [
      { actor: actorOf(actor), action: 'shield.mailbox.reply', target: `report:${id}`, details: { status } },
    ]);
  });
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

/**
 * Who may be answered: the configured domains, else the mailbox's own (the domain of the `from`
 * address), never anyone: the reporter's From is whatever the sender of the forward wrote.
 */
export function replyDomains(settings: Pick<MailboxSecrets, 'reporterDomains' | 'smtp'>): string[] {
  return settings.reporterDomains.length > 0 ? settings.reporterDomains : [domainOf(settings.smtp.from)];
}

/** Answers already sent to this reporter in the last day, counted from the stored reports. */
async function recentReplies(vigie: Vigie, reporter: string): Promise<number> {
  const row = await vigie.db
    .selectFrom('mailbox_reports')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(
      'reporter_index',
      '=',
      vigie.keyring.blindIndex(reporter, { table: 'mailbox_reports', column: 'reporter' }),
    )
    .where('status', '=', 'replied')
    .where('created_at', '>=', new Date(Date.now() - REPLY_WINDOW_MS).toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Answers the reporter unless they cannot or must not be answered (robots, outside domains, ourselves). */
async function answer(
  vigie: Vigie,
  settings: MailboxSecrets,
  report: Report | null,
  outcome: { analysis: EmailAnalysis } | { rejected: RejectedWhy },
): Promise<ReplyStatus> {
  const to = report?.reporter;
  if (!report || !to || report.automatic || to === settings.smtp.from) return 'not_replied';
  if (!replyDomains(settings).includes(domainOf(to))) return 'not_replied';
  if ((await recentReplies(vigie, to)) >= REPLIES_PER_REPORTER) return 'reply_skipped';
  try {
    await sendReply(settings, to, report.messageId, composeReply(report.locale, outcome));
    return 'replied';
  } catch {
    return 'reply_failed';
  }
}

/**
 * The mailbox account a UID belongs to (hash of IMAP host and user): UIDs and UIDVALIDITY are only
 * unique within one account, so a change of mailbox must not make its messages look processed.
 */
export function accountOf(settings: Pick<MailboxSecrets, 'imap'>): string {
  return createHash('sha256')
    .update(`${settings.imap.host}\n${settings.imap.user}`)
    .digest('hex')
    .slice(0, 32);
}

interface MessageKey {
  account: string;
  folder: string;
  uidValidity: string;
  uid: number;
}

async function alreadyStored(vigie: Vigie, key: MessageKey): Promise<boolean> {
  const row = await vigie.db
    .selectFrom('mailbox_reports')
    .select('id')
    .where('account', '=', key.account)
    .where('folder', '=', key.folder)
    .where('uid_validity', '=', key.uidValidity)
    .where('uid', '=', key.uid)
    .executeTakeFirst();
  return Boolean(row);
}

/** The analysis (as any other, source `mailbox`) and the report row, in one transaction. */
async function storeReport(
  vigie: Vigie,
  actor: Principal | undefined,
  key: MessageKey,
  env: Envelope,
  report: Report | null,
  outcome: { analysis: EmailAnalysis } | { rejected: RejectedWhy },
): Promise<string> {
  const id = randomUUID();
  const reporter = report?.reporter ?? null;
  await vigie.db.transaction().execute(async (tx) => {
    const analysisId =
      'analysis' in outcome ? await insertEmailAnalysis(vigie, tx, actor, outcome.analysis, 'mailbox') : null;
    await tx
      .insertInto('mailbox_reports')
      .values({
        id,
        analysis_id: analysisId,
        account: key.account,
        folder: key.folder,
        uid_validity: key.uidValidity,
        uid: key.uid,
        reporter_enc: reporter
          ? vigie.keyring.seal(reporter, { table: 'mailbox_reports', column: 'reporter', row: id })
          : null,
        reporter_index: reporter
          ? vigie.keyring.blindIndex(reporter, { table: 'mailbox_reports', column: 'reporter' })
          : null,
        locale: report?.locale ?? 'en',
        status: 'pending',
        error: 'rejected' in outcome ? outcome.rejected : null,
        received_at: env.receivedAt,
        created_at: nowIso(),
      })
      .execute();
    // The reporter stays out of the ledger: the report id links to the sealed row.
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'shield.mailbox.report',
        target: `report:${id}`,
        details: {
          analysis: analysisId,
          attached: report?.attached ?? false,
          ...('rejected' in outcome ? { rejected: outcome.rejected, bytes: env.size } : {}),
        },
      },
    ]);
  });
  return id;
}

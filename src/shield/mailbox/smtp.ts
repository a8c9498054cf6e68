import nodemailer from 'nodemailer';
import { AppError } from '../../core/errors.js';
import { connectFailure } from './failure.js';
import type { ReplyMail } from './reply.js';
import type { MailboxSecrets } from './settings.js';

const TIMEOUT_MS = 20_000;

export function smtpError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; responseCode?: number };
  if (e.code === 'EAUTH')
    return new AppError('BAD_REQUEST', 'SMTP: the server refused the user name or password', {
      reason: 'smtp-auth',
    });
  if (e.code === 'EENVELOPE' || (e.responseCode ?? 0) >= 500)
    return new AppError('BAD_REQUEST', 'SMTP: the server refused the message', { reason: 'smtp-refused' });
  return connectFailure('smtp', e.code);
}

function transport(settings: MailboxSecrets) {
  const { smtp } = settings;
  return nodemailer.createTransport({
    host: smtp.host.replace(/^\[|\]$/g, ''),
    port: smtp.port,
    secure: smtp.tls === 'tls',
    requireTLS: smtp.tls === 'starttls',
    ignoreTLS: smtp.tls === 'none',
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    // Never log: debug output would carry the AUTH exchange.
    logger: false,
    debug: false,
  });
}

/** Checks that the relay answers and accepts the credentials, without sending anything. */
export async function verifySmtp(settings: MailboxSecrets): Promise<void> {
  const t = transport(settings);
  try {
    await t.verify();
  } catch (err) {
    throw smtpError(err);
  } finally {
    t.close();
  }
}

/** Sends the answer to the reporter, threaded under their report and marked as automatic. */
export async function sendReply(
  settings: MailboxSecrets,
  to: string,
  inReplyTo: string,
  mail: ReplyMail,
): Promise<void> {
  const t = transport(settings);
  try {
    await t.sendMail({
      from: settings.smtp.from,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(inReplyTo ? { inReplyTo, references: inReplyTo } : {}),
      // RFC 3834: an automatic answer, so the reporter's own robots do not answer back.
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
    });
  } catch (err) {
    throw smtpError(err);
  } finally {
    t.close();
  }
}

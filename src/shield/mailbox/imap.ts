import { ImapFlow } from 'imapflow';
import { AppError } from '../../core/errors.js';
import { MAX_MESSAGE_BYTES } from '../email/parse.js';
import { connectFailure } from './failure.js';
import type { MailboxSecrets } from './settings.js';

/** Bounds on a mail server we talk to: it may be slow, broken or hostile. */
const CONNECT_MS = 15_000;
const GREETING_MS = 10_000;
const SOCKET_MS = 60_000;

export interface Envelope {
  uid: number;
  size: number;
  receivedAt: string | null;
}

export interface OpenMailbox {
  uidValidity: string;
  /** Unseen messages, oldest first, at most `max`. */
  unseen(max: number): Promise<Envelope[]>;
  download(uid: number): Promise<Buffer>;
  /** Flags the message seen, then moves it when a folder is configured. */
  done(uid: number, moveTo: string): Promise<void>;
}

/** Turns what the IMAP library throws into one clear, secret-free error. */
export function imapError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { authenticationFailed?: boolean; code?: string; message?: string };
  if (e.authenticationFailed)
    return new AppError('BAD_REQUEST', 'IMAP: the server refused the user name or password', {
      reason: 'imap-auth',
    });
  if (e.code === 'NotFound' || e.code === 'NoMailboxSelected')
    return new AppError('BAD_REQUEST', 'IMAP: the folder does not exist', { reason: 'imap-folder' });
  return connectFailure('imap', e.code);
}

function client(settings: MailboxSecrets): ImapFlow {
  const { imap } = settings;
  return new ImapFlow({
    host: imap.host.replace(/^\[|\]$/g, ''),
    port: imap.port,
    secure: imap.tls === 'tls',
    doSTARTTLS: imap.tls === 'starttls' ? true : imap.tls === 'none' ? false : undefined,
    auth: { user: imap.user, pass: imap.password ?? '' },
    // Never log: the library's debug output would carry the LOGIN command.
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: CONNECT_MS,
    greetingTimeout: GREETING_MS,
    socketTimeout: SOCKET_MS,
    maxLiteralSize: MAX_MESSAGE_BYTES + 1024 * 1024,
    maxResponseSize: MAX_MESSAGE_BYTES + 2 * 1024 * 1024,
  });
}

/**
 * Opens the configured folder and hands it to `work`, always logging out after. Processed messages are
 * found again by the \Seen flag, so only unseen ones are offered.
 */
export async function withMailbox<T>(
  settings: MailboxSecrets,
  work: (box: OpenMailbox) => Promise<T>,
): Promise<T> {
  const imap = client(settings);
  // A socket error after connect must not become an unhandled 'error' event.
  imap.on('error', () => {});
  try {
    await imap.connect();
  } catch (err) {
    throw imapError(err);
  }
  try {
    let lock: Awaited<ReturnType<ImapFlow['getMailboxLock']>>;
    try {
      lock = await imap.getMailboxLock(settings.imap.folder);
    } catch (err) {
      throw imapError(err);
    }
    try {
      const box = imap.mailbox;
      const uidValidity = box ? String(box.uidValidity) : '0';
      const guarded =
        <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          try {
            return await fn(...args);
          } catch (err) {
            throw imapError(err);
          }
        };
      return await work({
        uidValidity,
        unseen: guarded(async (max: number) => {
          const uids = ((await imap.search({ seen: false }, { uid: true })) || []).sort((a, b) => a - b);
          const picked = uids.slice(0, max);
          if (picked.length === 0) return [];
          const out: Envelope[] = [];
          // Sizes first: an oversized message is never downloaded.
          for await (const m of imap.fetch(
            picked.join(','),
            { uid: true, size: true, internalDate: true },
            { uid: true },
          )) {
            const date =
              m.internalDate instanceof Date
                ? m.internalDate
                : m.internalDate
                  ? new Date(m.internalDate)
                  : null;
            out.push({
              uid: m.uid,
              size: m.size ?? 0,
              receivedAt: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
            });
          }
          return out.sort((a, b) => a.uid - b.uid);
        }),
        download: guarded(async (uid: number) => {
          const m = await imap.fetchOne(String(uid), { source: true }, { uid: true });
          const source = m ? m.source : undefined;
          if (!source)
            throw new AppError('BAD_REQUEST', 'IMAP: the message vanished', { reason: 'imap-gone' });
          return source;
        }),
        done: guarded(async (uid: number, moveTo: string) => {
          await imap.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          if (moveTo) await imap.messageMove(String(uid), moveTo, { uid: true });
        }),
      });
    } finally {
      lock.release();
    }
  } finally {
    await imap.logout().catch(() => imap.close());
  }
}

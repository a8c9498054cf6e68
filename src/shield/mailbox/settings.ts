import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { type Executor, nowIso } from '../../core/db/index.js';
import { AppError } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { shieldProtection } from '../workspace/protection.js';

/** One mailbox per workspace: its settings live in a single row. */
export const SETTINGS_ID = 'default';

const host = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9.:[\]-]+$/, 'a host name or an IP address');
const port = z.number().int().min(1).max(65535);
/** `tls`: implicit TLS; `starttls`: upgrade required; `none`: plain text, only to this machine. */
const tls = z.enum(['tls', 'starttls', 'none']);
const secret = z.string().min(1).max(1024);
const address = z.string().trim().toLowerCase().email().max(254);
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/, 'a domain such as example.com');

export const mailboxInputSchema = z.strictObject({
  /** Whether the maintenance schedule polls; a poll on demand works either way. */
  enabled: z.boolean().default(false),
  imap: z.strictObject({
    host,
    port: port.default(993),
    tls: tls.default('tls'),
    user: z.string().trim().min(1).max(254),
    /** Write-only: omitted keeps the stored one, only while host, port and user stay the same. */
    password: secret.optional(),
    folder: z.string().trim().min(1).max(200).default('INBOX'),
    /** Where processed messages go; empty leaves them in the folder, flagged seen. */
    moveTo: z.string().trim().max(200).default(''),
  }),
  smtp: z.strictObject({
    host,
    port: port.default(587),
    tls: tls.default('starttls'),
    /** Empty: the relay takes mail without authentication. */
    user: z.string().trim().max(254).default(''),
    password: secret.optional(),
    from: address,
  }),
  pollMinutes: z.number().int().min(1).max(1440).default(5),
  maxMessagesPerPoll: z.number().int().min(1).max(100).default(20),
  /** Answers go only to reporters in these domains (empty: to anyone); analysis happens regardless. */
  reporterDomains: z.array(domain).max(50).default([]),
  /**
   * Authentication from the Authentication-Results headers of the workspace's receiving servers
   * (Shield protection's authserv-ids) instead of live DNS, which cannot re-check SPF for a message
   * received earlier.
   */
  offline: z.boolean().default(false),
  /** Language of answers when the reporter's cannot be told. */
  defaultLocale: z.enum(['en', 'fr']).default('en'),
});
export type MailboxInput = z.input<typeof mailboxInputSchema>;
type Parsed = z.output<typeof mailboxInputSchema>;

/** What is stored in clear, and what the API returns: everything but the passwords. */
export type MailboxConfig = Omit<Parsed, 'imap' | 'smtp'> & {
  imap: Omit<Parsed['imap'], 'password'>;
  smtp: Omit<Parsed['smtp'], 'password'>;
};

export interface MailboxSettingsView extends MailboxConfig {
  imap: MailboxConfig['imap'] & { passwordSet: boolean };
  smtp: MailboxConfig['smtp'] & { passwordSet: boolean };
  lastPollAt: string | null;
  lastPoll: Record<string, unknown> | null;
}

/** The settings with the passwords opened: only the poller and the connection test see this. */
export interface MailboxSecrets extends MailboxConfig {
  imap: MailboxConfig['imap'] & { password: string | null };
  smtp: MailboxConfig['smtp'] & { password: string | null };
}

const sealAt = (column: 'imap_password' | 'smtp_password') => ({
  table: 'mailbox_settings',
  column,
  row: SETTINGS_ID,
});

const LOOPBACK = new Set(['localhost', '::1', '[::1]']);

/** This machine: a loopback name or an IPv4 literal in 127/8 (not a host name like `127.evil.example`). */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
}

/** Passwords never cross the network in clear: plain text is allowed only to this machine. */
function checkTransport(kind: 'imap' | 'smtp', c: { host: string; tls: string }): void {
  if (c.tls === 'none' && !isLoopback(c.host)) {
    throw new AppError(
      'VALIDATION',
      `${kind}.tls: "none" is only allowed for a server on this machine; use "tls" or "starttls"`,
    );
  }
}

type Server = { host: string; port: number; user: string };

/**
 * A stored password is only ever sent to the server it was typed for: changing a side's host, port or
 * user name without typing its password again would let whoever edits the settings point them at a
 * server of their own and receive the password on the next connection test.
 */
function keepsPassword(kind: 'imap' | 'smtp', stored: Server | undefined, next: Server): void {
  if (!stored || (stored.host === next.host && stored.port === next.port && stored.user === next.user))
    return;
  throw new AppError(
    'VALIDATION',
    `${kind}.password: type the password again when the server, port or user name changes`,
    { reason: `${kind}-password-required` },
  );
}

/** `offline` trusts Authentication-Results headers, which only the workspace's own servers may write. */
async function checkOffline(vigie: Vigie, offline: boolean): Promise<void> {
  if (!offline) return;
  const { authservIds } = await shieldProtection(vigie);
  if ((authservIds ?? []).length > 0) return;
  throw new AppError(
    'VALIDATION',
    'offline: list the receiving servers (authserv-ids) in the Shield protection first; without them a sender could forge the authentication results',
    { reason: 'offline-needs-authserv-ids' },
  );
}

async function readRow(db: Executor) {
  return db.selectFrom('mailbox_settings').selectAll().where('id', '=', SETTINGS_ID).executeTakeFirst();
}

export async function mailboxSettings(vigie: Vigie): Promise<MailboxSettingsView | null> {
  const row = await readRow(vigie.db);
  if (!row) return null;
  const config = JSON.parse(row.config) as MailboxConfig;
  return {
    ...config,
    imap: { ...config.imap, passwordSet: row.imap_password_enc !== null },
    smtp: { ...config.smtp, passwordSet: row.smtp_password_enc !== null },
    lastPollAt: row.last_poll_at,
    lastPoll: row.last_poll ? JSON.parse(row.last_poll) : null,
  };
}

export async function mailboxSecrets(vigie: Vigie): Promise<MailboxSecrets | null> {
  const row = await readRow(vigie.db);
  if (!row) return null;
  const config = JSON.parse(row.config) as MailboxConfig;
  const open = async (v: string | null, column: 'imap_password' | 'smtp_password') =>
    v ? vigie.keyring.open(v, sealAt(column)) : null;
  return {
    ...config,
    imap: { ...config.imap, password: await open(row.imap_password_enc, 'imap_password') },
    smtp: { ...config.smtp, password: await open(row.smtp_password_enc, 'smtp_password') },
  };
}

/**
 * Replaces the settings. Passwords are sealed and write-only: an omitted password keeps the stored
 * one while that side's host, port and user are unchanged (else it must be typed again); an SMTP relay
 * without a user name keeps none. `offline` needs the Shield protection's authserv-ids. The ledger gets a hash of the clear settings and
 * whether a password changed, never a password.
 */
export async function setMailboxSettings(
  vigie: Vigie,
  actor: Principal | undefined,
  input: unknown,
): Promise<MailboxSettingsView> {
  const parsed = mailboxInputSchema.parse(input);
  checkTransport('imap', parsed.imap);
  checkTransport('smtp', parsed.smtp);
  await checkOffline(vigie, parsed.offline);
  const { password: imapPassword, ...imap } = parsed.imap;
  const { password: smtpPassword, ...smtp } = parsed.smtp;
  const config: MailboxConfig = { ...parsed, imap, smtp };
  const text = JSON.stringify(config);
  const now = nowIso();
  await vigie.db.transaction().execute(async (tx) => {
    const row = await readRow(tx);
    const stored = row ? (JSON.parse(row.config) as MailboxConfig) : undefined;
    if (!imapPassword) keepsPassword('imap', stored?.imap, imap);
    if (!smtpPassword && smtp.user) keepsPassword('smtp', stored?.smtp, smtp);
    const imapEnc = imapPassword
      ? vigie.keyring.seal(imapPassword, sealAt('imap_password'))
      : (row?.imap_password_enc ?? null);
    if (!imapEnc) throw new AppError('VALIDATION', 'imap.password: required the first time');
    const smtpEnc = !smtp.user
      ? null
      : smtpPassword
        ? vigie.keyring.seal(smtpPassword, sealAt('smtp_password'))
        : (row?.smtp_password_enc ?? null);
    if (smtp.user && !smtpEnc) throw new AppError('VALIDATION', 'smtp.password: required with a user name');
    const values = {
      config: text,
      imap_password_enc: imapEnc,
      smtp_password_enc: smtpEnc,
      updated_at: now,
      updated_by: actorOf(actor),
    };
    if (row) await tx.updateTable('mailbox_settings').set(values).where('id', '=', SETTINGS_ID).execute();
    else
      await tx
        .insertInto('mailbox_settings')
        .values({ id: SETTINGS_ID, ...values, last_poll_at: null, last_poll: null })
        .execute();
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'shield.mailbox.settings',
        target: 'setting:shield.mailbox',
        details: {
          sha256: createHash('sha256').update(text).digest('hex'),
          enabled: config.enabled,
          imapPasswordChanged: Boolean(imapPassword),
          smtpPasswordChanged: Boolean(smtpPassword),
        },
      },
    ]);
  });
  return (await mailboxSettings(vigie))!;
}

/** Remembers when the last poll ran and how it went (the schedule and the console read it). */
export async function notePoll(vigie: Vigie, summary: Record<string, unknown>): Promise<void> {
  await vigie.db
    .updateTable('mailbox_settings')
    .set({ last_poll_at: nowIso(), last_poll: JSON.stringify(summary) })
    .where('id', '=', SETTINGS_ID)
    .execute();
}

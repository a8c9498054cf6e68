// The reported mailbox settings form as plain strings, and back to what the API takes. Pure.
import type { MailboxSettings, MailboxSettingsInput, MailTls } from '../../api/shieldMailboxTypes.js';
import { parseList } from './logic.js';

export interface MailboxDraft {
  enabled: boolean;
  offline: boolean;
  imapHost: string;
  imapPort: string;
  imapTls: MailTls;
  imapUser: string;
  imapPassword: string;
  folder: string;
  moveTo: string;
  smtpHost: string;
  smtpPort: string;
  smtpTls: MailTls;
  smtpUser: string;
  smtpPassword: string;
  from: string;
  pollMinutes: string;
  reporterDomains: string;
  defaultLocale: 'en' | 'fr';
  /** Not edited here; kept as the server has it. */
  maxMessagesPerPoll: number;
}

export type MailboxProblem =
  | 'imapHost'
  | 'imapPort'
  | 'imapUser'
  | 'imapPassword'
  | 'smtpHost'
  | 'smtpPort'
  | 'smtpPassword'
  | 'from'
  | 'pollMinutes';

/** Passwords are never shown: the fields start empty, and empty means "keep the stored one". */
export function toMailboxDraft(s: MailboxSettings | null): MailboxDraft {
  return {
    enabled: s?.enabled ?? false,
    offline: s?.offline ?? false,
    imapHost: s?.imap.host ?? '',
    imapPort: String(s?.imap.port ?? 993),
    imapTls: s?.imap.tls ?? 'tls',
    imapUser: s?.imap.user ?? '',
    imapPassword: '',
    folder: s?.imap.folder ?? 'INBOX',
    moveTo: s?.imap.moveTo ?? '',
    smtpHost: s?.smtp.host ?? '',
    smtpPort: String(s?.smtp.port ?? 587),
    smtpTls: s?.smtp.tls ?? 'starttls',
    smtpUser: s?.smtp.user ?? '',
    smtpPassword: '',
    from: s?.smtp.from ?? '',
    pollMinutes: String(s?.pollMinutes ?? 5),
    reporterDomains: (s?.reporterDomains ?? []).join(', '),
    defaultLocale: s?.defaultLocale ?? 'en',
    maxMessagesPerPoll: s?.maxMessagesPerPoll ?? 20,
  };
}

function port(text: string): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

/**
 * A stored password goes only to the server it was typed for (the API refuses otherwise): a changed
 * host, port or user name needs the password typed again.
 */
function movesPassword(
  stored: { host: string; port: number; user: string } | undefined,
  host: string,
  port: number,
  user: string,
): boolean {
  return Boolean(
    stored && (stored.host !== host.toLowerCase() || stored.port !== port || stored.user !== user),
  );
}

export function fromMailboxDraft(
  d: MailboxDraft,
  stored?: MailboxSettings | null,
): {
  input?: MailboxSettingsInput;
  problem?: MailboxProblem;
} {
  const imapPort = port(d.imapPort);
  const smtpPort = port(d.smtpPort);
  const minutes = Number(d.pollMinutes);
  if (!d.imapHost.trim()) return { problem: 'imapHost' };
  if (!imapPort) return { problem: 'imapPort' };
  if (!d.imapUser.trim()) return { problem: 'imapUser' };
  if (!d.imapPassword && movesPassword(stored?.imap, d.imapHost.trim(), imapPort, d.imapUser.trim()))
    return { problem: 'imapPassword' };
  if (!d.smtpHost.trim()) return { problem: 'smtpHost' };
  if (!smtpPort) return { problem: 'smtpPort' };
  if (
    !d.smtpPassword &&
    d.smtpUser.trim() &&
    movesPassword(stored?.smtp, d.smtpHost.trim(), smtpPort, d.smtpUser.trim())
  )
    return { problem: 'smtpPassword' };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.from.trim())) return { problem: 'from' };
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) return { problem: 'pollMinutes' };
  return {
    input: {
      enabled: d.enabled,
      offline: d.offline,
      imap: {
        host: d.imapHost.trim(),
        port: imapPort,
        tls: d.imapTls,
        user: d.imapUser.trim(),
        folder: d.folder.trim() || 'INBOX',
        moveTo: d.moveTo.trim(),
        ...(d.imapPassword ? { password: d.imapPassword } : {}),
      },
      smtp: {
        host: d.smtpHost.trim(),
        port: smtpPort,
        tls: d.smtpTls,
        user: d.smtpUser.trim(),
        from: d.from.trim(),
        ...(d.smtpPassword ? { password: d.smtpPassword } : {}),
      },
      pollMinutes: minutes,
      maxMessagesPerPoll: d.maxMessagesPerPoll,
      reporterDomains: parseList(d.reporterDomains).map((domain) => domain.toLowerCase()),
      defaultLocale: d.defaultLocale,
    },
  };
}

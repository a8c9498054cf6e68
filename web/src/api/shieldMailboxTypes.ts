// Types of Shield's reported-phish mailbox API, kept apart from the client so tests can import them.
import type { EmailVerdict } from './shieldTypes.js';

export type MailTls = 'tls' | 'starttls' | 'none';

/** What the server returns: never a password, only whether one is stored. */
export interface MailboxSettings {
  enabled: boolean;
  imap: {
    host: string;
    port: number;
    tls: MailTls;
    user: string;
    folder: string;
    moveTo: string;
    passwordSet: boolean;
  };
  smtp: { host: string; port: number; tls: MailTls; user: string; from: string; passwordSet: boolean };
  pollMinutes: number;
  maxMessagesPerPoll: number;
  reporterDomains: string[];
  offline: boolean;
  defaultLocale: 'en' | 'fr';
  lastPollAt: string | null;
  lastPoll: { error?: string; fetched?: number } | null;
}

/**
 * What the console sends: an omitted password keeps the stored one, unless that side's host, port or
 * user changed (the server then requires the password again).
 */
export interface MailboxSettingsInput {
  enabled: boolean;
  imap: Omit<MailboxSettings['imap'], 'passwordSet'> & { password?: string };
  smtp: Omit<MailboxSettings['smtp'], 'passwordSet'> & { password?: string };
  pollMinutes: number;
  maxMessagesPerPoll: number;
  reporterDomains: string[];
  offline: boolean;
  defaultLocale: 'en' | 'fr';
}

export interface ConnectionCheck {
  ok: boolean;
  error?: string;
  reason?: string;
}

export interface PollSummary {
  fetched: number;
  analysed: number;
  rejected: number;
  replied: number;
  replyFailed: number;
  /** Reports stored without a reply: the reporter reached the daily cap. */
  replySkipped: number;
  skipped: number;
}

export interface MailboxReport {
  id: string;
  analysisId: string | null;
  reporter: string | null;
  receivedAt: string | null;
  createdAt: string;
  verdict: EmailVerdict | null;
  score: number | null;
  reply: 'pending' | 'replied' | 'reply_failed' | 'reply_skipped' | 'not_replied';
  rejected: 'too-large' | 'unreadable' | null;
}

// Shield's reported-phish mailbox API (src/server/routes/shield-mailbox.ts) as the console uses it.
import { api } from './client';
import type {
  ConnectionCheck,
  MailboxReport,
  MailboxSettings,
  MailboxSettingsInput,
  PollSummary,
} from './shieldMailboxTypes';

export * from './shieldMailboxTypes';

const MAILBOX = '/api/v1/shield/mailbox';

export const fetchMailboxSettings = () =>
  api.get<{ settings: MailboxSettings | null }>(`${MAILBOX}/settings`);
export const saveMailboxSettings = (settings: MailboxSettingsInput) =>
  api.put<{ settings: MailboxSettings }>(`${MAILBOX}/settings`, settings);
export const testMailbox = () =>
  api.post<{ imap: ConnectionCheck; smtp: ConnectionCheck }>(`${MAILBOX}/test`);
export const pollMailbox = () => api.post<{ poll: PollSummary }>(`${MAILBOX}/poll`);
export const fetchMailboxReports = (before?: string) =>
  api.get<{ reports: MailboxReport[] }>(
    `${MAILBOX}/reports?${new URLSearchParams({ limit: '20', ...(before ? { before } : {}) })}`,
  );

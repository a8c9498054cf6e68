export { type ConnectionCheck, testMailboxConnection } from './connection.js';
export { type PollOptions, type PollSummary, pollMailbox } from './poll.js';
export { composeReply, defang, type ReplyMail } from './reply.js';
export { listMailboxReports, maskAddress, type ReportView, reportFilterSchema } from './reports.js';
export { pollMailboxIfDue } from './schedule.js';
export {
  type MailboxInput,
  type MailboxSettingsView,
  mailboxInputSchema,
  mailboxSettings,
  setMailboxSettings,
} from './settings.js';
export { type Report, unwrapReport } from './unwrap.js';

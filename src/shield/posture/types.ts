import type { Message } from './messages.js';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'info';
export type CheckId = 'mx' | 'spf' | 'dmarc' | 'dkim' | 'mta-sts' | 'tls-rpt' | 'bimi';

/** An exact record to publish. `name` is the full owner name. */
export interface DnsFix {
  type: 'TXT';
  name: string;
  value: string;
  message: Message;
}

export interface PostureCheck {
  id: CheckId;
  status: CheckStatus;
  /** The records found, verbatim: the evidence. */
  records: string[];
  messages: Message[];
  fixes: DnsFix[];
}

/** Worst of several statuses (fail > warn > pass > info). */
export function worst(statuses: readonly CheckStatus[]): CheckStatus {
  const order: CheckStatus[] = ['fail', 'warn', 'pass', 'info'];
  for (const s of order) if (statuses.includes(s)) return s;
  return 'info';
}

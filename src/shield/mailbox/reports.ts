import { z } from 'zod';
import type { Vigie } from '../../core/workspace.js';

export interface ReportView {
  id: string;
  analysisId: string | null;
  /** Masked: enough for the security team to recognise a colleague, not to harvest addresses. */
  reporter: string | null;
  receivedAt: string | null;
  createdAt: string;
  verdict: string | null;
  score: number | null;
  /** pending, replied, reply_failed, not_replied. */
  reply: string;
  /** Why the message could not be analysed (too-large, unreadable), if so. */
  rejected: string | null;
}

export const reportFilterSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().datetime().optional(),
});

/** `jane.doe@corp.example` becomes `j•••e@corp.example`. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  const local = address.slice(0, at);
  const shown = local.length <= 2 ? `${local[0]}•••` : `${local[0]}•••${local[local.length - 1]}`;
  return `${shown}${address.slice(at)}`;
}

/** The reported mailbox queue, newest first, with each analysis's verdict. */
export async function listMailboxReports(
  vigie: Vigie,
  filter: z.input<typeof reportFilterSchema>,
): Promise<ReportView[]> {
  const f = reportFilterSchema.parse(filter);
  let q = vigie.db
    .selectFrom('mailbox_reports as r')
    .leftJoin('email_analyses as a', 'a.id', 'r.analysis_id')
    .select([
      'r.id',
      'r.analysis_id',
      'r.reporter_enc',
      'r.received_at',
      'r.created_at',
      'r.status',
      'r.error',
      'a.verdict',
      'a.score',
    ])
    .orderBy('r.created_at', 'desc')
    .limit(f.limit);
  if (f.before) q = q.where('r.created_at', '<', f.before);
  const rows = await q.execute();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      analysisId: r.analysis_id,
      reporter: r.reporter_enc
        ? maskAddress(
            await vigie.keyring.open(r.reporter_enc, {
              table: 'mailbox_reports',
              column: 'reporter',
              row: r.id,
            }),
          )
        : null,
      receivedAt: r.received_at,
      createdAt: r.created_at,
      verdict: r.verdict ?? null,
      score: r.score ?? null,
      reply: r.status,
      rejected: r.error,
    })),
  );
}

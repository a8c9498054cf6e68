import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { type EmailAnalysesTable, type Executor, nowIso } from '../../core/db/index.js';
import { notFound } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import type { EmailAnalysis, Reason } from '../email/types.js';

export type AnalysisSource = 'upload' | 'cli' | 'mailbox';

export interface StoredAnalysis {
  id: string;
  messageSha256: string;
  verdict: string;
  score: number;
  reasons: Array<Omit<Reason, 'message'>>;
  subject: string | null;
  from: string | null;
  source: string;
  submittedBy: string;
  createdAt: string;
}

const field = (column: string, row: string) => ({ table: 'email_analyses', column, row });

/**
 * Keeps an analysis (verdict, score, reasons; subject and sender sealed) and records the verdict in the
 * ledger with the message hash and rule ids, never the body.
 */
export async function recordEmailAnalysis(
  vigie: Vigie,
  actor: Principal | undefined,
  analysis: EmailAnalysis,
  source: AnalysisSource,
): Promise<string> {
  return vigie.db.transaction().execute((tx) => insertEmailAnalysis(vigie, tx, actor, analysis, source));
}

/** The same, inside a caller's transaction (the reported mailbox stores its report row beside it). */
export async function insertEmailAnalysis(
  vigie: Vigie,
  tx: Executor,
  actor: Principal | undefined,
  analysis: EmailAnalysis,
  source: AnalysisSource,
): Promise<string> {
  const id = randomUUID();
  const reasons = analysis.reasons.map(({ message: _message, ...r }) => r);
  await tx
    .insertInto('email_analyses')
    .values({
      id,
      message_sha256: analysis.messageSha256,
      verdict: analysis.verdict,
      score: analysis.score,
      reasons: JSON.stringify(reasons),
      subject_enc: analysis.subject ? vigie.keyring.seal(analysis.subject, field('subject', id)) : null,
      from_enc: analysis.from ? vigie.keyring.seal(analysis.from, field('from', id)) : null,
      source,
      submitted_by: actorOf(actor),
      created_at: nowIso(),
    })
    .execute();
  await vigie.ledger.append(tx, [
    {
      actor: actorOf(actor),
      action: 'shield.email.analyse',
      target: `email:${id}`,
      details: {
        messageSha256: analysis.messageSha256,
        verdict: analysis.verdict,
        score: analysis.score,
        rules: reasons.map((r) => r.id),
        source,
      },
    },
  ]);
  return id;
}

export const analysisFilterSchema = z.object({
  verdict: z.enum(['clean', 'suspicious', 'phishing']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().datetime().optional(),
});

async function toView(vigie: Vigie, r: Selectable<EmailAnalysesTable>): Promise<StoredAnalysis> {
  return {
    id: r.id,
    messageSha256: r.message_sha256,
    verdict: r.verdict,
    score: r.score,
    reasons: JSON.parse(r.reasons),
    subject: r.subject_enc ? await vigie.keyring.open(r.subject_enc, field('subject', r.id)) : null,
    from: r.from_enc ? await vigie.keyring.open(r.from_enc, field('from', r.id)) : null,
    source: r.source,
    submittedBy: r.submitted_by,
    createdAt: r.created_at,
  };
}

export async function listEmailAnalyses(
  vigie: Vigie,
  filter: z.input<typeof analysisFilterSchema>,
): Promise<StoredAnalysis[]> {
  const f = analysisFilterSchema.parse(filter);
  let q = vigie.db.selectFrom('email_analyses').selectAll().orderBy('created_at', 'desc').limit(f.limit);
  if (f.verdict) q = q.where('verdict', '=', f.verdict);
  if (f.before) q = q.where('created_at', '<', f.before);
  return Promise.all((await q.execute()).map((r) => toView(vigie, r)));
}

export async function getEmailAnalysis(vigie: Vigie, id: string): Promise<StoredAnalysis> {
  const row = await vigie.db.selectFrom('email_analyses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('analysis');
  return toView(vigie, row);
}

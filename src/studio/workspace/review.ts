/**
 * The review workflow: draft -> in_review -> approved | changes_requested -> exported. Four-eyes:
 * nobody reviews their own draft. Every transition goes to the ledger with ids and hashes, never text.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { identityOf } from '../../core/access/identity.js';
import { actorOf, type Principal, type Role } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { AppError } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { scan, workspaceContext, workspacePolicy } from '../../guard/index.js';
import { type DraftView, getDraft } from './drafts.js';
import { getStudioPolicy } from './policy.js';
import { currentVersion, type DraftStatus, draftRow } from './store.js';

export const MAX_COMMENT_CHARS = 10_000;
export const commentSchema = z.strictObject({ body: z.string().trim().min(1).max(MAX_COMMENT_CHARS) });
export const reviewSchema = z.strictObject({
  comment: z.string().trim().min(1).max(MAX_COMMENT_CHARS).optional(),
});

type Transition = 'submit' | 'approve' | 'request-changes';

const FROM: Record<Transition, readonly DraftStatus[]> = {
  submit: ['draft', 'changes_requested'],
  approve: ['in_review'],
  'request-changes': ['in_review'],
};
const TO: Record<Transition, DraftStatus> = {
  submit: 'in_review',
  approve: 'approved',
  'request-changes': 'changes_requested',
};

function sealComment(vigie: Vigie, id: string, body: string): string {
  return vigie.keyring.seal(body, { table: 'studio_comments', column: 'body', row: id });
}

export async function addComment(
  vigie: Vigie,
  actor: Principal | undefined,
  draftId: string,
  input: z.input<typeof commentSchema>,
): Promise<DraftView> {
  const { body } = commentSchema.parse(input);
  await draftRow(vigie.db, draftId);
  const id = randomUUID();
  await vigie.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('studio_comments')
      .values({
        id,
        draft_id: draftId,
        author: identityOf(actor),
        body_enc: sealComment(vigie, id, body),
        created_at: nowIso(),
      })
      .execute();
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'studio.comment',
        target: `draft:${draftId}`,
        details: { comment: id },
      },
    ]);
  });
  return getDraft(vigie, draftId);
}

/** Approval under a policy that asks for it: the draft passes a `publish` scan without block or review. */
async function assertCleanPublishScan(vigie: Vigie, text: string, lang: 'en' | 'fr'): Promise<void> {
  const [policy, context] = await Promise.all([workspacePolicy(vigie), workspaceContext(vigie)]);
  const result = scan(text, { profile: 'publish', lang, locale: lang, policy, context });
  if (result.verdict === 'block' || result.verdict === 'review') {
    const rules = [
      ...new Set(
        result.findings.filter((f) => f.action === 'block' || f.action === 'review').map((f) => f.rule),
      ),
    ];
    throw new AppError(
      'CONFLICT',
      `The policy requires a clean publish scan; Guard found ${rules.join(', ') || 'errors'}`,
    );
  }
}

/** The role of the person acting: a session's user, a token's owner; none for the CLI or the system. */
function personRoleOf(actor: Principal | undefined): Role | undefined {
  if (actor?.via === 'session') return actor.role;
  if (actor?.via === 'token') return actor.ownerRole;
  return undefined;
}

export async function transition(
  vigie: Vigie,
  actor: Principal | undefined,
  draftId: string,
  step: Transition,
  input: z.input<typeof reviewSchema> = {},
): Promise<DraftView> {
  const { comment } = reviewSchema.parse(input);
  const row = await draftRow(vigie.db, draftId);
  const who = identityOf(actor);
  if (!FROM[step].includes(row.status as DraftStatus))
    throw new AppError('CONFLICT', `A draft in status ${row.status} cannot take the step ${step}`);
  if (step === 'submit' && row.author !== who)
    throw new AppError('FORBIDDEN', 'Only the author submits a draft');
  if (step !== 'submit' && row.author === who)
    throw new AppError('FORBIDDEN', 'Nobody reviews their own draft: another reviewer must approve it');
  const current = await currentVersion(vigie, vigie.db, row);
  if (step === 'approve') {
    const policy = await getStudioPolicy(vigie);
    // Under this policy only a person holding `reviewer` approves: a token is judged by its owner's
    // role (an admin cannot mint a `reviewer` token for themselves); the CLI operator has no role.
    if (policy.requireReviewerRole && personRoleOf(actor) !== 'reviewer')
      throw new AppError('FORBIDDEN', 'The policy requires the reviewer role to approve a draft');
    if (policy.requireCleanPublishScan)
      await assertCleanPublishScan(vigie, current.content.draft.text, current.content.draft.lang);
  }
  const now = nowIso();
  const reviewers = row.reviewed_by ? (JSON.parse(row.reviewed_by) as string[]) : [];
  const set =
    step === 'submit'
      ? { status: TO[step], submitted_at: now, updated_at: now }
      : {
          status: TO[step],
          reviewed_at: now,
          updated_at: now,
          // Approvers are who the provenance manifest names; a sent-back draft starts a new review.
          reviewed_by: JSON.stringify(step === 'approve' ? [...new Set([...reviewers, who])] : []),
        };
  await vigie.db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('studio_drafts')
      .set(set)
      .where('id', '=', draftId)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', 'The draft changed meanwhile; reload it');
    const commentId = comment ? randomUUID() : undefined;
    if (comment && commentId) {
      await tx
        .insertInto('studio_comments')
        .values({
          id: commentId,
          draft_id: draftId,
          author: who,
          body_enc: sealComment(vigie, commentId, comment),
          created_at: now,
        })
        .execute();
    }
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: `studio.draft.${step}`,
        target: `draft:${draftId}`,
        details: {
          from: row.status,
          to: TO[step],
          version: row.current_version,
          contentSha256: current.contentSha256,
          ...(commentId ? { comment: commentId } : {}),
        },
      },
    ]);
  });
  return getDraft(vigie, draftId);
}

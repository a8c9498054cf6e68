import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commentDraft, type DraftView, reviewStep } from '../../api/studio';
import { useSession } from '../../auth/SessionProvider';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { draftKey, draftsKey } from './queryKeys';

type Step = 'submit' | 'approve' | 'request-changes' | 'comment';

/**
 * Submission (author), approval or sending back (reviewer), and comments. The API enforces who may
 * take which step (four-eyes, the reviewer-role policy); its refusal is shown as it words it.
 */
export function ReviewPanel({ draft }: { draft: DraftView }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const step = useMutation({
    mutationFn: (which: Step) =>
      which === 'comment'
        ? commentDraft(draft.id, comment.trim())
        : reviewStep(draft.id, which, comment.trim() || undefined),
    onSuccess: async (next) => {
      setComment('');
      client.setQueryData(draftKey(draft.id), next);
      await client.invalidateQueries({ queryKey: draftsKey });
    },
  });
  const canSubmit = can('drafts:write') && (draft.status === 'draft' || draft.status === 'changes_requested');
  const canReview = can('drafts:review') && draft.status === 'in_review';
  return (
    <section className="card" aria-labelledby="studio-review-title" data-testid="studio-review">
      <h2 id="studio-review-title">{t('studio.review.title')}</h2>
      {draft.comments.length > 0 ? (
        <ul className="studio-comments" data-testid="studio-comments">
          {draft.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author}</strong> · <DateTime value={c.createdAt} />
              <p className="studio-comment-body">{c.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('studio.review.noComments')}</p>
      )}
      <div className="field">
        <label htmlFor="studio-comment">{t('studio.review.comment')}</label>
        <textarea
          id="studio-comment"
          data-testid="studio-comment"
          rows={3}
          maxLength={10_000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={step.isPending || !comment.trim()}
          onClick={() => step.mutate('comment')}
        >
          {t('studio.review.addComment')}
        </button>
        {canSubmit ? (
          <button
            type="button"
            className="button button-primary"
            disabled={step.isPending}
            onClick={() => step.mutate('submit')}
            data-testid="studio-submit"
          >
            {t('studio.review.submit')}
          </button>
        ) : null}
        {canReview ? (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={step.isPending}
              onClick={() => step.mutate('approve')}
              data-testid="studio-approve"
            >
              {t('studio.review.approve')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={step.isPending}
              onClick={() => step.mutate('request-changes')}
              data-testid="studio-request-changes"
            >
              {t('studio.review.requestChanges')}
            </button>
          </>
        ) : null}
      </div>
      {canReview ? <p className="field-hint">{t('studio.review.fourEyes')}</p> : null}
      {step.isError ? <ErrorNotice error={step.error} testId="studio-review-error" /> : null}
    </section>
  );
}

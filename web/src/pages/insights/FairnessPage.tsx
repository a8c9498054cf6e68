import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/SessionProvider';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { AttributeSummary, AuditFigures, VerdictBadge } from './AuditFigures';
import {
  type Audit,
  decideUse,
  fetchAudits,
  fetchInsightsSettings,
  fetchUses,
  INSIGHTS_KEYS,
  type SegmentUse,
} from './api';
import { ExposureAuditCard } from './ExposureAuditCard';
import { FailureList } from './FailureList';
import { referencedSegmentLabel } from './labels';
import { PolicyCard } from './PolicyCard';
import './insights.css';

export function FairnessPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const audits = useQuery({ queryKey: INSIGHTS_KEYS.audits, queryFn: fetchAudits });
  const uses = useQuery({ queryKey: INSIGHTS_KEYS.uses, queryFn: fetchUses });
  const settings = useQuery({ queryKey: INSIGHTS_KEYS.settings, queryFn: fetchInsightsSettings });
  return (
    <>
      <PageHeader title={t('insights.fairness.title')} description={t('insights.fairness.description')} />
      <div className="stack">
        <QueryBoundary query={uses} loadingLabel={t('insights.loading')}>
          {(data) => <ReviewQueue uses={data.uses.filter((u) => u.status === 'review')} />}
        </QueryBoundary>
        <QueryBoundary query={settings} loadingLabel={t('insights.loading')}>
          {(s) => (
            <>
              {can('settings:manage') ? <PolicyCard settings={s.settings} /> : null}
              <ExposureAuditCard
                minRatio={s.settings.minParityRatio}
                maxDifference={s.settings.maxParityDifference}
              />
              <QueryBoundary query={audits} loadingLabel={t('insights.loading')}>
                {(data) =>
                  data.audits.length === 0 ? (
                    <p className="empty">{t('insights.fairness.empty')}</p>
                  ) : (
                    data.audits.map((a) => (
                      <AuditCard
                        key={a.id}
                        audit={a}
                        minRatio={s.settings.minParityRatio}
                        maxDifference={s.settings.maxParityDifference}
                      />
                    ))
                  )
                }
              </QueryBoundary>
            </>
          )}
        </QueryBoundary>
      </div>
    </>
  );
}

function AuditCard({
  audit,
  minRatio,
  maxDifference,
}: {
  audit: Audit;
  minRatio: number;
  maxDifference: number;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={`audit-${audit.id}`} data-testid="audit-card">
      <div className="card-title-row">
        <h2 id={`audit-${audit.id}`}>{referencedSegmentLabel(t, audit)}</h2>
        <VerdictBadge passed={audit.passed} testId="audit-verdict" />
      </div>
      <p className="muted">
        <DateTime value={audit.createdAt} /> · <AttributeSummary audit={audit} />
      </p>
      <FailureList failures={audit.failures} />
      <AuditFigures
        audit={audit}
        minRatio={minRatio}
        maxDifference={maxDifference}
        chartId={`chart-${audit.id}`}
      />
    </section>
  );
}

function ReviewQueue({ uses }: { uses: SegmentUse[] }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [decided, setDecided] = useState<SegmentUse['status']>();
  // The decided item leaves the queue: its result is announced above the list and focus goes back
  // to the queue's heading, so neither the message nor the keyboard position is lost with it.
  const onDecided = (status: SegmentUse['status']) => {
    setDecided(status);
    heading.current?.focus();
  };
  return (
    <section className="card" aria-labelledby="fairness-review-title">
      <h2 id="fairness-review-title" ref={heading} tabIndex={-1}>
        {t('insights.review.title')}
      </h2>
      <LiveRegion testId="review-result">
        {decided ? <Notice tone="success">{t(`insights.review.done.${decided}`)}</Notice> : null}
      </LiveRegion>
      {uses.length === 0 ? (
        <p className="empty">{t('insights.review.empty')}</p>
      ) : (
        <ul className="stack" data-testid="review-queue">
          {uses.map((u) => (
            <ReviewItem key={u.id} use={u} onDecided={onDecided} onStart={() => setDecided(undefined)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewItem({
  use,
  onDecided,
  onStart,
}: {
  use: SegmentUse;
  onDecided: (status: SegmentUse['status']) => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const mutation = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => decideUse(use.id, decision, comment.trim()),
    onSuccess: (data) => {
      onDecided(data.use.status);
      void queryClient.invalidateQueries({ queryKey: INSIGHTS_KEYS.uses });
    },
  });
  const submit = (decision: 'approve' | 'reject') => (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending || comment.trim() === '') return;
    onStart();
    mutation.mutate(decision);
  };
  return (
    <li data-testid="review-item">
      <p>
        <strong>{use.campaign}</strong> · {referencedSegmentLabel(t, use)} ·{' '}
        <DateTime value={use.requestedAt} />
      </p>
      {can('targeting:review') ? (
        <form className="form" onSubmit={submit('approve')} noValidate>
          <div className="field">
            <label htmlFor={`comment-${use.id}`}>{t('insights.review.comment')}</label>
            <textarea
              id={`comment-${use.id}`}
              rows={2}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="review-comment"
            />
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={mutation.isPending || comment.trim() === ''}
              data-testid="review-approve"
            >
              {t('insights.review.approve')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={mutation.isPending || comment.trim() === ''}
              onClick={submit('reject')}
              data-testid="review-reject"
            >
              {t('insights.review.reject')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{t('insights.review.waiting')}</p>
      )}
      <LiveRegion>{mutation.isError ? <ErrorNotice error={mutation.error} /> : null}</LiveRegion>
    </li>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchAnalysis } from '../../api/shield';
import { DateTime } from '../../components/DateTime';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ANALYSES_QUERY_KEY } from './queryKeys';
import { ReasonGroups } from './ReasonGroups';

/** One stored analysis (opened from the reported mailbox queue): verdict, sender, and each red flag. */
export function StoredAnalysisDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: [...ANALYSES_QUERY_KEY, 'one', id], queryFn: () => fetchAnalysis(id) });
  return (
    <section
      className="card"
      aria-labelledby="shield-analysis-detail-title"
      data-testid="shield-analysis-detail"
    >
      <h3 id="shield-analysis-detail-title">{t('shieldMailbox.detail.title')}</h3>
      <QueryBoundary query={query} loadingLabel={t('shieldMailbox.detail.loading')}>
        {({ analysis }) => (
          <>
            <dl className="facts">
              <dt>{t('shield.emails.history.subject')}</dt>
              <dd className="break-anywhere">{analysis.subject ?? '—'}</dd>
              <dt>{t('shield.emails.history.from')}</dt>
              <dd className="break-anywhere mono">{analysis.from ?? '—'}</dd>
              <dt>{t('shield.emails.history.verdict')}</dt>
              <dd>
                <span className={`verdict-badge verdict-badge-${analysis.verdict}`}>
                  {t(`shield.verdicts.${analysis.verdict}`)}
                </span>{' '}
                {t('shieldMailbox.detail.score', { score: analysis.score })}
              </dd>
              <dt>{t('shield.emails.history.date')}</dt>
              <dd>
                <DateTime value={analysis.createdAt} />
              </dd>
            </dl>
            <ReasonGroups reasons={analysis.reasons} idPrefix="shield-stored" />
          </>
        )}
      </QueryBoundary>
      <Link to="?tab=emails" className="button button-ghost button-small">
        {t('shieldMailbox.detail.close')}
      </Link>
    </section>
  );
}

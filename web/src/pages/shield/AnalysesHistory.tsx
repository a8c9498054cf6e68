import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMAIL_VERDICTS, type EmailVerdict, fetchAnalyses } from '../../api/shield';
import { DateTime } from '../../components/DateTime';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ScrollRegion } from '../../components/ScrollRegion';
import { CursorPager } from './CursorPager';
import { useReasonLabel } from './labels';
import { ANALYSES_QUERY_KEY } from './queryKeys';

const PAGE_SIZE = 20;
const isVerdict = (value: string): value is EmailVerdict =>
  (EMAIL_VERDICTS as readonly string[]).includes(value);

/** Earlier analyses, newest first, for those who may read threats; paged with the `before` cursor. */
export function AnalysesHistory() {
  const { t } = useTranslation();
  const label = useReasonLabel();
  const [verdict, setVerdict] = useState<EmailVerdict | ''>('');
  const [before, setBefore] = useState<string>();
  const filter = { limit: PAGE_SIZE, ...(verdict ? { verdict } : {}), ...(before ? { before } : {}) };
  const query = useQuery({
    queryKey: [...ANALYSES_QUERY_KEY, filter],
    queryFn: () => fetchAnalyses(filter),
    placeholderData: keepPreviousData,
  });

  return (
    <section className="card" aria-labelledby="shield-history-title" data-testid="shield-history">
      <h2 id="shield-history-title">{t('shield.emails.history.title')}</h2>
      <div className="field field-narrow">
        <label htmlFor="shield-history-verdict">{t('shield.emails.history.verdictFilter')}</label>
        <select
          id="shield-history-verdict"
          value={verdict}
          onChange={(event) => {
            const value = event.target.value;
            setVerdict(isVerdict(value) ? value : '');
            setBefore(undefined);
          }}
          data-testid="shield-history-verdict"
        >
          <option value="">{t('shield.emails.history.all')}</option>
          {EMAIL_VERDICTS.map((value) => (
            <option key={value} value={value}>
              {t(`shield.verdicts.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <QueryBoundary query={query} loadingLabel={t('shield.emails.history.loading')}>
        {({ analyses }) =>
          analyses.length === 0 ? (
            <p className="muted" data-testid="shield-history-empty">
              {t('shield.emails.history.empty')}
            </p>
          ) : (
            <>
              <ScrollRegion labelledBy="shield-history-title" busy={query.isFetching}>
                <table className="table" data-testid="shield-history-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('shield.emails.history.date')}</th>
                      <th scope="col">{t('shield.emails.history.subject')}</th>
                      <th scope="col">{t('shield.emails.history.from')}</th>
                      <th scope="col">{t('shield.emails.history.verdict')}</th>
                      <th scope="col">{t('shield.emails.history.score')}</th>
                      <th scope="col">{t('shield.emails.history.reasons')}</th>
                      <th scope="col">{t('shield.emails.history.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {analyses.map((analysis) => (
                      <tr key={analysis.id} data-testid="shield-history-row" data-verdict={analysis.verdict}>
                        <td>
                          <DateTime value={analysis.createdAt} />
                        </td>
                        <td className="break-anywhere">{analysis.subject ?? '—'}</td>
                        <td className="break-anywhere">{analysis.from ?? '—'}</td>
                        <td>
                          <span className={`verdict-badge verdict-badge-${analysis.verdict}`}>
                            {t(`shield.verdicts.${analysis.verdict}`)}
                          </span>
                        </td>
                        <td>{analysis.score}</td>
                        <td>
                          <ul className="tag-list">
                            {[...new Set(analysis.reasons.map((reason) => reason.id))].map((id) => (
                              <li key={id} title={id}>
                                {label(id)}
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td>{analysis.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              <CursorPager
                paged={Boolean(before)}
                full={analyses.length === PAGE_SIZE}
                onNewest={() => setBefore(undefined)}
                onOlder={() => setBefore(analyses.at(-1)?.createdAt)}
                olderTestId="shield-history-older"
              />
            </>
          )
        }
      </QueryBoundary>
    </section>
  );
}

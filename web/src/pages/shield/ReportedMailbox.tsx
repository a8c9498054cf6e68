import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fetchMailboxReports, pollMailbox } from '../../api/shieldMailbox';
import { useSession } from '../../auth/SessionProvider';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ScrollRegion } from '../../components/ScrollRegion';
import { CursorPager } from './CursorPager';
import { ANALYSES_QUERY_KEY, MAILBOX_REPORTS_QUERY_KEY } from './queryKeys';
import { StoredAnalysisDetail } from './StoredAnalysisDetail';
import { SHIELD_PERMISSIONS } from './tabs';

const PAGE_SIZE = 20;

/** What staff forwarded to the reported-phish mailbox: who (masked), when, the verdict, the answer. */
export function ReportedMailbox() {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [before, setBefore] = useState<string>();
  const query = useQuery({
    queryKey: [...MAILBOX_REPORTS_QUERY_KEY, before ?? ''],
    queryFn: () => fetchMailboxReports(before),
    placeholderData: keepPreviousData,
  });
  const poll = useMutation({
    mutationFn: pollMailbox,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: MAILBOX_REPORTS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ANALYSES_QUERY_KEY });
    },
  });
  const open = params.get('analysis');

  return (
    <section className="card" aria-labelledby="shield-mailbox-title" data-testid="shield-mailbox">
      <h2 id="shield-mailbox-title">{t('shieldMailbox.queue.title')}</h2>
      <p className="muted">{t('shieldMailbox.queue.help')}</p>
      {can(SHIELD_PERMISSIONS.manage) ? (
        <div className="form-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={poll.isPending}
            aria-busy={poll.isPending}
            onClick={() => poll.mutate()}
            data-testid="shield-mailbox-poll"
          >
            {poll.isPending ? t('shieldMailbox.queue.polling') : t('shieldMailbox.queue.poll')}
          </button>
        </div>
      ) : null}
      <LiveRegion testId="shield-mailbox-poll-status">
        {poll.isError ? <ErrorNotice error={poll.error} testId="shield-mailbox-poll-error" /> : null}
        {poll.data ? (
          <Notice tone="success">{t('shieldMailbox.queue.polled', { ...poll.data.poll })}</Notice>
        ) : null}
      </LiveRegion>
      {open ? <StoredAnalysisDetail id={open} /> : null}
      <QueryBoundary query={query} loadingLabel={t('shieldMailbox.queue.loading')}>
        {({ reports }) =>
          reports.length === 0 ? (
            <p className="muted" data-testid="shield-mailbox-empty">
              {t('shieldMailbox.queue.empty')}
            </p>
          ) : (
            <>
              <ScrollRegion labelledBy="shield-mailbox-title" busy={query.isFetching}>
                <table className="table" data-testid="shield-mailbox-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('shieldMailbox.queue.received')}</th>
                      <th scope="col">{t('shieldMailbox.queue.reporter')}</th>
                      <th scope="col">{t('shieldMailbox.queue.verdict')}</th>
                      <th scope="col">{t('shieldMailbox.queue.reply')}</th>
                      <th scope="col">{t('shieldMailbox.queue.analysis')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reports.map((report) => (
                      <tr
                        key={report.id}
                        data-testid="shield-mailbox-row"
                        data-verdict={report.verdict ?? ''}
                      >
                        <td>
                          <DateTime value={report.receivedAt ?? report.createdAt} />
                        </td>
                        <td className="break-anywhere">{report.reporter ?? '—'}</td>
                        <td>
                          {report.verdict ? (
                            <span className={`verdict-badge verdict-badge-${report.verdict}`}>
                              {t(`shield.verdicts.${report.verdict}`)} ({report.score})
                            </span>
                          ) : (
                            t(`shieldMailbox.rejected.${report.rejected ?? 'unreadable'}`)
                          )}
                        </td>
                        <td>{t(`shieldMailbox.reply.${report.reply}`)}</td>
                        <td>
                          {report.analysisId ? (
                            <Link
                              to={`?${new URLSearchParams({ tab: 'emails', analysis: report.analysisId })}`}
                              data-testid="shield-mailbox-open"
                            >
                              {t('shieldMailbox.queue.open')}
                            </Link>
                          ) : (
                            '—'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              <CursorPager
                paged={Boolean(before)}
                full={reports.length === PAGE_SIZE}
                onNewest={() => setBefore(undefined)}
                onOlder={() => setBefore(reports.at(-1)?.createdAt)}
              />
            </>
          )
        }
      </QueryBoundary>
    </section>
  );
}

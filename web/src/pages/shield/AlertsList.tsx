import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acknowledgeAlert, type DomainAlert, fetchAlerts } from '../../api/shield';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ALERTS_QUERY_KEY } from './queryKeys';

const fuzzerOf = (alert: DomainAlert) =>
  typeof alert.details.fuzzer === 'string' ? alert.details.fuzzer : '';

/** Lookalikes that appeared or started receiving mail since the last check; unread ones first. */
export function AlertsList({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ALERTS_QUERY_KEY, queryFn: fetchAlerts });
  const [done, setDone] = useState<string>();
  const mutation = useMutation({
    mutationFn: (alert: DomainAlert) => acknowledgeAlert(alert.id),
    onSuccess: (_data, alert) => {
      setDone(t('shield.lookalikes.alerts.done', { domain: alert.domain }));
      void queryClient.invalidateQueries({ queryKey: ALERTS_QUERY_KEY });
    },
  });

  return (
    <section className="card" aria-labelledby="shield-alerts-title" data-testid="shield-alerts">
      <h2 id="shield-alerts-title">{t('shield.lookalikes.alerts.title')}</h2>
      <LiveRegion testId="shield-alerts-status">
        {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
        {done ? <Notice tone="success">{done}</Notice> : null}
      </LiveRegion>
      <QueryBoundary query={query} loadingLabel={t('shield.lookalikes.alerts.loading')}>
        {({ alerts }) => {
          if (alerts.length === 0) return <p className="muted">{t('shield.lookalikes.alerts.empty')}</p>;
          const ordered = [...alerts].sort(
            (a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null),
          );
          return (
            <ScrollRegion labelledBy="shield-alerts-title" busy={query.isFetching}>
              <table className="table" data-testid="shield-alerts-table">
                <thead>
                  <tr>
                    <th scope="col">{t('shield.lookalikes.alerts.columns.domain')}</th>
                    <th scope="col">{t('shield.lookalikes.alerts.columns.kind')}</th>
                    <th scope="col">{t('shield.lookalikes.alerts.columns.fuzzer')}</th>
                    <th scope="col">{t('shield.lookalikes.alerts.columns.createdAt')}</th>
                    <th scope="col">{t('shield.lookalikes.alerts.columns.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ordered.map((alert) => (
                    <tr key={alert.id} data-testid="shield-alert-row" data-kind={alert.kind}>
                      <th scope="row" className="mono">
                        {alert.domain}
                      </th>
                      <td>{t(`shield.lookalikes.alerts.${alert.kind}`)}</td>
                      <td className="mono">{fuzzerOf(alert)}</td>
                      <td>
                        <DateTime value={alert.createdAt} />
                      </td>
                      <td>
                        {alert.acknowledgedAt ? (
                          <span className="muted">{t('shield.lookalikes.alerts.acknowledged')}</span>
                        ) : canManage ? (
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            disabled={mutation.isPending}
                            onClick={() => mutation.mutate(alert)}
                            data-testid="shield-alert-ack"
                          >
                            {t('shield.lookalikes.alerts.acknowledge')}
                            <span className="visually-hidden"> {alert.domain}</span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          );
        }}
      </QueryBoundary>
    </section>
  );
}

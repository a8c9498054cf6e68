import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../components/DateTime';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useNumberFormat } from '../../lib/numberFormat';
import { BATCH_STATUSES, type BatchReason, type BatchStatus, type EventBatch } from './api';

/** Every batch received, newest first, filtered by status: with each batch's reasons, the alerts' history. */
export function BatchesTable({
  query,
  status,
  onStatus,
}: {
  query: UseQueryResult<{ batches: EventBatch[] }>;
  status: BatchStatus | undefined;
  onStatus: (status: BatchStatus | undefined) => void;
}) {
  const { t } = useTranslation();
  const { number } = useNumberFormat();
  return (
    <section className="card card-flush" aria-labelledby="integrity-batches-title">
      <h2 id="integrity-batches-title" className="card-heading">
        {t('integrity.batches.title')}
      </h2>
      <div className="field">
        <label htmlFor="integrity-status">{t('integrity.batches.filter')}</label>
        <select
          id="integrity-status"
          value={status ?? ''}
          onChange={(event) => onStatus((event.target.value || undefined) as BatchStatus | undefined)}
          data-testid="integrity-status-filter"
        >
          <option value="">{t('integrity.batches.all')}</option>
          {BATCH_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`integrity.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <QueryBoundary query={query}>
        {({ batches }) =>
          batches.length === 0 ? (
            <p className="empty" data-testid="integrity-batches-empty">
              {status ? t('integrity.batches.emptyFiltered') : t('integrity.batches.empty')}
            </p>
          ) : (
            <ScrollRegion labelledBy="integrity-batches-title">
              <table className="table" data-testid="integrity-batches-table">
                <thead>
                  <tr>
                    <th scope="col">{t('integrity.batches.received')}</th>
                    <th scope="col">{t('integrity.batches.source')}</th>
                    <th scope="col">{t('integrity.batches.events')}</th>
                    <th scope="col">{t('integrity.batches.status')}</th>
                    <th scope="col">{t('integrity.batches.reasons')}</th>
                  </tr>
                </thead>
                <tbody>
                  {batches.map((b) => (
                    <tr key={b.id} data-testid="integrity-batch-row" data-status={b.status}>
                      <th scope="row">
                        <DateTime value={b.receivedAt} />
                      </th>
                      <td>{t(`integrity.source.${b.source}`, { defaultValue: b.source })}</td>
                      <td>{number(b.count)}</td>
                      <td>
                        <span
                          className={
                            b.status === 'quarantined'
                              ? 'status status-warn'
                              : b.status === 'purged'
                                ? 'badge badge-muted'
                                : 'badge'
                          }
                        >
                          {t(`integrity.status.${b.status}`)}
                        </span>
                      </td>
                      <td>{b.reasons.length ? <ReasonsDisclosure reasons={b.reasons} /> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </QueryBoundary>
    </section>
  );
}

/** The reasons' names, opening onto the plain-language explanation the server wrote for each. */
function ReasonsDisclosure({ reasons }: { reasons: BatchReason[] }) {
  const { t } = useTranslation();
  return (
    <details className="reasons-details" data-testid="integrity-batch-reasons">
      <summary>
        {reasons.map((r) => t(`integrity.reasons.${r.code}`, { defaultValue: r.code })).join(', ')}
      </summary>
      <ul>
        {reasons.map((r) => (
          <li key={r.code} data-code={r.code}>
            {r.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

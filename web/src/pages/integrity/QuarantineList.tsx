import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionResult, ConfirmActionDialog, useConfirmedAction } from '../../components/ConfirmedAction';
import { DateTime } from '../../components/DateTime';
import { QueryBoundary } from '../../components/QueryBoundary';
import { batchesKey, type Decision, decideBatch, type EventBatch, type Locale } from './api';

const DECISIONS: readonly Decision[] = ['release', 'purge'];

interface Pending {
  batch: EventBatch;
  decision: Decision;
}

/** Quarantined batches, each with its reasons in plain words and, for those allowed, release or purge. */
export function QuarantineList({
  query,
  canManage,
  locale,
}: {
  query: UseQueryResult<{ batches: EventBatch[] }>;
  canManage: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const action = useConfirmedAction<Pending>({
    run: ({ batch, decision }) => decideBatch(batch.id, decision, locale),
    done: ({ decision }) => t(`integrity.quarantine.${decision}Done`),
    invalidates: batchesKey,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  // The decided batch leaves the list (and its buttons with it) once the dialog has handed focus back:
  // focus goes to the heading, right above the announced result.
  useEffect(() => {
    if (action.result) heading.current?.focus();
  }, [action.result]);
  return (
    <section className="card" aria-labelledby="integrity-quarantine-title">
      <h2 id="integrity-quarantine-title" ref={heading} tabIndex={-1}>
        {t('integrity.quarantine.title')}
      </h2>
      <p className="muted">{t('integrity.quarantine.help')}</p>
      <ActionResult action={action} testId="integrity-quarantine-result" />
      <QueryBoundary query={query}>
        {({ batches }) =>
          batches.length === 0 ? (
            <p className="empty" data-testid="integrity-quarantine-empty">
              {t('integrity.quarantine.empty')}
            </p>
          ) : (
            <ul className="stack" data-testid="integrity-quarantine-list">
              {batches.map((batch) => (
                <li key={batch.id} className="card" data-testid="integrity-quarantined" data-id={batch.id}>
                  <h3>
                    {t('integrity.quarantine.batch', { count: batch.count })}{' '}
                    <DateTime value={batch.receivedAt} />
                  </h3>
                  <p className="muted mono">{batch.id}</p>
                  <ul>
                    {batch.reasons.map((reason) => (
                      <li key={reason.code} data-code={reason.code}>
                        <strong>
                          {t(`integrity.reasons.${reason.code}`, { defaultValue: reason.code })}
                        </strong>
                        {' — '}
                        {reason.message}
                      </li>
                    ))}
                  </ul>
                  {canManage ? (
                    <div className="form-actions">
                      {DECISIONS.map((decision) => (
                        <button
                          key={decision}
                          type="button"
                          className={decision === 'purge' ? 'button button-danger' : 'button'}
                          onClick={() => action.ask({ batch, decision })}
                          data-testid={`integrity-${decision}`}
                        >
                          {t(`integrity.quarantine.${decision}`)}
                          <span className="visually-hidden"> {batch.id}</span>
                        </button>
                      ))}
                    </div>
                  ) : (
                    <p className="muted">{t('integrity.quarantine.readOnly')}</p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryBoundary>
      <ConfirmActionDialog
        action={action}
        title={({ decision }) => t(`integrity.confirm.${decision}Title`)}
        confirmLabel={({ decision }) => t(`integrity.quarantine.${decision}`)}
        tone={({ decision }) => (decision === 'purge' ? 'danger' : 'primary')}
      >
        {({ batch, decision }) => <p>{t(`integrity.confirm.${decision}Body`, { count: batch.count })}</p>}
      </ConfirmActionDialog>
    </section>
  );
}

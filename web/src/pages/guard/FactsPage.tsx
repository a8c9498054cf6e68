import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteFact, type Fact, fetchFacts } from '../../api/guard';
import { useSession } from '../../auth/SessionProvider';
import {
  ActionResult,
  ConfirmActionDialog,
  RowDangerButton,
  useConfirmedAction,
} from '../../components/ConfirmedAction';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { TableCard } from '../../components/TableCard';
import { FactEditor } from './FactEditor';
import { factStatus } from './factForm';
import { FACTS_QUERY_KEY } from './queryKeys';

export function FactsPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: FACTS_QUERY_KEY, queryFn: fetchFacts });
  const { can } = useSession();
  const writable = can('brand:write');
  const [editing, setEditing] = useState<Fact>();
  return (
    <>
      <PageHeader title={t('guardSettings.facts.title')} description={t('guardSettings.facts.description')} />
      <QueryBoundary query={query} loadingLabel={t('guardSettings.facts.loading')}>
        {(data) => (
          <div className="stack">
            {writable ? (
              <FactEditor key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(undefined)} />
            ) : null}
            <FactsTable facts={data.facts} writable={writable} onEdit={setEditing} />
          </div>
        )}
      </QueryBoundary>
    </>
  );
}

const STATUS_CLASS = {
  active: 'status-on',
  permanent: 'status-on',
  expiring: 'status-warn',
  expired: 'status-bad',
} as const;

function FactsTable({
  facts,
  writable,
  onEdit,
}: {
  facts: Fact[];
  writable: boolean;
  onEdit: (fact: Fact) => void;
}) {
  const { t } = useTranslation();
  const removal = useConfirmedAction({
    run: (fact: Fact) => deleteFact(fact.id),
    done: () => t('guardSettings.facts.deleted'),
    invalidates: FACTS_QUERY_KEY,
  });
  return (
    <>
      <TableCard
        id="facts-table-title"
        title={t('guardSettings.facts.listTitle', { count: facts.length })}
        notice={<ActionResult action={removal} testId="facts-result" />}
        isEmpty={facts.length === 0}
        empty={t('guardSettings.facts.empty')}
      >
        <table className="table" data-testid="facts-table">
          <thead>
            <tr>
              <th scope="col">{t('guardSettings.facts.statement')}</th>
              <th scope="col">{t('guardSettings.facts.source')}</th>
              <th scope="col">{t('guardSettings.facts.owner')}</th>
              <th scope="col">{t('guardSettings.facts.expires')}</th>
              <th scope="col">{t('guardSettings.facts.status')}</th>
              {writable ? (
                <th scope="col">
                  <span className="visually-hidden">{t('guardSettings.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {facts.map((fact) => {
              const status = factStatus(fact);
              return (
                <tr key={fact.id} data-testid="fact-row" data-fact-id={fact.id} data-status={status}>
                  <th scope="row" className="break" lang={fact.lang ?? undefined}>
                    {fact.statement}
                  </th>
                  <td className="break">{fact.source}</td>
                  <td>{fact.owner ?? <span className="muted">—</span>}</td>
                  <td>
                    {fact.expiresAt ? (
                      <DateTime value={fact.expiresAt} format="date" />
                    ) : (
                      <span className="muted">{t('guardSettings.facts.never')}</span>
                    )}
                  </td>
                  <td>
                    <span className={`status ${STATUS_CLASS[status]}`} data-testid="fact-status">
                      {t(`guardSettings.facts.statuses.${status}`)}
                    </span>
                  </td>
                  {writable ? (
                    <td className="cell-actions">
                      <div className="inline-control">
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          onClick={() => onEdit(fact)}
                          data-testid="fact-edit"
                        >
                          {t('guardSettings.edit')}
                        </button>
                        <RowDangerButton
                          label={t('guardSettings.delete')}
                          target={fact.statement}
                          onClick={() => removal.ask(fact)}
                          testId="fact-delete"
                        />
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableCard>
      <ConfirmActionDialog
        action={removal}
        title={() => t('guardSettings.facts.confirmDelete.title')}
        confirmLabel={() => t('guardSettings.facts.confirmDelete.confirm')}
      >
        {(pending) => (
          <>
            <p>{t('guardSettings.facts.confirmDelete.body')}</p>
            <blockquote className="finding-excerpt">{pending.statement}</blockquote>
          </>
        )}
      </ConfirmActionDialog>
    </>
  );
}

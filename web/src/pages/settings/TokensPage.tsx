import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchTokens, revokeToken } from '../../api/endpoints';
import type { ApiToken } from '../../api/types';
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
import { CreateTokenForm } from './CreateTokenForm';
import { TOKENS_QUERY_KEY } from './queryKeys';
import { tokenStatus } from './tokenStatus';

export function TokensPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: TOKENS_QUERY_KEY, queryFn: fetchTokens });
  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} />
      <QueryBoundary query={query} loadingLabel={t('tokens.loading')}>
        {(data) => (
          <div className="stack">
            <CreateTokenForm />
            <TokensTable tokens={data.tokens} />
          </div>
        )}
      </QueryBoundary>
    </>
  );
}

function Optional({ value, fallback }: { value: string | null; fallback: string }) {
  return value ? <DateTime value={value} format="date" /> : <span className="muted">{fallback}</span>;
}

function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  const revocation = useConfirmedAction({
    run: (token: ApiToken) => revokeToken(token.id),
    done: (token) => t('tokens.revoked', { name: token.name }),
    invalidates: TOKENS_QUERY_KEY,
  });

  return (
    <>
      <TableCard
        id="tokens-table-title"
        title={t('tokens.listTitle', { count: tokens.length })}
        notice={<ActionResult action={revocation} testId="tokens-result" />}
        isEmpty={tokens.length === 0}
        empty={t('tokens.empty')}
      >
        <table className="table" data-testid="tokens-table">
          <thead>
            <tr>
              <th scope="col">{t('tokens.columns.name')}</th>
              <th scope="col">{t('tokens.columns.role')}</th>
              <th scope="col">{t('tokens.columns.owner')}</th>
              <th scope="col">{t('tokens.columns.created')}</th>
              <th scope="col">{t('tokens.columns.expires')}</th>
              <th scope="col">{t('tokens.columns.lastUsed')}</th>
              <th scope="col">{t('tokens.columns.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tokens.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const status = tokenStatus(token);
              return (
                <tr key={token.id} data-testid="token-row" data-token-name={token.name} data-status={status}>
                  <th scope="row">
                    <span className="cell-primary">{token.name}</span>
                    <span className="cell-secondary mono">{token.prefix}…</span>
                  </th>
                  <td>{t(`roles.${token.role}`, { defaultValue: token.role })}</td>
                  <td>{token.username}</td>
                  <td>
                    <DateTime value={token.createdAt} format="date" />
                  </td>
                  <td>
                    <Optional value={token.expiresAt} fallback={t('tokens.never')} />
                  </td>
                  <td>
                    <Optional value={token.lastUsedAt} fallback={t('tokens.neverUsed')} />
                  </td>
                  <td>
                    <span className={`status status-${status === 'active' ? 'on' : 'off'}`}>
                      {t(`tokens.status.${status}`)}
                    </span>
                  </td>
                  <td className="cell-actions">
                    {status === 'active' ? (
                      <RowDangerButton
                        label={t('tokens.revoke')}
                        target={token.name}
                        onClick={() => revocation.ask(token)}
                        testId="token-revoke"
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableCard>
      <ConfirmActionDialog
        action={revocation}
        title={() => t('tokens.confirmRevoke.title')}
        confirmLabel={() => t('tokens.confirmRevoke.confirm')}
      >
        {(pending) => <p>{t('tokens.confirmRevoke.body', { name: pending.name })}</p>}
      </ConfirmActionDialog>
    </>
  );
}

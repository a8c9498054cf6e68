import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchTokens, revokeToken } from '../../api/endpoints';
import type { ApiToken } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ScrollRegion } from '../../components/ScrollRegion';
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
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<ApiToken>();
  const [result, setResult] = useState<string>();
  const mutation = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: (_nothing, token) => {
      setPending(undefined);
      setResult(t('tokens.revoked', { name: token.name }));
      void queryClient.invalidateQueries({ queryKey: TOKENS_QUERY_KEY });
    },
  });

  return (
    <section className="card card-flush" aria-labelledby="tokens-table-title">
      <h2 id="tokens-table-title" className="card-heading">
        {t('tokens.listTitle', { count: tokens.length })}
      </h2>
      <LiveRegion testId="tokens-result">
        {result ? <Notice tone="success">{result}</Notice> : null}
      </LiveRegion>
      {tokens.length === 0 ? (
        <p className="empty">{t('tokens.empty')}</p>
      ) : (
        <ScrollRegion labelledBy="tokens-table-title">
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
                  <tr
                    key={token.id}
                    data-testid="token-row"
                    data-token-name={token.name}
                    data-status={status}
                  >
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
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          onClick={() => {
                            mutation.reset();
                            setResult(undefined);
                            setPending(token);
                          }}
                          data-testid="token-revoke"
                        >
                          {t('tokens.revoke')}
                          <span className="visually-hidden"> {token.name}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {pending ? (
        <ConfirmDialog
          open
          title={t('tokens.confirmRevoke.title')}
          confirmLabel={t('tokens.confirmRevoke.confirm')}
          tone="danger"
          busy={mutation.isPending}
          onCancel={() => setPending(undefined)}
          onConfirm={() => mutation.mutate(pending)}
        >
          <p>{t('tokens.confirmRevoke.body', { name: pending.name })}</p>
          {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

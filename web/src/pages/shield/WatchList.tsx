import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import {
  checkWatchList,
  fetchWatched,
  unwatchDomain,
  type WatchedDomain,
  watchDomain,
} from '../../api/shield';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ScrollRegion } from '../../components/ScrollRegion';
import { type DomainProblem, normaliseDomain } from './logic';
import { ALERTS_QUERY_KEY, WATCH_QUERY_KEY } from './queryKeys';

/** The brand domains watched for lookalikes: list, add, remove, and re-check now. */
export function WatchList({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: WATCH_QUERY_KEY, queryFn: fetchWatched });
  const [result, setResult] = useState<string>();
  const [pending, setPending] = useState<WatchedDomain>();

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: WATCH_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: ALERTS_QUERY_KEY });
  };
  const remove = useMutation({
    mutationFn: (watched: WatchedDomain) => unwatchDomain(watched.id),
    onSuccess: (_data, watched) => {
      setPending(undefined);
      setResult(t('shield.lookalikes.removed', { domain: watched.domain }));
      refresh();
    },
  });
  const check = useMutation({
    mutationFn: checkWatchList,
    onSuccess: (data) => {
      setResult(t('shield.lookalikes.checked', data));
      refresh();
    },
  });

  return (
    <section className="card" aria-labelledby="shield-watch-title" data-testid="shield-watch">
      <div className="card-title-row">
        <h2 id="shield-watch-title">{t('shield.lookalikes.watchTitle')}</h2>
        {canManage ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={check.isPending}
            aria-busy={check.isPending}
            onClick={() => {
              setResult(undefined);
              check.mutate();
            }}
            data-testid="shield-watch-check"
          >
            {check.isPending ? <span className="spinner" aria-hidden="true" /> : null}
            {t('shield.lookalikes.check')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('shield.lookalikes.watchHelp')}</p>
      {canManage ? (
        <AddWatchForm onAdded={(domain) => setResult(t('shield.lookalikes.added', { domain }))} />
      ) : (
        <p className="muted">{t('shield.lookalikes.readOnly')}</p>
      )}
      <LiveRegion testId="shield-watch-status">
        {check.isPending ? <p className="muted">{t('shield.lookalikes.checking')}</p> : null}
        {check.isError ? <ErrorNotice error={check.error} testId="shield-watch-check-error" /> : null}
        {result ? <Notice tone="success">{result}</Notice> : null}
      </LiveRegion>
      <QueryBoundary query={query} loadingLabel={t('shield.lookalikes.loading')}>
        {({ watched }) =>
          watched.length === 0 ? (
            <p className="muted" data-testid="shield-watch-empty">
              {t('shield.lookalikes.empty')}
            </p>
          ) : (
            <ScrollRegion labelledBy="shield-watch-title" busy={query.isFetching || check.isPending}>
              <table className="table" data-testid="shield-watch-table">
                <thead>
                  <tr>
                    <th scope="col">{t('shield.lookalikes.columns.domain')}</th>
                    <th scope="col">{t('shield.lookalikes.columns.registered')}</th>
                    <th scope="col">{t('shield.lookalikes.columns.withMx')}</th>
                    <th scope="col">{t('shield.lookalikes.columns.checkedAt')}</th>
                    {canManage ? (
                      <th scope="col">
                        <span className="visually-hidden">{t('shield.lookalikes.columns.actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {watched.map((item) => (
                    <tr key={item.id} data-testid="shield-watch-row" data-domain={item.domain}>
                      <th scope="row" className="mono">
                        {item.domain}
                      </th>
                      <td>{item.registered}</td>
                      <td>{item.withMx}</td>
                      <td>
                        {item.checkedAt ? (
                          <DateTime value={item.checkedAt} />
                        ) : (
                          <span className="muted">{t('shield.lookalikes.never')}</span>
                        )}
                      </td>
                      {canManage ? (
                        <td className="cell-actions">
                          <button
                            type="button"
                            className="button button-small button-danger-quiet"
                            onClick={() => {
                              remove.reset();
                              setResult(undefined);
                              setPending(item);
                            }}
                            data-testid="shield-watch-remove"
                          >
                            {t('shield.lookalikes.remove')}
                            <span className="visually-hidden"> {item.domain}</span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </QueryBoundary>
      {pending ? (
        <ConfirmDialog
          open
          title={t('shield.lookalikes.removeTitle', { domain: pending.domain })}
          confirmLabel={t('shield.lookalikes.remove')}
          tone="danger"
          busy={remove.isPending}
          onCancel={() => setPending(undefined)}
          onConfirm={() => remove.mutate(pending)}
        >
          <p>{t('shield.lookalikes.removeBody')}</p>
          {remove.isError ? <ErrorNotice error={remove.error} /> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function AddWatchForm({ onAdded }: { onAdded: (domain: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<DomainProblem>();
  const mutation = useMutation({
    mutationFn: watchDomain,
    onSuccess: ({ watched }) => {
      setInput('');
      onAdded(watched.domain);
      void queryClient.invalidateQueries({ queryKey: WATCH_QUERY_KEY });
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.reset();
    const parsed = normaliseDomain(input);
    setProblem(parsed.problem);
    if (parsed.domain) mutation.mutate(parsed.domain);
  }

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate data-testid="shield-watch-form">
      <div className="field">
        <label htmlFor="shield-watch-domain">{t('shield.lookalikes.domain')}</label>
        <input
          id="shield-watch-domain"
          type="text"
          value={input}
          maxLength={253}
          spellCheck={false}
          autoComplete="off"
          placeholder="example.com"
          aria-invalid={problem !== undefined || conflict}
          aria-describedby="shield-watch-domain-error"
          onChange={(event) => setInput(event.target.value)}
          data-testid="shield-watch-domain"
        />
        <div id="shield-watch-domain-error" aria-live="polite">
          {problem ? <p className="field-error">{t(`shield.domainErrors.${problem}`, { max: 63 })}</p> : null}
          {conflict ? (
            <p className="field-error" data-testid="shield-watch-conflict">
              {t('shield.lookalikes.already', { domain: mutation.variables ?? '' })}
            </p>
          ) : null}
        </div>
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={mutation.isPending}
        aria-busy={mutation.isPending}
        data-testid="shield-watch-add"
      >
        {mutation.isPending ? t('shield.lookalikes.adding') : t('shield.lookalikes.add')}
      </button>
      {mutation.isError && !conflict ? (
        <ErrorNotice error={mutation.error} testId="shield-watch-error" />
      ) : null}
    </form>
  );
}

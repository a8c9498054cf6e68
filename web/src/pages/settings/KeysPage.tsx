import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchKeys, rewrapKeys, rotateKeys } from '../../api/endpoints';
import type { KeysState } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { KEYS_QUERY_KEY } from './queryKeys';
import { type RewrapProgress, rewrapUntilDone } from './rewrap';

export function KeysPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: KEYS_QUERY_KEY, queryFn: fetchKeys });
  return (
    <>
      <PageHeader title={t('keys.title')} description={t('keys.description')} />
      <QueryBoundary query={query} loadingLabel={t('keys.loading')}>
        {(keys) => (
          <div className="stack">
            <div className="grid grid-2">
              <DataKeys keys={keys} />
              <SigningKey signing={keys.signing} />
            </div>
            <KeyActions />
          </div>
        )}
      </QueryBoundary>
    </>
  );
}

function DataKeys({ keys }: { keys: KeysState }) {
  const { t } = useTranslation();
  const versions = [...keys.versions].sort((a, b) => b - a);
  return (
    <section className="card" aria-labelledby="data-keys-title" data-testid="data-keys">
      <h2 id="data-keys-title">{t('keys.data.title')}</h2>
      <dl className="facts">
        <dt>{t('keys.data.current')}</dt>
        <dd>
          <span className="badge badge-accent" data-testid="data-key-version">
            v{keys.dataKeyVersion}
          </span>
        </dd>
        <dt>{t('keys.data.versions')}</dt>
        <dd>
          <ul className="inline-list" data-testid="data-key-versions">
            {versions.map((version) => (
              <li key={version} className="badge badge-muted">
                v{version}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <p className="muted">{t('keys.data.help')}</p>
    </section>
  );
}

function SigningKey({ signing }: { signing: KeysState['signing'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="signing-key-title" data-testid="signing-key">
      <h2 id="signing-key-title">{t('keys.signing.title')}</h2>
      <dl className="facts">
        <dt>{t('keys.signing.keyId')}</dt>
        <dd className="mono break">{signing.keyId}</dd>
        <dt>{t('keys.signing.fingerprint')}</dt>
        <dd className="mono break">{signing.fingerprint}</dd>
        <dt>{t('keys.signing.publicKey')}</dt>
        <dd className="mono break">{signing.publicKey}</dd>
      </dl>
      <p className="muted">{t('keys.signing.help')}</p>
    </section>
  );
}

function KeyActions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [progress, setProgress] = useState<RewrapProgress>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: KEYS_QUERY_KEY });
  const rotate = useMutation({
    mutationFn: rotateKeys,
    onSuccess: () => {
      setConfirmRotate(false);
      refresh();
    },
  });
  const rewrap = useMutation({
    mutationFn: () => rewrapUntilDone(rewrapKeys, setProgress),
    onMutate: () => setProgress(undefined),
    onSettled: refresh,
  });

  return (
    <section className="card" aria-labelledby="key-actions-title">
      <h2 id="key-actions-title">{t('keys.actions.title')}</h2>
      <div className="action-rows">
        <div className="action-row">
          <div>
            <h3>{t('keys.actions.rotate')}</h3>
            <p className="muted">{t('keys.actions.rotateHelp')}</p>
          </div>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              rotate.reset();
              setConfirmRotate(true);
            }}
            data-testid="key-rotate"
          >
            {t('keys.actions.rotate')}
          </button>
        </div>
        <div className="action-row">
          <div>
            <h3>{t('keys.actions.rewrap')}</h3>
            <p className="muted">{t('keys.actions.rewrapHelp')}</p>
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={rewrap.isPending}
            aria-busy={rewrap.isPending}
            onClick={() => rewrap.mutate()}
            data-testid="key-rewrap"
          >
            {rewrap.isPending ? t('keys.actions.rewrapping') : t('keys.actions.rewrap')}
          </button>
        </div>
      </div>
      <LiveRegion testId="keys-result">
        {rotate.isSuccess ? (
          <Notice tone="success">{t('keys.actions.rotated', { version: rotate.data.version })}</Notice>
        ) : null}
        {progress ? <RewrapOutcome progress={progress} running={rewrap.isPending} /> : null}
        {rewrap.isError ? <ErrorNotice error={rewrap.error} /> : null}
      </LiveRegion>
      <ConfirmDialog
        open={confirmRotate}
        title={t('keys.confirmRotate.title')}
        confirmLabel={t('keys.confirmRotate.confirm')}
        busy={rotate.isPending}
        onCancel={() => setConfirmRotate(false)}
        onConfirm={() => rotate.mutate()}
      >
        <p>{t('keys.confirmRotate.body')}</p>
        {rotate.isError ? <ErrorNotice error={rotate.error} /> : null}
      </ConfirmDialog>
    </section>
  );
}

function RewrapOutcome({ progress, running }: { progress: RewrapProgress; running: boolean }) {
  const { t } = useTranslation();
  const done = !running && progress.remaining <= 0;
  return (
    <Notice tone={progress.stalled ? 'warning' : done ? 'success' : 'info'}>
      {t('keys.actions.rewrapped', { count: progress.rewrapped })}{' '}
      {done
        ? t('keys.actions.allCurrent')
        : progress.stalled
          ? t('keys.actions.stalled', { count: progress.remaining })
          : t('keys.actions.remaining', { count: progress.remaining })}
    </Notice>
  );
}

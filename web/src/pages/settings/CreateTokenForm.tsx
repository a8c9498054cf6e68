import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createToken } from '../../api/endpoints';
import type { Role } from '../../api/types';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormSubmit } from '../../components/FormSubmit';
import { LiveRegion, Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { TOKENS_QUERY_KEY } from './queryKeys';
import { RoleSelect } from './RoleSelect';
import { DEFAULT_TOKEN_EXPIRY_DAYS, TOKEN_EXPIRY_DAYS } from './tokenStatus';

export function CreateTokenForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [expiresInDays, setExpiresInDays] = useState<number>(DEFAULT_TOKEN_EXPIRY_DAYS);
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: createToken,
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: TOKENS_QUERY_KEY });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    setMissing(name.trim() === '');
    if (name.trim() !== '') mutation.mutate({ name: name.trim(), role, expiresInDays });
  }

  return (
    <section className="card" aria-labelledby="token-create-title">
      <h2 id="token-create-title">{t('tokens.create.title')}</h2>
      <p className="muted">{t('tokens.create.help')}</p>
      <form className="form form-grid" onSubmit={onSubmit} noValidate data-testid="token-create-form">
        <TextField
          id="token-name"
          label={t('tokens.create.name')}
          hint={t('tokens.create.nameHint')}
          value={name}
          onChange={setName}
          required
          autoComplete="off"
          maxLength={80}
        />
        <div className="field">
          <label htmlFor="token-role">{t('tokens.create.role')}</label>
          <RoleSelect id="token-role" value={role} onChange={setRole} testId="token-role" />
        </div>
        <div className="field">
          <label htmlFor="token-expiry">{t('tokens.create.expiry')}</label>
          <select
            id="token-expiry"
            value={expiresInDays}
            onChange={(event) => setExpiresInDays(Number(event.target.value))}
            data-testid="token-expiry"
          >
            {TOKEN_EXPIRY_DAYS.map((days) => (
              <option key={days} value={days}>
                {t('tokens.create.days', { count: days })}
              </option>
            ))}
          </select>
        </div>
        <FormSubmit
          busy={mutation.isPending}
          label={t('tokens.create.submit')}
          busyLabel={t('tokens.create.submitting')}
          testId="token-create-submit"
        />
      </form>
      <LiveRegion testId="token-create-result">
        {missing ? <Notice tone="danger">{t('tokens.create.required')}</Notice> : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
      </LiveRegion>
      {mutation.isSuccess ? (
        <NewTokenSecret
          name={mutation.data.token.name}
          secret={mutation.data.secret}
          onDone={mutation.reset}
        />
      ) : null}
    </section>
  );
}

/** The one and only time the secret is visible: the server keeps a hash. */
function NewTokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="secret-panel" data-testid="token-secret-panel">
      <Notice tone="warning" title={t('tokens.secret.title', { name })}>
        <p>{t('tokens.secret.warning')}</p>
      </Notice>
      <div className="field">
        <label htmlFor="token-secret">{t('tokens.secret.label')}</label>
        <div className="inline-control">
          <input
            id="token-secret"
            className="mono"
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            data-testid="token-secret"
          />
          <CopyButton value={secret} label={t('tokens.secret.copy')} testId="token-secret-copy" />
        </div>
      </div>
      <button
        type="button"
        className="button button-secondary"
        onClick={onDone}
        data-testid="token-secret-done"
      >
        {t('tokens.secret.done')}
      </button>
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ConnectionCheck,
  fetchMailboxSettings,
  type MailboxSettings,
  type MailTls,
  saveMailboxSettings,
  testMailbox,
} from '../../api/shieldMailbox';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { QueryBoundary } from '../../components/QueryBoundary';
import { fromMailboxDraft, type MailboxDraft, type MailboxProblem, toMailboxDraft } from './mailboxForm';
import { MAILBOX_SETTINGS_QUERY_KEY } from './queryKeys';

const TLS_MODES: readonly MailTls[] = ['tls', 'starttls', 'none'];

/** Where staff forward suspicious mail and how Vigie answers them; passwords are write-only. */
export function MailboxSettingsPanel() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: MAILBOX_SETTINGS_QUERY_KEY, queryFn: fetchMailboxSettings });
  return (
    <section
      className="card"
      aria-labelledby="shield-mailbox-settings-title"
      data-testid="shield-mailbox-settings"
    >
      <h2 id="shield-mailbox-settings-title">{t('shieldMailbox.settings.title')}</h2>
      <p className="muted">{t('shieldMailbox.settings.help')}</p>
      <QueryBoundary query={query} loadingLabel={t('shieldMailbox.settings.loading')}>
        {({ settings }) => <MailboxForm initial={settings} />}
      </QueryBoundary>
    </section>
  );
}

type Draftable = keyof MailboxDraft;

function MailboxForm({ initial }: { initial: MailboxSettings | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MailboxDraft>(() => toMailboxDraft(initial));
  const [problem, setProblem] = useState<MailboxProblem>();
  const save = useMutation({
    mutationFn: saveMailboxSettings,
    onSuccess: (data) => {
      queryClient.setQueryData(MAILBOX_SETTINGS_QUERY_KEY, data);
      setDraft(toMailboxDraft(data.settings));
    },
  });
  const test = useMutation({ mutationFn: testMailbox });
  const set = (change: Partial<MailboxDraft>) => setDraft((current) => ({ ...current, ...change }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    save.reset();
    test.reset();
    const parsed = fromMailboxDraft(draft, initial);
    setProblem(parsed.problem);
    if (parsed.input) save.mutate(parsed.input);
  }

  const text = (name: Draftable, options: { type?: string; hint?: ReactNode; stored?: boolean } = {}) => {
    const id = `shield-mailbox-${name}`;
    const hint = options.stored ? t('shieldMailbox.settings.passwordStored') : options.hint;
    return (
      <div className="field">
        <label htmlFor={id}>{t(`shieldMailbox.settings.fields.${name as MailboxProblem}`)}</label>
        <input
          id={id}
          type={options.type ?? 'text'}
          value={String(draft[name])}
          maxLength={1024}
          spellCheck={false}
          autoComplete={options.type === 'password' ? 'new-password' : 'off'}
          aria-invalid={problem === name}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => set({ [name]: event.target.value })}
          data-testid={id}
        />
        {hint ? (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        ) : null}
      </div>
    );
  };
  const tls = (name: 'imapTls' | 'smtpTls') => (
    <div className="field">
      <label htmlFor={`shield-mailbox-${name}`}>{t('shieldMailbox.settings.fields.tls')}</label>
      <select
        id={`shield-mailbox-${name}`}
        value={draft[name]}
        onChange={(event) => set({ [name]: event.target.value as MailTls })}
      >
        {TLS_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(`shieldMailbox.settings.tls.${mode}`)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="shield-mailbox-form">
      <div className="field checkbox-field">
        <input
          id="shield-mailbox-enabled"
          type="checkbox"
          checked={draft.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
        />
        <label htmlFor="shield-mailbox-enabled">{t('shieldMailbox.settings.enabled')}</label>
      </div>
      <div className="field checkbox-field">
        <input
          id="shield-mailbox-offline"
          type="checkbox"
          checked={draft.offline}
          aria-describedby="shield-mailbox-offline-hint"
          onChange={(event) => set({ offline: event.target.checked })}
        />
        <label htmlFor="shield-mailbox-offline">{t('shieldMailbox.settings.offline')}</label>
        <p id="shield-mailbox-offline-hint" className="field-hint">
          {t('shieldMailbox.settings.offlineHint')}
        </p>
      </div>
      <fieldset className="fieldset">
        <legend>{t('shieldMailbox.settings.imap')}</legend>
        {text('imapHost')}
        {text('imapPort', { type: 'number' })}
        {tls('imapTls')}
        {text('imapUser')}
        {text('imapPassword', { type: 'password', stored: initial?.imap.passwordSet })}
        {text('folder')}
        {text('moveTo', { hint: t('shieldMailbox.settings.moveToHint') })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('shieldMailbox.settings.smtp')}</legend>
        {text('smtpHost')}
        {text('smtpPort', { type: 'number' })}
        {tls('smtpTls')}
        {text('smtpUser', { hint: t('shieldMailbox.settings.smtpUserHint') })}
        {text('smtpPassword', { type: 'password', stored: initial?.smtp.passwordSet })}
        {text('from', { type: 'email' })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('shieldMailbox.settings.behaviour')}</legend>
        {text('pollMinutes', { type: 'number' })}
        {text('reporterDomains', { hint: t('shieldMailbox.settings.reporterDomainsHint') })}
        <div className="field">
          <label htmlFor="shield-mailbox-locale">{t('shieldMailbox.settings.fields.defaultLocale')}</label>
          <select
            id="shield-mailbox-locale"
            value={draft.defaultLocale}
            onChange={(event) => set({ defaultLocale: event.target.value === 'fr' ? 'fr' : 'en' })}
          >
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </div>
      </fieldset>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={save.isPending}
          aria-busy={save.isPending}
          data-testid="shield-mailbox-save"
        >
          {save.isPending ? t('shieldMailbox.settings.saving') : t('shieldMailbox.settings.save')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!initial || test.isPending}
          aria-busy={test.isPending}
          onClick={() => test.mutate()}
          data-testid="shield-mailbox-test"
        >
          {test.isPending ? t('shieldMailbox.settings.testing') : t('shieldMailbox.settings.test')}
        </button>
      </div>
      {initial?.lastPollAt ? (
        <p className="muted" data-testid="shield-mailbox-last-poll">
          {t('shieldMailbox.settings.lastPoll')} <DateTime value={initial.lastPollAt} />
          {initial.lastPoll?.error ? ` — ${initial.lastPoll.error}` : ''}
        </p>
      ) : null}
      <LiveRegion testId="shield-mailbox-settings-status">
        {problem ? <Notice tone="warning">{t(`shieldMailbox.settings.problems.${problem}`)}</Notice> : null}
        {save.isError ? <ErrorNotice error={save.error} testId="shield-mailbox-save-error" /> : null}
        {save.isSuccess ? <Notice tone="success">{t('shieldMailbox.settings.saved')}</Notice> : null}
        {test.isError ? <ErrorNotice error={test.error} /> : null}
        {test.data ? (
          <>
            <CheckResult name="IMAP" check={test.data.imap} />
            <CheckResult name="SMTP" check={test.data.smtp} />
          </>
        ) : null}
      </LiveRegion>
    </form>
  );
}

function CheckResult({ name, check }: { name: string; check: ConnectionCheck }) {
  const { t } = useTranslation();
  return (
    <Notice tone={check.ok ? 'success' : 'danger'} testId={`shield-mailbox-check-${name.toLowerCase()}`}>
      {check.ok
        ? t('shieldMailbox.settings.checkOk', { name })
        : t('shieldMailbox.settings.checkFailed', { name, error: check.error ?? '' })}
    </Notice>
  );
}

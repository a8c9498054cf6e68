import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createUser, type NewUser } from '../../api/endpoints';
import type { Role } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormSubmit } from '../../components/FormSubmit';
import { LiveRegion, Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { USERS_QUERY_KEY } from './queryKeys';
import { RoleSelect } from './RoleSelect';

interface Draft {
  username: string;
  password: string;
  role: Role;
  email: string;
  displayName: string;
}

const EMPTY: Draft = { username: '', password: '', role: 'editor', email: '', displayName: '' };

function toNewUser(draft: Draft): NewUser {
  const input: NewUser = { username: draft.username.trim(), password: draft.password, role: draft.role };
  if (draft.email.trim()) input.email = draft.email.trim();
  if (draft.displayName.trim()) input.displayName = draft.displayName.trim();
  return input;
}

export function InviteUserForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      setDraft(EMPTY);
      void queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
    },
  });

  const set = (field: keyof Draft) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const incomplete = draft.username.trim() === '' || draft.password === '';
    setMissing(incomplete);
    if (!incomplete) mutation.mutate(toNewUser(draft));
  }

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('users.invite.title')}</h2>
      <p className="muted">{t('users.invite.help')}</p>
      <form className="form form-grid" onSubmit={onSubmit} noValidate data-testid="invite-form">
        <TextField
          id="invite-username"
          label={t('users.invite.username')}
          hint={t('users.invite.usernameHint')}
          value={draft.username}
          onChange={set('username')}
          required
          autoComplete="off"
          maxLength={64}
        />
        <TextField
          id="invite-password"
          label={t('users.invite.password')}
          hint={t('users.invite.passwordHint')}
          type="password"
          value={draft.password}
          onChange={set('password')}
          required
          autoComplete="new-password"
          maxLength={256}
        />
        <div className="field">
          <label htmlFor="invite-role">{t('users.invite.role')}</label>
          <RoleSelect
            id="invite-role"
            value={draft.role}
            onChange={(role) => setDraft((current) => ({ ...current, role }))}
            testId="invite-role"
          />
        </div>
        <TextField
          id="invite-display-name"
          label={t('users.invite.displayName')}
          optional={t('common.optional')}
          value={draft.displayName}
          onChange={set('displayName')}
          autoComplete="off"
          maxLength={120}
        />
        <TextField
          id="invite-email"
          label={t('users.invite.email')}
          optional={t('common.optional')}
          type="email"
          value={draft.email}
          onChange={set('email')}
          autoComplete="off"
          maxLength={254}
        />
        <FormSubmit
          busy={mutation.isPending}
          label={t('users.invite.submit')}
          busyLabel={t('users.invite.submitting')}
          testId="invite-submit"
        />
      </form>
      <LiveRegion testId="invite-result">
        {missing ? <Notice tone="danger">{t('users.invite.required')}</Notice> : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} testId="invite-error" /> : null}
        {mutation.isSuccess ? (
          <Notice tone="success">
            {t('users.invite.success', { username: mutation.data.user.username })}
          </Notice>
        ) : null}
      </LiveRegion>
    </section>
  );
}

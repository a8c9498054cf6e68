import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/TextField';
import { findCustomers } from './api';
import { CustomerDetails } from './CustomerDetails';
import { ImportCard } from './ImportCard';

/** Customers: find a profile through the e-mail blind index, consent, data subject requests, imports. */
export function CustomersPage() {
  const { t } = useTranslation();
  const [subject, setSubject] = useState<string>();
  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} />
      <div className="stack">
        <FindCard onSelect={setSubject} selected={subject} />
        {subject ? (
          <CustomerDetails key={subject} subject={subject} onErased={() => setSubject(undefined)} />
        ) : null}
        <ImportCard />
      </div>
    </>
  );
}

function FindCard({
  onSelect,
  selected,
}: {
  onSelect: (subject: string | undefined) => void;
  selected?: string;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const find = useMutation({
    mutationFn: findCustomers,
    onSuccess: (data) => onSelect(data.subjects.length === 1 ? data.subjects[0] : undefined),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim() || find.isPending) return;
    find.mutate(email.trim());
  }
  const subjects = find.data?.subjects ?? [];
  return (
    <section className="card" aria-labelledby="customers-find-title">
      <h2 id="customers-find-title">{t('customers.find.title')}</h2>
      <p className="muted">{t('customers.find.help')}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="customers-find-form">
        <TextField
          id="customers-find-email"
          label={t('customers.find.email')}
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="off"
          maxLength={254}
          required
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={find.isPending}
            aria-busy={find.isPending}
            data-testid="customers-find-submit"
          >
            {t('customers.find.submit')}
          </button>
        </div>
      </form>
      <LiveRegion testId="customers-find-result">
        {find.isError ? <ErrorNotice error={find.error} /> : null}
        {find.isSuccess && subjects.length === 0 ? (
          <Notice tone="info">{t('customers.find.none')}</Notice>
        ) : null}
        {subjects.length > 1 ? (
          <div>
            <p>{t('customers.find.several', { count: subjects.length })}</p>
            <ul>
              {subjects.map((s) => (
                <li key={s}>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-pressed={s === selected}
                    onClick={() => onSelect(s)}
                  >
                    <code>{s}</code>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </LiveRegion>
    </section>
  );
}

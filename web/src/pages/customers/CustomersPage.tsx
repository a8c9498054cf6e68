import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { findCustomers } from './api';
import { CustomerDetails } from './CustomerDetails';
import { ImportCard } from './ImportCard';

/** Customers: find a profile through the e-mail blind index, consent, data subject requests, imports. */
export function CustomersPage() {
  const { t } = useTranslation();
  const [subject, setSubject] = useState<string>();
  const [erased, setErased] = useState(false);
  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} />
      <div className="stack">
        <FindCard
          onSelect={setSubject}
          selected={subject}
          erased={erased}
          onSearch={() => setErased(false)}
        />
        {subject ? (
          <CustomerDetails
            key={subject}
            subject={subject}
            onErased={() => {
              setSubject(undefined);
              setErased(true);
            }}
          />
        ) : null}
        <ImportCard />
      </div>
    </>
  );
}

// Only the shape (something@domain.tld): the server decides whether anyone has this address.
// Linear: no character class can match the separators around it.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

type EmailProblem = 'emailRequired' | 'emailInvalid';

const emailProblem = (email: string): EmailProblem | undefined =>
  email === '' ? 'emailRequired' : EMAIL_SHAPE.test(email) ? undefined : 'emailInvalid';

function FindCard({
  onSelect,
  selected,
  erased,
  onSearch,
}: {
  onSelect: (subject: string | undefined) => void;
  selected?: string;
  /** The profile shown was just erased: say so and bring focus back here. */
  erased: boolean;
  onSearch: () => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<EmailProblem>();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const find = useMutation({
    mutationFn: findCustomers,
    onSuccess: (data) => onSelect(data.subjects.length === 1 ? data.subjects[0] : undefined),
  });
  useEffect(() => {
    if (erased) heading.current?.focus();
  }, [erased]);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (find.isPending) return;
    const value = email.trim();
    const invalid = emailProblem(value);
    setProblem(invalid);
    if (invalid) {
      input.current?.focus();
      return;
    }
    onSearch();
    find.mutate(value);
  }
  const subjects = find.data?.subjects ?? [];
  return (
    <section className="card" aria-labelledby="customers-find-title">
      <h2 id="customers-find-title" ref={heading} tabIndex={-1}>
        {t('customers.find.title')}
      </h2>
      <p className="muted">{t('customers.find.help')}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="customers-find-form">
        <div className="field">
          <label htmlFor="customers-find-email">{t('customers.find.email')}</label>
          <input
            ref={input}
            id="customers-find-email"
            type="email"
            value={email}
            required
            aria-required
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'customers-find-email-error' : undefined}
            autoComplete="off"
            maxLength={254}
            spellCheck={false}
            onChange={(event) => {
              setEmail(event.target.value);
              if (problem) setProblem(undefined);
            }}
            data-testid="customers-find-email"
          />
          {problem ? (
            <p
              id="customers-find-email-error"
              className="field-error"
              data-testid="customers-find-email-error"
            >
              {t(`customers.find.${problem}`)}
            </p>
          ) : null}
        </div>
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
        {erased ? (
          <Notice tone="success" testId="customers-erased">
            {t('customers.erase.done')}
          </Notice>
        ) : null}
        {find.isError ? <ErrorNotice error={find.error} /> : null}
        {!erased && find.isSuccess && subjects.length === 0 ? (
          <Notice tone="info">{t('customers.find.none')}</Notice>
        ) : null}
        {!erased && subjects.length > 1 ? (
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

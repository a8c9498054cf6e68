import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidFields } from '../../api/problem';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { QueryBoundary } from '../../components/QueryBoundary';
import { groupLabel } from '../insights/labels';
import { downloadText } from '../studio/download';
import {
  type Customer,
  EDITABLE_FIELDS,
  type EditableField,
  eraseCustomer,
  exportCustomer,
  fetchCustomer,
  rectifyCustomer,
} from './api';
import { ConsentCard } from './ConsentCard';

export const customerKey = (subject: string) => ['customers', subject] as const;

/** One data subject: the decrypted profile, rectification, consent, access export and erasure. */
export function CustomerDetails({ subject, onErased }: { subject: string; onErased: () => void }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: customerKey(subject), queryFn: () => fetchCustomer(subject) });
  return (
    <QueryBoundary query={query} loadingLabel={t('customers.profile.loading')}>
      {(data) => (
        <>
          <ProfileCard customer={data.customer} onErased={onErased} />
          <ConsentCard subject={subject} />
        </>
      )}
    </QueryBoundary>
  );
}

const initialForm = (c: Customer) =>
  Object.fromEntries(
    EDITABLE_FIELDS.map((f) => [f, c.profile[f] === undefined ? '' : String(c.profile[f])]),
  ) as Record<EditableField, string>;

function ProfileCard({ customer, onErased }: { customer: Customer; onErased: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => initialForm(customer));
  const [confirming, setConfirming] = useState(false);
  const rectify = useMutation({
    mutationFn: (patch: Partial<Record<EditableField, string | number | null>>) =>
      rectifyCustomer(customer.subject, patch),
    onSuccess: (data) => {
      queryClient.setQueryData(customerKey(customer.subject), data);
      setForm(initialForm(data.customer));
    },
  });
  // Fields the server refused: marked invalid and named in the reader's language.
  const rejected = invalidFields(rectify.error);
  const fieldLabel = (name: string) =>
    (EDITABLE_FIELDS as readonly string[]).includes(name)
      ? t(`customers.fields.${name as EditableField}`)
      : undefined;
  const exporter = useMutation({
    mutationFn: () => exportCustomer(customer.subject),
    onSuccess: (data) =>
      downloadText(
        `vigie-access-${customer.subject.slice(0, 12)}.json`,
        JSON.stringify(data, null, 2),
        'application/json',
      ),
  });
  const erase = useMutation({
    mutationFn: () => eraseCustomer(customer.subject),
    onSuccess: () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: customerKey(customer.subject) });
      onErased();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch: Partial<Record<EditableField, string | number | null>> = {};
    for (const f of EDITABLE_FIELDS) {
      const before = customer.profile[f] === undefined ? '' : String(customer.profile[f]);
      const now = form[f].trim();
      if (now === before) continue;
      patch[f] = now === '' ? null : f === 'birth_year' ? Number(now) : now;
    }
    if (Object.keys(patch).length > 0) rectify.mutate(patch);
  }

  return (
    <section className="card" aria-labelledby="customers-profile-title" data-testid="customers-profile">
      <h2 id="customers-profile-title">{t('customers.profile.title')}</h2>
      <p className="muted">
        {t('customers.profile.subject')}{' '}
        <code className="break" data-testid="customers-subject">
          {customer.subject}
        </code>{' '}
        · {t('customers.profile.updated')} <DateTime value={customer.updatedAt} />
      </p>
      <dl className="details">
        <dt>{t('customers.fields.external_id')}</dt>
        <dd>{customer.profile.external_id}</dd>
        {customer.profile.gender ? (
          <>
            <dt>{t('customers.fields.gender')}</dt>
            <dd>{groupLabel(t, 'gender', customer.profile.gender)}</dd>
          </>
        ) : null}
        {customer.profile.age_band ? (
          <>
            <dt>{t('customers.fields.age_band')}</dt>
            <dd>{groupLabel(t, 'age_band', customer.profile.age_band)}</dd>
          </>
        ) : null}
        {customer.profile.attributes ? (
          <>
            <dt>{t('customers.fields.attributes')}</dt>
            <dd>
              <code>{JSON.stringify(customer.profile.attributes)}</code>
            </dd>
          </>
        ) : null}
      </dl>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="customers-rectify-form">
        <h3>{t('customers.profile.rectify')}</h3>
        {EDITABLE_FIELDS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`customers-field-${f}`}>{t(`customers.fields.${f}`)}</label>
            <input
              id={`customers-field-${f}`}
              value={form[f]}
              maxLength={f === 'street' ? 200 : 254}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={rejected.includes(f) ? true : undefined}
              onChange={(event) => setForm({ ...form, [f]: event.target.value })}
              data-testid={`customers-field-${f}`}
            />
          </div>
        ))}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={rectify.isPending}
            aria-busy={rectify.isPending}
            data-testid="customers-rectify-submit"
          >
            {t('customers.profile.save')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => exporter.mutate()}
            disabled={exporter.isPending}
            data-testid="customers-export"
          >
            {t('customers.profile.export')}
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => setConfirming(true)}
            data-testid="customers-erase"
          >
            {t('customers.profile.erase')}
          </button>
        </div>
      </form>
      <LiveRegion testId="customers-profile-result">
        {rectify.isSuccess ? <Notice tone="success">{t('customers.profile.saved')}</Notice> : null}
        {rectify.isError ? <ErrorNotice error={rectify.error} fieldLabel={fieldLabel} /> : null}
        {exporter.isError ? <ErrorNotice error={exporter.error} /> : null}
        {erase.isError && !confirming ? <ErrorNotice error={erase.error} /> : null}
      </LiveRegion>
      <ConfirmDialog
        open={confirming}
        title={t('customers.erase.title')}
        confirmLabel={t('customers.erase.confirm')}
        tone="danger"
        busy={erase.isPending}
        onConfirm={() => erase.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('customers.erase.body')}</p>
        {erase.isError ? <ErrorNotice error={erase.error} /> : null}
      </ConfirmDialog>
    </section>
  );
}

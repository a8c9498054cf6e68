import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion } from '../../components/Notice';
import { QueryBoundary } from '../../components/QueryBoundary';
import { type Consent, fetchConsents, PURPOSES, type Purpose, putConsent } from './api';

const consentKey = (subject: string) => ['customers', subject, 'consents'] as const;

/** One switch per purpose: turning it off records a withdrawal (the date consent was given is kept). */
export function ConsentCard({ subject }: { subject: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: consentKey(subject), queryFn: () => fetchConsents(subject) });
  const change = useMutation({
    mutationFn: (input: { purpose: Purpose; status: Consent['status'] }) =>
      putConsent(subject, input.purpose, input.status),
    onSuccess: (data) => queryClient.setQueryData(consentKey(subject), data),
  });
  return (
    <section className="card" aria-labelledby="customers-consent-title" data-testid="customers-consents">
      <h2 id="customers-consent-title">{t('customers.consent.title')}</h2>
      <QueryBoundary query={query} loadingLabel={t('customers.consent.loading')}>
        {(data) => (
          <ul className="stack">
            {PURPOSES.map((purpose) => {
              const c = data.consents.find((x) => x.purpose === purpose);
              const given = c?.status === 'given';
              return (
                <li key={purpose} className="field checkbox-field">
                  <input
                    id={`customers-consent-${purpose}`}
                    type="checkbox"
                    role="switch"
                    checked={given}
                    aria-checked={given}
                    disabled={change.isPending}
                    onChange={() => change.mutate({ purpose, status: given ? 'withdrawn' : 'given' })}
                    data-testid={`customers-consent-${purpose}`}
                  />
                  <label htmlFor={`customers-consent-${purpose}`}>{t(`customers.purposes.${purpose}`)}</label>
                  <span className="muted">
                    {c ? (
                      <>
                        · {t(`customers.consent.${c.status}`)}{' '}
                        <DateTime value={(given ? c.given_at : c.withdrawn_at) ?? c.updated_at} /> ·{' '}
                        {t('customers.consent.basis', {
                          basis: t(`customers.bases.${c.lawful_basis}`),
                          source: c.source,
                        })}
                      </>
                    ) : (
                      `· ${t('customers.consent.none')}`
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </QueryBoundary>
      <LiveRegion>{change.isError ? <ErrorNotice error={change.error} /> : null}</LiveRegion>
    </section>
  );
}

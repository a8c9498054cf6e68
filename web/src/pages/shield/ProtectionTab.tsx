import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchProtection, type Protection, saveProtection } from '../../api/shield';
import { useSession } from '../../auth/SessionProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormSubmit } from '../../components/FormSubmit';
import { LiveRegion, Notice } from '../../components/Notice';
import { QueryBoundary } from '../../components/QueryBoundary';
import {
  type BrandDraft,
  type DraftProblem,
  fromProtectionDraft,
  type ProtectionDraft,
  toProtectionDraft,
} from './logic';
import { PROTECTION_QUERY_KEY } from './queryKeys';
import { SHIELD_PERMISSIONS } from './tabs';

const MAX_BRANDS = 100;

/** The brands and people that e-mail analysis protects from impersonation. */
export function ProtectionTab() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: PROTECTION_QUERY_KEY, queryFn: fetchProtection });
  return (
    <section className="card" aria-labelledby="shield-protection-title" data-testid="shield-protection">
      <h2 id="shield-protection-title">{t('shield.protection.title')}</h2>
      <p className="muted">{t('shield.protection.help')}</p>
      <QueryBoundary query={query} loadingLabel={t('shield.protection.loading')}>
        {({ protection }) => <ProtectionForm initial={protection} />}
      </QueryBoundary>
    </section>
  );
}

function ProtectionForm({ initial }: { initial: Protection }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const writable = can(SHIELD_PERMISSIONS.manage);
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ProtectionDraft>(() => toProtectionDraft(initial));
  const [problem, setProblem] = useState<DraftProblem>();
  const mutation = useMutation({
    mutationFn: saveProtection,
    onSuccess: (data) => {
      queryClient.setQueryData(PROTECTION_QUERY_KEY, data);
      setDraft(toProtectionDraft(data.protection));
    },
  });

  function setBrand(index: number, change: Partial<BrandDraft>) {
    setDraft((current) => ({
      ...current,
      brands: current.brands.map((brand, i) => (i === index ? { ...brand, ...change } : brand)),
    }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.reset();
    const parsed = fromProtectionDraft(draft);
    setProblem(parsed.problem);
    if (parsed.protection) mutation.mutate(parsed.protection);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="shield-protection-form">
      {!writable ? <p className="muted">{t('shield.protection.readOnly')}</p> : null}
      <fieldset className="fieldset" disabled={!writable}>
        {draft.brands.length === 0 ? <p className="muted">{t('shield.protection.noBrands')}</p> : null}
        {draft.brands.map((brand, index) => {
          const id = `shield-brand-${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: brands have no id; the index is their identity while editing.
            <fieldset key={index} className="fieldset brand-fieldset" data-testid="shield-brand">
              <legend>{t('shield.protection.brand', { index: index + 1 })}</legend>
              <div className="field">
                <label htmlFor={`${id}-name`}>{t('shield.protection.name')}</label>
                <input
                  id={`${id}-name`}
                  type="text"
                  value={brand.name}
                  maxLength={100}
                  aria-invalid={problem?.brand === index && problem.field === 'name'}
                  onChange={(event) => setBrand(index, { name: event.target.value })}
                  data-testid="shield-brand-name"
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-aliases`}>{t('shield.protection.aliases')}</label>
                <input
                  id={`${id}-aliases`}
                  type="text"
                  value={brand.aliases}
                  maxLength={5000}
                  aria-describedby={`${id}-aliases-hint`}
                  onChange={(event) => setBrand(index, { aliases: event.target.value })}
                  data-testid="shield-brand-aliases"
                />
                <p id={`${id}-aliases-hint`} className="field-hint">
                  {t('shield.protection.aliasesHint')}
                </p>
              </div>
              <div className="field">
                <label htmlFor={`${id}-domains`}>{t('shield.protection.domains')}</label>
                <input
                  id={`${id}-domains`}
                  type="text"
                  value={brand.domains}
                  maxLength={25_000}
                  spellCheck={false}
                  aria-invalid={problem?.brand === index && problem.field === 'domains'}
                  aria-describedby={`${id}-domains-hint`}
                  onChange={(event) => setBrand(index, { domains: event.target.value })}
                  data-testid="shield-brand-domains"
                />
                <p id={`${id}-domains-hint`} className="field-hint">
                  {t('shield.protection.domainsHint')}
                </p>
              </div>
              <button
                type="button"
                className="button button-small button-danger-quiet"
                onClick={() =>
                  setDraft((current) => ({
                    ...current,
                    brands: current.brands.filter((_, i) => i !== index),
                  }))
                }
                data-testid="shield-brand-remove"
              >
                {t('shield.protection.removeBrand')}
                <span className="visually-hidden"> {brand.name}</span>
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button button-secondary"
          disabled={draft.brands.length >= MAX_BRANDS}
          onClick={() =>
            setDraft((current) => ({
              ...current,
              brands: [...current.brands, { name: '', aliases: '', domains: '' }],
            }))
          }
          data-testid="shield-brand-add"
        >
          {t('shield.protection.addBrand')}
        </button>
        <div className="field">
          <label htmlFor="shield-vips">{t('shield.protection.vips')}</label>
          <textarea
            id="shield-vips"
            rows={5}
            value={draft.vips}
            maxLength={61_000}
            aria-describedby="shield-vips-hint"
            onChange={(event) => setDraft((current) => ({ ...current, vips: event.target.value }))}
            data-testid="shield-vips"
          />
          <p id="shield-vips-hint" className="field-hint">
            {t('shield.protection.vipsHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="shield-authserv">{t('shieldMailbox.protection.authservIds')}</label>
          <input
            id="shield-authserv"
            type="text"
            value={draft.authservIds ?? ''}
            maxLength={5000}
            spellCheck={false}
            aria-describedby="shield-authserv-hint"
            onChange={(event) => setDraft((current) => ({ ...current, authservIds: event.target.value }))}
            data-testid="shield-authserv"
          />
          <p id="shield-authserv-hint" className="field-hint">
            {t('shieldMailbox.protection.authservIdsHint')}
          </p>
        </div>
        <FormSubmit
          busy={mutation.isPending}
          label={t('shield.protection.save')}
          busyLabel={t('shield.protection.saving')}
          testId="shield-protection-save"
        />
      </fieldset>
      <LiveRegion testId="shield-protection-status">
        {problem ? (
          <Notice tone="warning">
            {t(`shield.protection.problems.${problem.field}`, { index: problem.brand + 1 })}
          </Notice>
        ) : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} testId="shield-protection-error" /> : null}
        {mutation.isSuccess ? <Notice tone="success">{t('shield.protection.saved')}</Notice> : null}
      </LiveRegion>
    </form>
  );
}

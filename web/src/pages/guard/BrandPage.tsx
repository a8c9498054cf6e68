import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BrandDocuments,
  type BrandRules,
  fetchBrand,
  importBrandYaml,
  saveBrandRules,
} from '../../api/guard';
import { useSession } from '../../auth/SessionProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { PhrasesFieldset, TermsFieldset } from './BrandFieldsets';
import { BRAND_LIMITS, type BrandDraft, type BrandDraftError, fromDraft, toDraft } from './brandDraft';
import { BRAND_QUERY_KEY } from './queryKeys';
import { YamlDownload } from './YamlDownload';

/** YAML files above this size are refused before reading (the server's own limit is 256 KiB). */
const MAX_IMPORT_BYTES = 256 * 1024;

export function BrandPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: BRAND_QUERY_KEY, queryFn: fetchBrand });
  return (
    <>
      <PageHeader title={t('guardSettings.brand.title')} description={t('guardSettings.brand.description')} />
      <QueryBoundary query={query} loadingLabel={t('guardSettings.brand.loading')}>
        {(documents) => <BrandEditor documents={documents} />}
      </QueryBoundary>
    </>
  );
}

type T = TFunction;

function draftErrorText(error: BrandDraftError, t: T): string {
  switch (error.kind) {
    case 'termWithoutDeprecated':
      return t('guardSettings.brand.errors.termWithoutDeprecated', { row: error.row });
    case 'deprecatedWithoutTerm':
      return t('guardSettings.brand.errors.deprecatedWithoutTerm', { row: error.row });
    case 'tooLong':
      return t('guardSettings.brand.errors.tooLong', { value: error.value, max: BRAND_LIMITS.phrase });
    case 'tooMany':
      return t('guardSettings.brand.errors.tooMany', { max: BRAND_LIMITS.entries });
  }
}

function BrandEditor({ documents }: { documents: BrandDocuments }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const writable = can('brand:write');
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<BrandDraft>(() => toDraft(documents.rules));
  const [formError, setFormError] = useState<string>();
  const [result, setResult] = useState<string>();

  const onSaved = (saved: BrandDocuments, message: string) => {
    queryClient.setQueryData(BRAND_QUERY_KEY, saved);
    setDraft(toDraft(saved.rules));
    setResult(message);
  };
  const save = useMutation({
    mutationFn: (rules: BrandRules) => saveBrandRules(rules),
    onSuccess: (saved) => onSaved(saved, t('guardSettings.brand.saved')),
  });
  const importYaml = useMutation({
    mutationFn: importBrandYaml,
    onSuccess: (saved) => onSaved(saved, t('guardSettings.brand.imported')),
  });
  const busy = save.isPending || importYaml.isPending;

  function reset() {
    setFormError(undefined);
    setResult(undefined);
    save.reset();
    importYaml.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    reset();
    const converted = fromDraft(draft);
    if ('error' in converted) setFormError(draftErrorText(converted.error, t));
    else save.mutate(converted.rules);
  }

  async function onImport(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file || busy) return;
    reset();
    if (file.size > MAX_IMPORT_BYTES) {
      setFormError(t('guardSettings.brand.errors.fileTooLarge', { max: MAX_IMPORT_BYTES / 1024 }));
      return;
    }
    importYaml.mutate(await file.text());
  }

  return (
    <div className="stack">
      <section className="card" aria-labelledby="brand-transfer-title">
        <h2 id="brand-transfer-title">{t('guardSettings.brand.transfer')}</h2>
        <div className="action-row brand-transfer">
          <YamlDownload yaml={documents.yaml} />
          {writable ? (
            <div className="field">
              <label htmlFor="brand-import-file">{t('guardSettings.brand.import')}</label>
              <input
                id="brand-import-file"
                type="file"
                accept=".yaml,.yml,application/yaml,text/yaml,text/plain"
                disabled={busy}
                aria-describedby="brand-import-hint"
                onChange={(event) => void onImport(event)}
                data-testid="brand-import-file"
              />
              <p id="brand-import-hint" className="field-hint">
                {t('guardSettings.brand.importHint')}
              </p>
            </div>
          ) : null}
        </div>
      </section>
      <form className="stack" onSubmit={onSubmit} noValidate data-testid="brand-form">
        <TermsFieldset
          terms={draft.terminology}
          disabled={!writable}
          onChange={(terminology) => setDraft((current) => ({ ...current, terminology }))}
        />
        <fieldset className="card fieldset" disabled={!writable}>
          <legend>{t('guardSettings.brand.competitors')}</legend>
          <div className="field">
            <label htmlFor="brand-competitors">{t('guardSettings.brand.competitorsLabel')}</label>
            <textarea
              id="brand-competitors"
              rows={5}
              value={draft.competitors}
              onChange={(event) => setDraft((current) => ({ ...current, competitors: event.target.value }))}
              data-testid="brand-competitors"
            />
          </div>
        </fieldset>
        <PhrasesFieldset
          phrases={draft.bannedPhrases}
          disabled={!writable}
          onChange={(bannedPhrases) => setDraft((current) => ({ ...current, bannedPhrases }))}
        />
        {writable ? (
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={busy}
              aria-busy={save.isPending}
              data-testid="brand-save"
            >
              {save.isPending ? t('guardSettings.saving') : t('guardSettings.brand.save')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('guardSettings.readOnly')}</p>
        )}
      </form>
      <LiveRegion testId="brand-result">
        {formError ? <Notice tone="danger">{formError}</Notice> : null}
        {save.isError ? <ErrorNotice error={save.error} testId="brand-error" /> : null}
        {importYaml.isError ? <ErrorNotice error={importYaml.error} testId="brand-error" /> : null}
        {result ? <Notice tone="success">{result}</Notice> : null}
      </LiveRegion>
    </div>
  );
}

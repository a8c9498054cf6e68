import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchBrandKit, importBrandKitYaml } from '../../api/studio';
import { useSession } from '../../auth/SessionProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { QueryBoundary } from '../../components/QueryBoundary';
import { BRAND_QUERY_KEY, FACTS_QUERY_KEY } from '../guard/queryKeys';
import { BrandKitSummary } from './BrandKitSummary';
import { MAX_KIT_YAML_BYTES, yamlBytes } from './brandKitSummary';
import { downloadText } from './download';
import { kitKey } from './queryKeys';

/** The brand kit on the Studio page: anyone with brand:read sees it; brand:write imports a new one. */
export function BrandKitPanel() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: kitKey, queryFn: fetchBrandKit });
  return (
    <section className="card" aria-labelledby="studio-kit-title" data-testid="studio-brand-kit">
      <h2 id="studio-kit-title">{t('studio.brandKit.title')}</h2>
      <p className="muted">{t('studio.brandKit.description')}</p>
      <QueryBoundary query={query} loadingLabel={t('studio.brandKit.loading')}>
        {({ yaml, kit }) => (
          <div className="stack">
            <BrandKitSummary kit={kit} />
            <KitTransfer yaml={yaml} />
          </div>
        )}
      </QueryBoundary>
    </section>
  );
}

function KitTransfer({ yaml }: { yaml: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const writable = can('brand:write');
  const client = useQueryClient();
  const ids = useId();
  const [pasted, setPasted] = useState('');
  const [tooLarge, setTooLarge] = useState(false);
  const importYaml = useMutation({
    mutationFn: importBrandKitYaml,
    onSuccess: async () => {
      setPasted('');
      // The import also rewrites Guard's brand rules and facts: their pages must not show stale data.
      await Promise.all(
        [kitKey, BRAND_QUERY_KEY, FACTS_QUERY_KEY].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    },
  });

  function submit(text: string) {
    if (importYaml.isPending) return;
    importYaml.reset();
    const large = yamlBytes(text) > MAX_KIT_YAML_BYTES;
    setTooLarge(large);
    if (!large) importYaml.mutate(text);
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Checked before reading: a huge file is not loaded into the page at all.
    if (file.size > MAX_KIT_YAML_BYTES) {
      importYaml.reset();
      setTooLarge(true);
      return;
    }
    submit(await file.text());
  }

  function onPaste(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pasted.trim()) submit(pasted);
  }

  const busy = importYaml.isPending;
  return (
    <section className="stack" aria-labelledby={`${ids}-transfer`}>
      <h3 id={`${ids}-transfer`}>{t('studio.brandKit.transfer')}</h3>
      <div>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => downloadText('vigie-brand-kit.yaml', yaml, 'application/yaml')}
          data-testid="studio-kit-export"
        >
          {t('studio.brandKit.export')}
        </button>
        <p className="field-hint">{t('studio.brandKit.exportHint')}</p>
      </div>
      {writable ? (
        <>
          <p id={`${ids}-hint`} className="field-hint">
            {t('studio.brandKit.importHint')}
          </p>
          <div className="field">
            <label htmlFor={`${ids}-file`}>{t('studio.brandKit.importFile')}</label>
            <input
              id={`${ids}-file`}
              type="file"
              accept=".yaml,.yml,application/yaml,text/yaml,text/plain"
              disabled={busy}
              aria-describedby={`${ids}-hint`}
              onChange={(event) => void onFile(event)}
              data-testid="studio-kit-import-file"
            />
          </div>
          <form className="stack" onSubmit={onPaste} noValidate>
            <div className="field">
              <label htmlFor={`${ids}-paste`}>{t('studio.brandKit.paste')}</label>
              <textarea
                id={`${ids}-paste`}
                rows={8}
                spellCheck={false}
                value={pasted}
                aria-describedby={`${ids}-hint`}
                onChange={(event) => setPasted(event.target.value)}
                data-testid="studio-kit-paste"
              />
            </div>
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={busy || !pasted.trim()}
                aria-busy={busy}
                data-testid="studio-kit-import"
              >
                {busy ? t('studio.brandKit.importing') : t('studio.brandKit.importPasted')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <p className="muted">{t('studio.brandKit.readOnly')}</p>
      )}
      <LiveRegion testId="studio-kit-result">
        {tooLarge ? (
          <Notice tone="danger">{t('studio.brandKit.tooLarge', { max: MAX_KIT_YAML_BYTES / 1024 })}</Notice>
        ) : null}
        {importYaml.isError ? <ErrorNotice error={importYaml.error} testId="studio-kit-error" /> : null}
        {importYaml.isSuccess ? <Notice tone="success">{t('studio.brandKit.imported')}</Notice> : null}
      </LiveRegion>
    </section>
  );
}

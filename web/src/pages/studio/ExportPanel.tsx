import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DraftView, type ExportFormat, exportDraft } from '../../api/studio';
import { ErrorNotice } from '../../components/ErrorNotice';
import { downloadText } from './download';
import { draftKey, draftsKey } from './queryKeys';

const FORMATS: readonly ExportFormat[] = ['md', 'html', 'text'];

/** Export with the disclosure policy requires and a signed manifest; both can be downloaded. */
export function ExportPanel({ draft }: { draft: DraftView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [format, setFormat] = useState<ExportFormat>('md');
  const run = useMutation({
    mutationFn: () => exportDraft(draft.id, format),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: draftKey(draft.id) });
      await client.invalidateQueries({ queryKey: draftsKey });
    },
  });
  const base = `${draft.type}-${draft.lang}-${draft.id.slice(0, 8)}`;
  const manifestText = run.data ? `${JSON.stringify(run.data.manifest, null, 2)}\n` : '';
  return (
    <section className="card" aria-labelledby="studio-export-title" data-testid="studio-export">
      <h2 id="studio-export-title">{t('studio.export.title')}</h2>
      <p className="muted">{t('studio.export.help')}</p>
      <form
        className="form studio-brief-row"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="studio-export-format">{t('studio.export.format')}</label>
          <select
            id="studio-export-format"
            data-testid="studio-export-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`studio.export.formats.${f}` as const)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={run.isPending}
            data-testid="studio-export-submit"
          >
            {t('studio.export.submit')}
          </button>
        </div>
      </form>
      {run.isError ? <ErrorNotice error={run.error} /> : null}
      {run.data ? (
        <div className="stack" data-testid="studio-export-result">
          <div className="form-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                downloadText(`${base}.${run.data.extension}`, run.data.content, run.data.mediaType)
              }
              data-testid="studio-download-content"
            >
              {t('studio.export.downloadContent')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => downloadText(`${base}.manifest.json`, manifestText, 'application/json')}
              data-testid="studio-download-manifest"
            >
              {t('studio.export.downloadManifest')}
            </button>
            <a className="button button-ghost" href="/verify" target="_blank" rel="noopener">
              {t('studio.export.verifyLink')}
            </a>
          </div>
          <h3>{t('studio.export.content')}</h3>
          <pre className="studio-export-text" data-testid="studio-export-content">
            {run.data.content}
          </pre>
          <h3>{t('studio.export.manifest')}</h3>
          <pre className="studio-export-text" data-testid="studio-export-manifest">
            {manifestText}
          </pre>
        </div>
      ) : null}
    </section>
  );
}

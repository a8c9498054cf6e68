import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DraftView, editDraft, fetchDraft, INVOLVEMENTS, type Involvement } from '../../api/studio';
import { useSession } from '../../auth/SessionProvider';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { QueryBoundary } from '../../components/QueryBoundary';
import { VERDICT_LABEL } from '../check/labels';
import { DraftText, ReadabilityLine } from './DraftText';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { INVOLVEMENT_LABEL, isInvolvement, STATUS_LABEL, TYPE_LABEL } from './labels';
import { draftKey, draftsKey } from './queryKeys';
import { ReviewPanel } from './ReviewPanel';

const EDITABLE = new Set(['draft', 'changes_requested']);

/** One draft: its variants side by side, the editor, review, history and export. */
export function DraftPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const draft = useQuery({ queryKey: draftKey(id), queryFn: () => fetchDraft(id) });
  return (
    <QueryBoundary query={draft} loadingLabel={t('studio.draft.loading')}>
      {(d) => <DraftDetails draft={d} />}
    </QueryBoundary>
  );
}

function DraftDetails({ draft }: { draft: DraftView }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const editable = EDITABLE.has(draft.status) && can('drafts:write');
  return (
    <div className="stack" data-testid="studio-draft" data-status={draft.status} data-draft-id={draft.id}>
      <section className="card" aria-labelledby="studio-draft-title">
        <h2 id="studio-draft-title">
          {t(TYPE_LABEL[draft.type])} · {draft.brief.topic}
        </h2>
        <p>
          <span className="badge" data-testid="studio-draft-status">
            {t(STATUS_LABEL[draft.status])}
          </span>{' '}
          {t('studio.draft.meta', {
            lang: draft.lang.toUpperCase(),
            author: draft.author,
            version: draft.version,
            provider: draft.model ? `${draft.provider} (${draft.model})` : draft.provider,
          })}{' '}
          · {t(INVOLVEMENT_LABEL[draft.involvement])} · <DateTime value={draft.updatedAt} />
        </p>
        {draft.reviewers.length > 0 ? (
          <p className="muted">{t('studio.draft.reviewers', { names: draft.reviewers.join(', ') })}</p>
        ) : null}
      </section>
      <Variants draft={draft} editable={editable} />
      {editable ? <Editor draft={draft} /> : null}
      <ReviewPanel draft={draft} />
      <HistoryPanel draft={draft} />
      {draft.status === 'approved' || draft.status === 'exported' ? <ExportPanel draft={draft} /> : null}
    </div>
  );
}

function Variants({ draft, editable }: { draft: DraftView; editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const select = useMutation({
    mutationFn: (variant: number) => editDraft(draft.id, { variant }),
    onSuccess: (next) => client.setQueryData(draftKey(draft.id), next),
  });
  return (
    <section aria-labelledby="studio-variants-title">
      <h2 id="studio-variants-title" className="visually-hidden">
        {t('studio.draft.variants')}
      </h2>
      <div className="studio-variants" data-testid="studio-variants">
        {draft.variants.map((v) => {
          const selected = v.variant === draft.selectedVariant;
          return (
            <article
              key={v.variant}
              className={`card studio-variant${selected ? ' studio-variant-selected' : ''}`}
              data-testid="studio-variant"
              aria-current={selected ? 'true' : undefined}
            >
              <div className="card-heading-row">
                <h3>
                  {t('studio.draft.variant', { n: v.variant + 1 })}
                  {v.draft.variant ? <span className="muted"> · {v.draft.variant}</span> : null}
                </h3>
                <span className="badge" data-testid="studio-variant-verdict">
                  {v.verdict in VERDICT_LABEL
                    ? t(VERDICT_LABEL[v.verdict as keyof typeof VERDICT_LABEL])
                    : v.verdict}
                </span>
              </div>
              <ReadabilityLine readability={v.readability} />
              {v.draft.warnings.map((w) => (
                <p key={w} className="field-error">
                  {w}
                </p>
              ))}
              <DraftText
                text={v.draft.text}
                lang={v.draft.lang}
                findings={v.findings}
                testId="studio-variant-text"
              />
              {editable && draft.variants.length > 1 && !selected ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => select.mutate(v.variant)}
                  disabled={select.isPending}
                >
                  {t('studio.draft.useVariant')}
                </button>
              ) : null}
            </article>
          );
        })}
      </div>
      {select.isError ? <ErrorNotice error={select.error} /> : null}
    </section>
  );
}

function Editor({ draft }: { draft: DraftView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const base = draft.variants.find((v) => v.variant === draft.selectedVariant) ?? draft.variants[0];
  const [markdown, setMarkdown] = useState(base?.draft.markdown ?? '');
  const [involvement, setInvolvement] = useState<Involvement>(draft.involvement);
  const save = useMutation({
    mutationFn: () => editDraft(draft.id, { markdown, variant: draft.selectedVariant, involvement }),
    onSuccess: async (next) => {
      client.setQueryData(draftKey(draft.id), next);
      await client.invalidateQueries({ queryKey: draftsKey });
    },
  });
  return (
    <section className="card" aria-labelledby="studio-editor-title">
      <h2 id="studio-editor-title">{t('studio.editor.title')}</h2>
      <p className="muted">{t('studio.editor.help')}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (markdown.trim()) save.mutate();
        }}
      >
        <label htmlFor="studio-editor-text">{t('studio.editor.text')}</label>
        <textarea
          id="studio-editor-text"
          data-testid="studio-editor-text"
          rows={16}
          maxLength={100_000}
          value={markdown}
          onChange={(e) => setMarkdown(e.target.value)}
        />
        <label htmlFor="studio-involvement">{t('studio.editor.involvement')}</label>
        <select
          id="studio-involvement"
          value={involvement}
          onChange={(e) => {
            if (isInvolvement(e.target.value)) setInvolvement(e.target.value);
          }}
        >
          {INVOLVEMENTS.map((i) => (
            <option key={i} value={i}>
              {t(INVOLVEMENT_LABEL[i])}
            </option>
          ))}
        </select>
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending} data-testid="studio-editor-save">
            {t('studio.editor.save')}
          </button>
        </div>
      </form>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
    </section>
  );
}

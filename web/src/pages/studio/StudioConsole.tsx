import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type DraftRequest, fetchBrandKit, streamDraft } from '../../api/studio';
import { useSession } from '../../auth/SessionProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { BrandKitPanel } from './BrandKitPanel';
import { BriefForm } from './BriefForm';
import { DraftPanel } from './DraftPanel';
import { DraftsList } from './DraftsList';
import { draftKey, draftsKey, kitKey } from './queryKeys';
import { StudioSettings } from './StudioSettings';

/** Studio: a brief becomes drafts checked by Guard, reviewed by someone else, exported with provenance. */
export function StudioConsole() {
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const selected = params.get('draft');
  const select = (id: string | null) => setParams(id ? { draft: id } : {});
  const kit = useQuery({ queryKey: kitKey, queryFn: fetchBrandKit, enabled: can('brand:read') });
  const [streamed, setStreamed] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: (request: DraftRequest) => {
      setStreamed([]);
      return streamDraft(request, (variant, text) =>
        setStreamed((all) => {
          const next = [...all];
          next[variant] = (next[variant] ?? '') + text;
          return next;
        }),
      );
    },
    onSuccess: async (draft) => {
      client.setQueryData(draftKey(draft.id), draft);
      await client.invalidateQueries({ queryKey: draftsKey });
      select(draft.id);
    },
  });
  const canDraft = can('drafts:write');
  return (
    <>
      <PageHeader
        title={t('studio.title')}
        description={t('studio.description')}
        actions={
          selected && canDraft ? (
            <button type="button" className="button" onClick={() => select(null)} data-testid="studio-new">
              {t('studio.newBrief')}
            </button>
          ) : null
        }
      />
      <div className="studio-layout">
        <DraftsList selected={selected} onSelect={select} />
        <div className="stack">
          {selected ? (
            <DraftPanel key={selected} id={selected} />
          ) : canDraft ? (
            kit.isPending && can('brand:read') ? (
              <Loading label={t('studio.brief.loadingKit')} />
            ) : (
              <>
                {kit.isError ? <ErrorNotice error={kit.error} /> : null}
                <BriefForm kit={kit.data?.kit} busy={create.isPending} onSubmit={(r) => create.mutate(r)} />
                {create.isPending ? <StreamPreview texts={streamed} /> : null}
                {create.isError ? <ErrorNotice error={create.error} testId="studio-draft-error" /> : null}
              </>
            )
          ) : (
            <p className="muted">{t('studio.pickDraft')}</p>
          )}
          {!selected && can('brand:read') ? <BrandKitPanel /> : null}
          {!selected && (can('settings:manage') || can('policies:write')) ? <StudioSettings /> : null}
        </div>
      </div>
    </>
  );
}

/** The model's text as it arrives; Guard's findings come with the stored draft once it is complete. */
function StreamPreview({ texts }: { texts: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="studio-stream-title" aria-busy="true">
      <h2 id="studio-stream-title">{t('studio.stream.title')}</h2>
      {texts.length === 0 ? (
        <Loading label={t('studio.stream.waiting')} />
      ) : (
        <div className="studio-variants">
          {texts.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the variant number
            <pre key={i} className="studio-export-text" data-testid="studio-stream-text">
              {text}
            </pre>
          ))}
        </div>
      )}
      <p className="field-hint">{t('studio.stream.help')}</p>
    </section>
  );
}

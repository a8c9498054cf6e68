import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchProviders,
  fetchStudioPolicy,
  type ProviderSettings,
  type StudioPolicy,
  saveLlamaCpp,
  saveOpenAI,
  saveStudioPolicy,
} from '../../api/studio';
import { useSession } from '../../auth/SessionProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion } from '../../components/Notice';
import { QueryBoundary } from '../../components/QueryBoundary';
import { TextField } from '../../components/TextField';
import { providersKey, studioPolicyKey } from './queryKeys';

/** Studio's workspace settings: the review policy and the model providers. */
export function StudioSettings() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <section className="card" aria-labelledby="studio-settings-title" data-testid="studio-settings">
      <h2 id="studio-settings-title">{t('studio.settings.title')}</h2>
      <div className="stack">
        {can('policies:write') ? <PolicyForm /> : null}
        {can('settings:manage') ? <Providers /> : null}
      </div>
    </section>
  );
}

function PolicyForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const policy = useQuery({ queryKey: studioPolicyKey, queryFn: fetchStudioPolicy });
  const save = useMutation({
    mutationFn: saveStudioPolicy,
    onSuccess: (next) => client.setQueryData(studioPolicyKey, next),
  });
  const toggle = (p: StudioPolicy, key: 'requireReviewerRole' | 'requireCleanPublishScan') =>
    save.mutate({ ...p, [key]: !p[key] });
  return (
    <QueryBoundary query={policy}>
      {(p) => (
        <fieldset className="studio-facts">
          <legend>{t('studio.settings.policy')}</legend>
          <label className="studio-fact">
            <input
              type="checkbox"
              checked={p.requireReviewerRole}
              disabled={save.isPending}
              onChange={() => toggle(p, 'requireReviewerRole')}
              data-testid="studio-policy-reviewer-role"
            />
            <span>{t('studio.settings.requireReviewerRole')}</span>
          </label>
          <label className="studio-fact">
            <input
              type="checkbox"
              checked={p.requireCleanPublishScan}
              disabled={save.isPending}
              onChange={() => toggle(p, 'requireCleanPublishScan')}
            />
            <span>{t('studio.settings.requireCleanPublishScan')}</span>
          </label>
          <LiveRegion>{save.isSuccess ? t('studio.settings.saved') : null}</LiveRegion>
          {save.isError ? <ErrorNotice error={save.error} /> : null}
        </fieldset>
      )}
    </QueryBoundary>
  );
}

function Providers() {
  const { t } = useTranslation();
  const providers = useQuery({ queryKey: providersKey, queryFn: fetchProviders });
  return (
    <QueryBoundary query={providers} loadingLabel={t('studio.settings.loading')}>
      {(p) => (
        <>
          <OpenAIForm current={p.openai} />
          <LlamaCppForm current={p.llamacpp} />
        </>
      )}
    </QueryBoundary>
  );
}

function useSaveProviders<T>(fn: (input: T) => Promise<ProviderSettings>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (next) => client.setQueryData(providersKey, next) });
}

function OpenAIForm({ current }: { current: ProviderSettings['openai'] }) {
  const { t } = useTranslation();
  const [baseURL, setBaseURL] = useState(current?.baseURL ?? '');
  const [model, setModel] = useState(current?.model ?? '');
  const [apiKey, setApiKey] = useState('');
  const save = useSaveProviders(saveOpenAI);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { baseURL: baseURL.trim(), model: model.trim(), ...(apiKey ? { apiKey } : {}) },
      { onSuccess: () => setApiKey('') },
    );
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="studio-openai-title">
      <h3 id="studio-openai-title">{t('studio.settings.openai.title')}</h3>
      <p className="muted">{t('studio.settings.openai.help')}</p>
      <TextField
        id="studio-openai-url"
        label={t('studio.settings.openai.baseURL')}
        value={baseURL}
        onChange={setBaseURL}
        maxLength={2000}
        required
      />
      <TextField
        id="studio-openai-model"
        label={t('studio.settings.openai.model')}
        value={model}
        onChange={setModel}
        maxLength={200}
        required
      />
      <TextField
        id="studio-openai-key"
        type="password"
        label={t('studio.settings.openai.apiKey')}
        value={apiKey}
        onChange={setApiKey}
        maxLength={4000}
        autoComplete="off"
        hint={
          current?.hasApiKey ? t('studio.settings.openai.keyStored') : t('studio.settings.openai.keyNone')
        }
      />
      <SaveFooter save={save} />
    </form>
  );
}

function LlamaCppForm({ current }: { current: ProviderSettings['llamacpp'] }) {
  const { t } = useTranslation();
  const [modelPath, setModelPath] = useState(current?.modelPath ?? '');
  const save = useSaveProviders(saveLlamaCpp);
  return (
    <form
      className="form"
      aria-labelledby="studio-llama-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ modelPath: modelPath.trim() });
      }}
    >
      <h3 id="studio-llama-title">{t('studio.settings.llama.title')}</h3>
      <p className="muted">{t('studio.settings.llama.help')}</p>
      <TextField
        id="studio-llama-path"
        label={t('studio.settings.llama.modelPath')}
        value={modelPath}
        onChange={setModelPath}
        maxLength={4096}
        required
        hint={t('studio.settings.llama.pathHint')}
      />
      <SaveFooter save={save} />
      {current && !current.runtimeInstalled ? (
        <p className="field-error" data-testid="studio-llama-runtime">
          {t('studio.settings.llama.noRuntime')}
        </p>
      ) : null}
      {current && !current.modelFound ? (
        <p className="field-error" data-testid="studio-llama-model">
          {t('studio.settings.llama.noModel')}
        </p>
      ) : null}
      {current?.runtimeInstalled && current.modelFound ? (
        <p className="muted">{t('studio.settings.llama.ready')}</p>
      ) : null}
    </form>
  );
}

/** A provider form's save button, its confirmation and its error. */
function SaveFooter({
  save,
}: {
  save: { isPending: boolean; isSuccess: boolean; isError: boolean; error: unknown };
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('studio.settings.save')}
        </button>
      </div>
      <LiveRegion>{save.isSuccess ? t('studio.settings.saved') : null}</LiveRegion>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
    </>
  );
}

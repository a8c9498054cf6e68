import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnswerMode, type Assistant, updateAssistant } from '../../api/assistant';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion } from '../../components/Notice';

/** Origins as typed in the console: one per line, or separated by spaces or commas. */
export function originsFrom(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/**
 * The settings of one assistant: how it answers (extractive or generative through the workspace's
 * model provider), the brand voice given to the model, and where the widget may run. Keyed by the
 * assistant's id by its caller, so switching assistants starts from that assistant's values.
 */
export function AssistantSettingsForm({ assistant }: { assistant: Assistant }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [mode, setMode] = useState<AnswerMode>(assistant.settings.mode ?? 'extractive');
  const [brandVoice, setBrandVoice] = useState(assistant.settings.brandVoice ?? '');
  const [brandName, setBrandName] = useState(assistant.settings.brandName ?? '');
  const [origins, setOrigins] = useState(assistant.settings.allowedOrigins.join('\n'));
  const mutation = useMutation({
    mutationFn: () => {
      // Empty optional fields are left out: the server rejects empty strings.
      const { brandVoice: _v, brandName: _n, ...kept } = assistant.settings;
      return updateAssistant(assistant.id, {
        name: assistant.name,
        settings: {
          ...kept,
          mode,
          allowedOrigins: originsFrom(origins),
          ...(brandVoice.trim() ? { brandVoice: brandVoice.trim() } : {}),
          ...(brandName.trim() ? { brandName: brandName.trim() } : {}),
        },
      });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['assistants'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <section className="card" aria-labelledby="assistant-settings-title">
      <h2 id="assistant-settings-title">{t('assistantSettings.title')}</h2>
      <form className="form" onSubmit={submit} data-testid="assistant-settings-form">
        <fieldset>
          <legend>{t('assistantSettings.mode.legend')}</legend>
          {(['extractive', 'generative'] as const).map((m) => (
            <div key={m}>
              <input
                type="radio"
                id={`assistant-mode-${m}`}
                name="assistant-mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                aria-describedby={`assistant-mode-${m}-help`}
                data-testid={`assistant-mode-${m}`}
              />{' '}
              <label htmlFor={`assistant-mode-${m}`}>{t(`assistantSettings.mode.${m}`)}</label>
              <p className="muted" id={`assistant-mode-${m}-help`}>
                {t(`assistantSettings.mode.${m}Help`)}
              </p>
            </div>
          ))}
        </fieldset>
        <label htmlFor="assistant-brand-name">{t('assistantSettings.brandName')}</label>
        <input
          id="assistant-brand-name"
          value={brandName}
          onChange={(e) => setBrandName(e.target.value)}
          maxLength={100}
        />
        <label htmlFor="assistant-brand-voice">{t('assistantSettings.brandVoice')}</label>
        <textarea
          id="assistant-brand-voice"
          rows={2}
          value={brandVoice}
          onChange={(e) => setBrandVoice(e.target.value)}
          maxLength={500}
          aria-describedby="assistant-brand-voice-help"
          data-testid="assistant-brand-voice"
        />
        <p className="muted" id="assistant-brand-voice-help">
          {t('assistantSettings.brandVoiceHelp')}
        </p>
        <label htmlFor="assistant-settings-origins">{t('assistantSettings.origins')}</label>
        <textarea
          id="assistant-settings-origins"
          rows={2}
          value={origins}
          onChange={(e) => setOrigins(e.target.value)}
          placeholder="https://www.example.com"
        />
        <button
          type="submit"
          className="button"
          data-testid="assistant-settings-submit"
          disabled={mutation.isPending}
        >
          {t('assistantSettings.save')}
        </button>
      </form>
      {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
      <LiveRegion testId="assistant-settings-saved">
        {mutation.isSuccess ? t('assistantSettings.saved') : null}
      </LiveRegion>
    </section>
  );
}

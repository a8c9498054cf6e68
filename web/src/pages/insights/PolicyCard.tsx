import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { type InsightsSettings, saveInsightsSettings } from './api';
import { NumberField } from './NumberField';

/** The workspace's k-anonymity threshold and fairness gate (administrators only; every change is ledgered). */
export function PolicyCard({ settings }: { settings: InsightsSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(settings);
  const mutation = useMutation({
    mutationFn: saveInsightsSettings,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['insights'] }),
  });
  const set = (key: 'kAnonymity' | 'maxParityDifference' | 'minParityRatio') => (value: number) =>
    setDraft({ ...draft, [key]: value });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate(draft);
  }
  return (
    <section className="card" aria-labelledby="insights-policy-title">
      <h2 id="insights-policy-title">{t('insights.policy.title')}</h2>
      <form className="form form-grid" onSubmit={onSubmit} noValidate data-testid="insights-policy-form">
        <NumberField
          id="policy-k"
          label={t('insights.policy.k')}
          value={draft.kAnonymity}
          min={2}
          max={1000}
          onChange={set('kAnonymity')}
        />
        <NumberField
          id="policy-difference"
          label={t('insights.policy.maxDifference')}
          value={draft.maxParityDifference}
          min={0}
          max={1}
          step={0.01}
          onChange={set('maxParityDifference')}
        />
        <NumberField
          id="policy-ratio"
          label={t('insights.policy.minRatio')}
          value={draft.minParityRatio}
          min={0}
          max={1}
          step={0.05}
          onChange={set('minParityRatio')}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            data-testid="policy-save"
          >
            {t('insights.policy.save')}
          </button>
        </div>
      </form>
      <LiveRegion>
        {mutation.isSuccess ? <Notice tone="success">{t('insights.policy.saved')}</Notice> : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
      </LiveRegion>
    </section>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidFields } from '../../api/problem';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { type InsightsSettings, saveInsightsSettings } from './api';
import { inRange, NumberField } from './NumberField';

type PolicyKey = 'kAnonymity' | 'maxParityDifference' | 'minParityRatio';
type Draft = Omit<InsightsSettings, PolicyKey> & Record<PolicyKey, number | null>;

// The same bounds as the server's schema, checked here so that an empty field is never saved.
const FIELDS = [
  { key: 'kAnonymity', id: 'policy-k', label: 'insights.policy.k', min: 2, max: 1000, step: 1 },
  {
    key: 'maxParityDifference',
    id: 'policy-difference',
    label: 'insights.policy.maxDifference',
    min: 0,
    max: 1,
    step: 0.01,
  },
  {
    key: 'minParityRatio',
    id: 'policy-ratio',
    label: 'insights.policy.minRatio',
    min: 0,
    max: 1,
    step: 0.05,
  },
] as const;

const valid = (f: (typeof FIELDS)[number], value: number | null): value is number =>
  inRange(value, f.min, f.max) && (f.step !== 1 || Number.isInteger(value));

/** The workspace's k-anonymity threshold and fairness gate (administrators only; every change is ledgered). */
export function PolicyCard({ settings }: { settings: InsightsSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(settings);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: saveInsightsSettings,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['insights'] }),
  });
  const rejected = invalidFields(mutation.error);
  const set = (key: PolicyKey) => (value: number | null) => setDraft({ ...draft, [key]: value });
  const label = (name: string) => {
    const f = FIELDS.find((x) => x.key === name);
    return f ? t(f.label) : undefined;
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const { kAnonymity, maxParityDifference, minParityRatio } = draft;
    const bad = FIELDS.find((f) => !valid(f, draft[f.key]));
    if (bad || kAnonymity === null || maxParityDifference === null || minParityRatio === null) {
      setAttempted(true);
      if (bad) document.getElementById(bad.id)?.focus();
      return;
    }
    mutation.mutate({ ...draft, kAnonymity, maxParityDifference, minParityRatio });
  }
  return (
    <section className="card" aria-labelledby="insights-policy-title">
      <h2 id="insights-policy-title">{t('insights.policy.title')}</h2>
      <form className="form form-grid" onSubmit={onSubmit} noValidate data-testid="insights-policy-form">
        {FIELDS.map((f) => (
          <NumberField
            key={f.key}
            id={f.id}
            label={t(f.label)}
            value={draft[f.key]}
            min={f.min}
            max={f.max}
            step={f.step}
            onChange={set(f.key)}
            error={
              (attempted && !valid(f, draft[f.key])) || rejected.includes(f.key)
                ? t('insights.policy.invalid', { min: f.min, max: f.max })
                : undefined
            }
          />
        ))}
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
        {mutation.isError ? <ErrorNotice error={mutation.error} fieldLabel={label} /> : null}
      </LiveRegion>
    </section>
  );
}

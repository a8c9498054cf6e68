import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { type AuditFilters, EMPTY_FILTERS, MAX_FILTER_LENGTH, validateFilters } from './query';

interface AuditFiltersFormProps {
  value: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

export function AuditFiltersForm({ value, onApply }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(value);
  const [problem, setProblem] = useState<ReturnType<typeof validateFilters>>();
  const set = (field: keyof AuditFilters) => (text: string) =>
    setDraft((current) => ({ ...current, [field]: text }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateFilters(draft);
    setProblem(found);
    if (!found) onApply(draft);
  }

  function onReset() {
    setDraft(EMPTY_FILTERS);
    setProblem(undefined);
    onApply(EMPTY_FILTERS);
  }

  return (
    <form
      className="filters"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('audit.filters.label')}
      data-testid="audit-filters"
    >
      <FilterField
        id="filter-action"
        label={t('audit.filters.action')}
        value={draft.action}
        onChange={set('action')}
      />
      <FilterField
        id="filter-actor"
        label={t('audit.filters.actor')}
        value={draft.actor}
        onChange={set('actor')}
      />
      <FilterField
        id="filter-since"
        type="date"
        label={t('audit.filters.since')}
        value={draft.since}
        onChange={set('since')}
      />
      <FilterField
        id="filter-until"
        type="date"
        label={t('audit.filters.until')}
        value={draft.until}
        onChange={set('until')}
      />
      <div className="filters-actions">
        <button type="submit" className="button button-primary" data-testid="audit-filter-apply">
          {t('audit.filters.apply')}
        </button>
        <button
          type="button"
          className="button button-ghost"
          onClick={onReset}
          data-testid="audit-filter-reset"
        >
          {t('audit.filters.reset')}
        </button>
      </div>
      <div className="filters-message" aria-live="polite">
        {problem ? <Notice tone="danger">{t(`audit.filters.problems.${problem}`)}</Notice> : null}
      </div>
    </form>
  );
}

interface FilterFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
}

function FilterField({ id, label, value, onChange, type = 'text' }: FilterFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        maxLength={MAX_FILTER_LENGTH}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        data-testid={id}
      />
    </div>
  );
}

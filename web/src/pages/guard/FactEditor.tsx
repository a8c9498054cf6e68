import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFact, type Fact, updateFact } from '../../api/guard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { draftToInput, EMPTY_FACT, type FactDraft, type FactDraftError, factToDraft } from './factForm';
import { FACTS_QUERY_KEY } from './queryKeys';

const ERROR_KEYS = {
  statement: 'guardSettings.facts.errors.statement',
  source: 'guardSettings.facts.errors.source',
  expires: 'guardSettings.facts.errors.expires',
} as const satisfies Record<FactDraftError, string>;

/** Adds an approved fact, or edits the one chosen in the table. */
export function FactEditor({ editing, onDone }: { editing: Fact | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<FactDraft>(() => (editing ? factToDraft(editing) : EMPTY_FACT));
  const [invalid, setInvalid] = useState<FactDraftError>();
  const statementRef = useRef<HTMLTextAreaElement>(null);
  // "Edit" in the table swaps this form in: take the reader to it.
  useEffect(() => {
    if (editing) statementRef.current?.focus();
  }, [editing]);
  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof createFact>[0]) =>
      editing ? updateFact(editing.id, input) : createFact(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: FACTS_QUERY_KEY });
      if (editing) onDone();
      else setDraft(EMPTY_FACT);
    },
  });
  const set = (field: keyof FactDraft) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const converted = draftToInput(draft);
    if ('error' in converted) {
      setInvalid(converted.error);
      return;
    }
    setInvalid(undefined);
    mutation.mutate(converted.input);
  }

  return (
    <section className="card" aria-labelledby="fact-form-title">
      <h2 id="fact-form-title">
        {editing ? t('guardSettings.facts.editTitle') : t('guardSettings.facts.addTitle')}
      </h2>
      <p className="muted">{t('guardSettings.facts.help')}</p>
      <form className="form form-grid" onSubmit={onSubmit} noValidate data-testid="fact-form">
        <div className="field field-wide">
          <label htmlFor="fact-statement">{t('guardSettings.facts.statement')}</label>
          <textarea
            ref={statementRef}
            id="fact-statement"
            rows={2}
            value={draft.statement}
            maxLength={1000}
            required
            aria-required
            aria-describedby="fact-statement-hint"
            onChange={(event) => set('statement')(event.target.value)}
            data-testid="fact-statement"
          />
          <p id="fact-statement-hint" className="field-hint">
            {t('guardSettings.facts.statementHint')}
          </p>
        </div>
        <TextField
          id="fact-source"
          label={t('guardSettings.facts.source')}
          hint={t('guardSettings.facts.sourceHint')}
          value={draft.source}
          onChange={set('source')}
          required
          maxLength={500}
        />
        <TextField
          id="fact-owner"
          label={t('guardSettings.facts.owner')}
          optional={t('common.optional')}
          value={draft.owner}
          onChange={set('owner')}
          maxLength={120}
        />
        <div className="field">
          <label htmlFor="fact-lang">{t('guardSettings.facts.lang')}</label>
          <select
            id="fact-lang"
            value={draft.lang}
            onChange={(event) => {
              const value = event.target.value;
              if (value === '' || value === 'en' || value === 'fr')
                setDraft((current) => ({ ...current, lang: value }));
            }}
            data-testid="fact-lang"
          >
            <option value="">{t('guardSettings.facts.anyLang')}</option>
            <option value="en">{t('guard.langs.en')}</option>
            <option value="fr">{t('guard.langs.fr')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="fact-expires">
            {t('guardSettings.facts.expires')}
            <span className="muted label-note"> ({t('common.optional')})</span>
          </label>
          <input
            id="fact-expires"
            type="date"
            value={draft.expires}
            aria-describedby="fact-expires-hint"
            onChange={(event) => set('expires')(event.target.value)}
            data-testid="fact-expires"
          />
          <p id="fact-expires-hint" className="field-hint">
            {t('guardSettings.facts.expiresHint')}
          </p>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            aria-busy={mutation.isPending}
            data-testid="fact-submit"
          >
            {mutation.isPending
              ? t('guardSettings.saving')
              : editing
                ? t('guardSettings.facts.update')
                : t('guardSettings.facts.add')}
          </button>
          {editing ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={onDone}
              data-testid="fact-cancel"
            >
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <LiveRegion testId="fact-result">
        {invalid ? <Notice tone="danger">{t(ERROR_KEYS[invalid])}</Notice> : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} testId="fact-error" /> : null}
        {mutation.isSuccess ? <Notice tone="success">{t('guardSettings.facts.saved')}</Notice> : null}
      </LiveRegion>
    </section>
  );
}

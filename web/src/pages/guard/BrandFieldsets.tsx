import { useTranslation } from 'react-i18next';
import { BRAND_LIMITS, type PhraseDraft, type TermDraft } from './brandDraft';

/** A copy of the list with one row changed. */
function update<Row>(rows: readonly Row[], index: number, change: Partial<Row>): Row[] {
  return rows.map((row, i) => (i === index ? { ...row, ...change } : row));
}

interface TermsFieldsetProps {
  terms: TermDraft[];
  disabled: boolean;
  onChange: (terms: TermDraft[]) => void;
}

/** Preferred terms and the variants to avoid, one editable row each. */
export function TermsFieldset({ terms, disabled, onChange }: TermsFieldsetProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="card fieldset" disabled={disabled}>
      <legend>{t('guardSettings.brand.terminology')}</legend>
      <p className="muted">{t('guardSettings.brand.terminologyHelp')}</p>
      {terms.length === 0 ? <p className="empty">{t('guardSettings.brand.noTerms')}</p> : null}
      <ul className="plain-list row-list">
        {terms.map((term, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position.
          <li key={row} className="form-grid brand-row" data-testid="brand-term-row">
            <div className="field">
              <label htmlFor={`term-preferred-${row}`}>{t('guardSettings.brand.preferred')}</label>
              <input
                id={`term-preferred-${row}`}
                value={term.preferred}
                maxLength={BRAND_LIMITS.phrase}
                onChange={(event) => onChange(update(terms, row, { preferred: event.target.value }))}
                data-testid="brand-term-preferred"
              />
            </div>
            <div className="field">
              <label htmlFor={`term-deprecated-${row}`}>{t('guardSettings.brand.deprecated')}</label>
              <input
                id={`term-deprecated-${row}`}
                value={term.deprecated}
                onChange={(event) => onChange(update(terms, row, { deprecated: event.target.value }))}
                data-testid="brand-term-deprecated"
              />
            </div>
            <div className="field">
              <label htmlFor={`term-note-${row}`}>
                {t('guardSettings.brand.note')}
                <span className="muted label-note"> ({t('common.optional')})</span>
              </label>
              <input
                id={`term-note-${row}`}
                value={term.note}
                maxLength={BRAND_LIMITS.note}
                onChange={(event) => onChange(update(terms, row, { note: event.target.value }))}
              />
            </div>
            <div className="form-actions">
              <button
                type="button"
                className="button button-small button-danger-quiet"
                onClick={() => onChange(terms.filter((_, i) => i !== row))}
              >
                {t('guardSettings.brand.removeRow', { row: row + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange([...terms, { preferred: '', deprecated: '', note: '' }])}
        data-testid="brand-term-add"
      >
        {t('guardSettings.brand.addTerm')}
      </button>
    </fieldset>
  );
}

interface PhrasesFieldsetProps {
  phrases: PhraseDraft[];
  disabled: boolean;
  onChange: (phrases: PhraseDraft[]) => void;
}

/** Banned phrases with an optional reason, one editable row each. */
export function PhrasesFieldset({ phrases, disabled, onChange }: PhrasesFieldsetProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="card fieldset" disabled={disabled}>
      <legend>{t('guardSettings.brand.banned')}</legend>
      {phrases.length === 0 ? <p className="empty">{t('guardSettings.brand.noPhrases')}</p> : null}
      <ul className="plain-list row-list">
        {phrases.map((entry, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position.
          <li key={row} className="form-grid brand-row" data-testid="brand-phrase-row">
            <div className="field">
              <label htmlFor={`phrase-${row}`}>{t('guardSettings.brand.phrase')}</label>
              <input
                id={`phrase-${row}`}
                value={entry.phrase}
                maxLength={BRAND_LIMITS.phrase}
                onChange={(event) => onChange(update(phrases, row, { phrase: event.target.value }))}
                data-testid="brand-phrase"
              />
            </div>
            <div className="field">
              <label htmlFor={`phrase-reason-${row}`}>
                {t('guardSettings.brand.reason')}
                <span className="muted label-note"> ({t('common.optional')})</span>
              </label>
              <input
                id={`phrase-reason-${row}`}
                value={entry.reason}
                maxLength={BRAND_LIMITS.note}
                onChange={(event) => onChange(update(phrases, row, { reason: event.target.value }))}
              />
            </div>
            <div className="form-actions">
              <button
                type="button"
                className="button button-small button-danger-quiet"
                onClick={() => onChange(phrases.filter((_, i) => i !== row))}
              >
                {t('guardSettings.brand.removeRow', { row: row + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange([...phrases, { phrase: '', reason: '' }])}
        data-testid="brand-phrase-add"
      >
        {t('guardSettings.brand.addPhrase')}
      </button>
    </fieldset>
  );
}

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormSubmit } from '../../components/FormSubmit';
import { LiveRegion } from '../../components/Notice';
import { AttributeSummary, AuditFigures, VerdictBadge } from './AuditFigures';
import { auditExposure } from './api';
import { FailureList } from './FailureList';

type Attribute = 'gender' | 'age_band';

/** The server's rule (exposureAuditInputSchema): 1 to 256 characters, no control character, no edge spaces. */
const MAX_ITEM = 256;
const validItem = (s: string) =>
  s.length >= 1 && s.length <= MAX_ITEM && s.trim() === s && ![...s].some((c) => c < ' ' || c === '\x7f');

/**
 * Bias audit of recommendation exposure: is an item shown, in the stored recommendations, to every
 * group of a protected attribute alike? Same policy, charts and k-anonymity as segment audits; the
 * result is not stored (the ledger records it).
 */
export function ExposureAuditCard({ minRatio, maxDifference }: { minRatio: number; maxDifference: number }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [item, setItem] = useState('');
  const [attribute, setAttribute] = useState<Attribute | ''>('');
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: (v: { item: string; attribute: Attribute | '' }) =>
      auditExposure(v.item, v.attribute === '' ? undefined : v.attribute),
  });
  const invalid = attempted && !validItem(item);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (!validItem(item)) {
      setAttempted(true);
      input.current?.focus();
      return;
    }
    mutation.mutate({ item, attribute });
  }
  const audit = mutation.data?.audit;
  const notComputed = isApiError(mutation.error) && mutation.error.status === 409;
  return (
    <section className="card" aria-labelledby="exposure-audit-title" data-testid="exposure-audit">
      <h2 id="exposure-audit-title">{t('insights.exposure.title')}</h2>
      <p className="muted">{t('insights.exposure.help')}</p>
      <form className="form form-grid" onSubmit={onSubmit} noValidate data-testid="exposure-audit-form">
        <div className="field">
          <label htmlFor="exposure-item">{t('insights.exposure.item')}</label>
          <input
            id="exposure-item"
            ref={input}
            value={item}
            maxLength={MAX_ITEM}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={invalid}
            aria-describedby="exposure-item-hint"
            onChange={(e) => setItem(e.target.value)}
            data-testid="exposure-item"
          />
          <p id="exposure-item-hint" className={invalid ? 'field-error' : 'field-hint'}>
            {invalid ? t('insights.exposure.invalid') : t('insights.exposure.itemHint')}
          </p>
        </div>
        <div className="field field-narrow">
          <label htmlFor="exposure-attribute">{t('insights.exposure.attribute')}</label>
          <select
            id="exposure-attribute"
            value={attribute}
            onChange={(e) => setAttribute(e.target.value as Attribute | '')}
            data-testid="exposure-attribute"
          >
            <option value="">{t('insights.exposure.attributePolicy')}</option>
            {(['gender', 'age_band'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`insights.attributes.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <FormSubmit
          busy={mutation.isPending}
          label={t('insights.exposure.submit')}
          busyLabel={t('insights.exposure.submitting')}
          testId="exposure-submit"
        />
      </form>
      {/* Only the verdict (or the error) is announced; the figures below are read at will. */}
      <LiveRegion testId="exposure-result">
        {mutation.isError ? (
          <>
            <ErrorNotice error={mutation.error} testId="exposure-error" />
            {notComputed ? <p className="muted">{t('insights.exposure.notComputed')}</p> : null}
          </>
        ) : null}
        {audit && mutation.isSuccess ? (
          <div className="card-title-row">
            <h3>{t('insights.exposure.result', { item: audit.item })}</h3>
            <VerdictBadge passed={audit.passed} testId="exposure-verdict" />
          </div>
        ) : null}
      </LiveRegion>
      {audit && mutation.isSuccess ? (
        <div data-testid="exposure-audit-result">
          <p className="muted">
            {t('insights.exposure.batch')} <DateTime value={audit.recommendationsComputedAt} /> ·{' '}
            <AttributeSummary audit={audit} />
          </p>
          <FailureList failures={audit.failures} />
          <AuditFigures
            audit={audit}
            minRatio={minRatio}
            maxDifference={maxDifference}
            chartId="chart-exposure"
          />
        </div>
      ) : null}
    </section>
  );
}

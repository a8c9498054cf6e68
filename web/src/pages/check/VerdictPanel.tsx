import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../api/guard';
import { readabilityBand, SCAN_LANG_LABEL, VERDICT_LABEL, VERDICT_MEANING } from './labels';

/** The policy's verdict, what it means, and the scan's figures. */
export function VerdictPanel({ result }: { result: ScanResult }) {
  const { t, i18n } = useTranslation();
  const ms = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(result.stats.ms);
  return (
    <section
      className={`card verdict verdict-${result.verdict}`}
      aria-labelledby="verdict-title"
      data-testid="check-verdict"
      data-verdict={result.verdict}
    >
      <div className="verdict-main">
        <h2 id="verdict-title" className="verdict-title">
          <span className="verdict-icon" aria-hidden="true" />
          {t('check.verdict.title', { verdict: t(VERDICT_LABEL[result.verdict]) })}
        </h2>
        <p data-testid="check-verdict-meaning">{t(VERDICT_MEANING[result.verdict])}</p>
      </div>
      <dl className="facts verdict-facts">
        <dt>{t('check.verdict.findings')}</dt>
        <dd data-testid="check-finding-count">{result.findings.length}</dd>
        <dt>{t('check.verdict.lang')}</dt>
        <dd>{t(SCAN_LANG_LABEL[result.lang])}</dd>
        <dt>{t('check.verdict.readability')}</dt>
        <dd data-testid="check-readability">
          {result.readability ? (
            <>
              {t('check.verdict.readabilityScore', {
                score: result.readability.score,
                formula: result.readability.formula === 'flesch' ? 'Flesch' : 'Kandel-Moles',
              })}{' '}
              <span className="muted">
                ({t(`check.readabilityBands.${readabilityBand(result.readability.score)}`)})
              </span>
            </>
          ) : (
            <span className="muted">{t('check.verdict.noReadability')}</span>
          )}
        </dd>
        <dt>{t('check.verdict.time')}</dt>
        <dd data-testid="check-stats">{t('check.verdict.ms', { ms })}</dd>
      </dl>
      {result.errors.length > 0 ? (
        <p className="field-error" data-testid="check-detector-errors">
          {t('check.verdict.detectorErrors', { count: result.errors.length })}
        </p>
      ) : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { Finding } from '../../api/guard';
import { CATEGORY_LABEL, SEVERITY_LABEL, VERDICT_LABEL } from './labels';

interface FindingDetailsProps {
  text: string;
  findings: readonly Finding[];
  selected: number | undefined;
  onSelect: (index: number) => void;
  onApply: (finding: Finding, suggestion: string) => void;
  busy: boolean;
}

const EXCERPT = 120;

/** Everything about the chosen finding, its one-click fixes, and the findings overlapping it. */
export function FindingDetails({ text, findings, selected, onSelect, onApply, busy }: FindingDetailsProps) {
  const { t, i18n } = useTranslation();
  const finding = selected === undefined ? undefined : findings[selected];
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const overlapping = finding
    ? findings
        .map((other, index) => ({ other, index }))
        .filter(
          ({ other, index }) => index !== selected && other.start < finding.end && other.end > finding.start,
        )
    : [];
  const excerpt = finding ? text.slice(finding.start, Math.min(finding.end, finding.start + EXCERPT)) : '';

  return (
    <section
      className="card finding-details"
      aria-labelledby="finding-details-title"
      data-testid="finding-details"
    >
      <h2 id="finding-details-title" tabIndex={-1}>
        {t('check.details.title')}
      </h2>
      <div aria-live="polite" aria-atomic="true">
        {finding ? (
          <div data-testid="finding-details-body" data-rule={finding.rule}>
            <p className="finding-message" data-testid="finding-message">
              {finding.message}
            </p>
            <blockquote className="finding-excerpt">
              {excerpt}
              {finding.end - finding.start > EXCERPT ? '…' : ''}
            </blockquote>
            <dl className="facts">
              <dt>{t('check.details.category')}</dt>
              <dd>
                <span className={`legend-swatch hl hl-start hl-${finding.category}`} aria-hidden="true" />
                {t(CATEGORY_LABEL[finding.category])}
              </dd>
              <dt>{t('check.details.rule')}</dt>
              <dd className="mono">{finding.rule}</dd>
              <dt>{t('check.details.severity')}</dt>
              <dd>{t(SEVERITY_LABEL[finding.severity])}</dd>
              <dt>{t('check.details.action')}</dt>
              <dd data-testid="finding-action">{t(VERDICT_LABEL[finding.action])}</dd>
              {finding.confidence === undefined ? null : (
                <>
                  <dt>{t('check.details.confidence')}</dt>
                  <dd>{percent.format(finding.confidence)}</dd>
                </>
              )}
              {finding.entity ? (
                <>
                  <dt>{t('check.details.entity')}</dt>
                  <dd className="mono">{finding.entity}</dd>
                </>
              ) : null}
              <dt>{t('check.details.position')}</dt>
              <dd>{t('check.details.lineColumn', { line: finding.line, column: finding.column })}</dd>
            </dl>
            {finding.suggestions && finding.suggestions.length > 0 ? (
              <div className="suggestions">
                <h3>{t('check.details.suggestions')}</h3>
                <ul className="suggestion-list">
                  {finding.suggestions.map((suggestion) => (
                    <li key={suggestion}>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={busy}
                        onClick={() => onApply(finding, suggestion)}
                        data-testid="suggestion-apply"
                        data-suggestion={suggestion}
                      >
                        {t('check.details.apply', { suggestion })}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="muted">{t('check.details.noSuggestion')}</p>
            )}
            {overlapping.length > 0 ? (
              <div>
                <h3>{t('check.details.overlapping')}</h3>
                <ul className="plain-list">
                  {overlapping.map(({ other, index }) => (
                    <li key={index}>
                      <button type="button" className="link-button" onClick={() => onSelect(index)}>
                        {t(CATEGORY_LABEL[other.category])} · {other.message}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : (
          <p className="muted" data-testid="finding-details-empty">
            {findings.length > 0 ? t('check.details.choose') : t('check.details.none')}
          </p>
        )}
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../lib/numberFormat';
import type { Audit } from './api';
import { SelectionRateChart } from './SelectionRateChart';

interface Props {
  /** A stored segment audit or a recommendation exposure audit: the same figures. */
  audit: Pick<Audit, 'groups' | 'attribute' | 'suppressedGroups' | 'metrics'>;
  minRatio: number;
  maxDifference: number;
  /** Unique on the page: the chart's title id is built from it. */
  chartId: string;
}

/** An audit's per-group chart and metrics, with what k-anonymity leaves out said in words. */
export function AuditFigures({ audit, minRatio, maxDifference, chartId }: Props) {
  const { t } = useTranslation();
  const f = useNumberFormat();
  const fmt = (x: number | null | undefined) => f.fixed(x, 3);
  const m = audit.metrics;
  return (
    <>
      {audit.groups.length > 0 ? (
        <SelectionRateChart
          groups={audit.groups}
          attribute={audit.attribute}
          minRatio={minRatio}
          title={chartId}
        />
      ) : null}
      {audit.suppressedGroups > 0 ? (
        <p className="muted" data-testid="audit-suppressed-groups">
          {t('insights.fairness.suppressedGroups', { count: audit.suppressedGroups })}
        </p>
      ) : null}
      {!m && audit.groups.some((g) => g.suppressed) ? (
        <p className="muted">{t('insights.fairness.metricsHidden')}</p>
      ) : null}
      {m ? (
        <dl className="insights-metrics">
          <dt>{t('insights.metrics.dpd', { value: fmt(m.demographic_parity_difference) })}</dt>
          <dd>{t('insights.metrics.dpdHelp', { max: maxDifference })}</dd>
          <dt>{t('insights.metrics.dpr', { value: fmt(m.demographic_parity_ratio) })}</dt>
          <dd>{t('insights.metrics.dprHelp', { min: minRatio })}</dd>
          <dt>{t('insights.metrics.di', { value: fmt(m.disparate_impact) })}</dt>
          <dd>{t('insights.metrics.diHelp')}</dd>
          <dt>{t('insights.metrics.spd', { value: fmt(m.statistical_parity_difference) })}</dt>
          <dd>{t('insights.metrics.spdHelp')}</dd>
        </dl>
      ) : null}
    </>
  );
}

/** The audited attribute and population (hidden under k), or why no attribute could be audited. */
export function AttributeSummary({ audit }: { audit: Pick<Audit, 'attribute' | 'population'> }) {
  const { t } = useTranslation();
  const f = useNumberFormat();
  return audit.attribute
    ? t('insights.fairness.attribute', {
        attribute: t(`insights.attributes.${audit.attribute}`),
        population: audit.population === null ? t('insights.suppressed') : f.number(audit.population),
      })
    : t('insights.failures.no_protected_attribute');
}

/** An audit's verdict: accepted or failed. */
export function VerdictBadge({ passed, testId }: { passed: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className={passed ? 'badge badge-accent' : 'badge badge-danger'} data-testid={testId}>
      {passed ? t('insights.fairness.passed') : t('insights.fairness.failed')}
    </span>
  );
}

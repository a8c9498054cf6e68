import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../lib/numberFormat';
import type { Audit, AuditGroup } from './api';
import { groupLabel } from './labels';

const WIDTH = 360;
const LABEL = 110;
const ROW = 28;

interface Props {
  groups: AuditGroup[];
  /** The audited attribute, to name its groups in the reader's language. */
  attribute: Audit['attribute'];
  /** The four-fifths line is drawn at this share of the highest selection rate. */
  minRatio: number;
  title: string;
}

/**
 * Per-group selection rates as horizontal bars in plain SVG, with the line each group must reach
 * (minRatio x the most selected group's rate). Groups under k are listed as hidden, never drawn.
 */
export function SelectionRateChart({ groups, attribute, minRatio, title }: Props) {
  const { t } = useTranslation();
  const { percent: pct, number } = useNumberFormat();
  const label = (key: string) => groupLabel(t, attribute, key);
  const shown = groups.filter((g) => !g.suppressed);
  const hidden = groups.filter((g) => g.suppressed);
  const max = Math.max(0, ...shown.map((g) => g.selectionRate ?? 0));
  const bar = WIDTH - LABEL - 60;
  const threshold = max * minRatio;
  const height = shown.length * ROW + 24;
  return (
    <figure className="insights-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${title}-t`} width="100%">
        <title id={`${title}-t`}>
          {shown
            .map((g) =>
              t('insights.fairness.groupRate', { group: label(g.key), rate: pct(g.selectionRate ?? 0) }),
            )
            .join(', ')}
        </title>
        {shown.map((g, i) => {
          const rate = g.selectionRate ?? 0;
          const below = max > 0 && rate < threshold;
          return (
            <g key={g.key} transform={`translate(0, ${i * ROW})`}>
              <text x={LABEL - 8} y={18} textAnchor="end" className="insights-chart-label">
                {label(g.key)}
              </text>
              <rect x={LABEL} y={6} width={bar} height={16} className="insights-chart-track" />
              <rect
                x={LABEL}
                y={6}
                width={Math.max(1, rate * bar)}
                height={16}
                className={below ? 'insights-chart-bar insights-chart-bar-low' : 'insights-chart-bar'}
              />
              <text x={LABEL + bar + 6} y={18} className="insights-chart-value">
                {pct(rate)}
              </text>
            </g>
          );
        })}
        {max > 0 ? (
          <g>
            <line
              x1={LABEL + threshold * bar}
              x2={LABEL + threshold * bar}
              y1={2}
              y2={shown.length * ROW + 4}
              className="insights-chart-threshold"
            />
            <text
              x={LABEL + threshold * bar}
              y={shown.length * ROW + 18}
              textAnchor="middle"
              className="insights-chart-value"
            >
              {t('insights.fairness.thresholdLine', { ratio: number(minRatio) })}
            </text>
          </g>
        ) : null}
      </svg>
      {hidden.length > 0 ? (
        <figcaption className="muted">
          {t('insights.fairness.hiddenGroups', { groups: hidden.map((g) => label(g.key)).join(', ') })}
        </figcaption>
      ) : null}
    </figure>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../api/guard';
import { CATEGORY_LABEL, SEVERITY_LABEL } from './labels';
import { groupByCategory } from './segments';

interface FindingsListProps {
  text: string;
  findings: readonly Finding[];
  selected: number | undefined;
  onSelect: (index: number) => void;
}

const EXCERPT = 60;

/** Every finding, grouped by category; choosing one selects it in the text as well. */
export function FindingsList({ text, findings, selected, onSelect }: FindingsListProps) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupByCategory(findings), [findings]);
  if (findings.length === 0) {
    return (
      <p className="empty" data-testid="findings-empty">
        {t('check.list.empty')}
      </p>
    );
  }
  return (
    <div className="findings-list" data-testid="findings-list">
      {groups.map((group) => (
        <section
          key={group.category}
          aria-labelledby={`findings-${group.category}`}
          data-testid="findings-group"
          data-category={group.category}
        >
          <h3 id={`findings-${group.category}`}>
            <span className={`legend-swatch hl hl-start hl-${group.category}`} aria-hidden="true" />
            {t(CATEGORY_LABEL[group.category])}{' '}
            <span className="badge badge-muted">{group.findings.length}</span>
          </h3>
          <ul className="plain-list">
            {group.findings.map((index) => {
              const finding = findings[index];
              if (!finding) return null;
              const excerpt = text.slice(finding.start, Math.min(finding.end, finding.start + EXCERPT));
              return (
                <li key={index}>
                  <button
                    type="button"
                    className={`finding-item${selected === index ? ' finding-item-selected' : ''}`}
                    aria-current={selected === index ? 'true' : undefined}
                    onClick={() => onSelect(index)}
                    data-testid="finding-item"
                    data-rule={finding.rule}
                    data-finding={index}
                  >
                    <span className={`severity severity-${finding.severity}`}>
                      {t(SEVERITY_LABEL[finding.severity])}
                    </span>
                    <span className="finding-item-message">{finding.message}</span>
                    <q className="finding-item-excerpt">
                      {excerpt}
                      {finding.end - finding.start > EXCERPT ? '…' : ''}
                    </q>
                    <span className="muted small">
                      {t('check.details.lineColumn', { line: finding.line, column: finding.column })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

import { type KeyboardEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../api/guard';
import { CATEGORY_LABEL, SEVERITY_LABEL } from './labels';
import { buildSegments, primaryFinding } from './segments';

interface HighlightedTextProps {
  text: string;
  /** The language the scan found, so screen readers pronounce the text right. */
  lang: string;
  findings: readonly Finding[];
  selected: number | undefined;
  onSelect: (index: number) => void;
  /** Lets the findings list move focus to the highlight of a finding. */
  registerAnchor: (finding: number, element: HTMLElement | null) => void;
}

/**
 * The checked text with each finding marked. Colour is never the only cue: each category has its
 * own underline style and leading symbol (see the legend), and every mark has an accessible name.
 */
export function HighlightedText({
  text,
  lang,
  findings,
  selected,
  onSelect,
  registerAnchor,
}: HighlightedTextProps) {
  const { t } = useTranslation();
  const segments = useMemo(() => buildSegments(text, findings), [text, findings]);
  // The first segment of each finding receives focus when the finding is chosen in the list.
  const anchors = useMemo(() => {
    const seen = new Set<number>();
    const bySegment = new Map<number, number[]>();
    segments.forEach((segment, position) => {
      const firsts = segment.findings.filter((index) => !seen.has(index));
      for (const index of firsts) seen.add(index);
      if (firsts.length > 0) bySegment.set(position, firsts);
    });
    return bySegment;
  }, [segments]);

  return (
    <div className="highlighted-text" data-testid="check-highlighted" lang={lang}>
      {segments.map((segment, position) => {
        const primary = primaryFinding(segment.findings, findings);
        const finding = primary === undefined ? undefined : findings[primary];
        if (primary === undefined || !finding) return <span key={segment.start}>{segment.text}</span>;
        const startsFinding = segment.findings.some((index) => findings[index]?.start === segment.start);
        const isSelected = selected !== undefined && segment.findings.includes(selected);
        const label = t('check.highlight.label', {
          text: segment.text,
          category: t(CATEGORY_LABEL[finding.category]),
          severity: t(SEVERITY_LABEL[finding.severity]),
          message: finding.message,
        });
        const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onSelect(primary);
          }
        };
        return (
          // biome-ignore lint/a11y/useSemanticElements: a <button> cannot wrap across lines like the text it marks.
          <span
            key={segment.start}
            ref={(element) => {
              for (const index of anchors.get(position) ?? []) registerAnchor(index, element);
            }}
            className={[
              'hl',
              `hl-${finding.category}`,
              `hl-severity-${finding.severity}`,
              startsFinding ? 'hl-start' : '',
              segment.findings.length > 1 ? 'hl-overlap' : '',
              isSelected ? 'hl-selected' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            role="button"
            tabIndex={0}
            aria-pressed={isSelected}
            aria-label={label}
            title={finding.message}
            onClick={() => onSelect(primary)}
            // Tabbing through the text explains each highlight in turn, as a click would.
            onFocus={() => onSelect(primary)}
            onKeyDown={onKeyDown}
            data-testid="highlight"
            data-category={finding.category}
            data-rule={finding.rule}
            data-finding={primary}
          >
            {segment.text}
          </span>
        );
      })}
    </div>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Readability, Verdict } from '../../api/guardTypes';
import type { DraftFinding } from '../../api/studio';
import { readabilityBand, VERDICT_LABEL } from '../check/labels';
import { buildSegments, primaryFinding } from '../check/segments';

/** A draft's text with Guard's findings marked where they are, and the list of them underneath. */
export function DraftText({
  text,
  lang,
  findings,
  testId,
}: {
  text: string;
  lang: string;
  findings: readonly DraftFinding[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const segments = useMemo(() => buildSegments(text, findings), [text, findings]);
  const verdictLabel = (action: string) =>
    action in VERDICT_LABEL ? t(VERDICT_LABEL[action as Verdict]) : action;
  return (
    <>
      <div className="highlighted-text studio-text" lang={lang} data-testid={testId}>
        {segments.map((segment) => {
          const primary = primaryFinding(segment.findings, findings);
          const finding = primary === undefined ? undefined : findings[primary];
          if (!finding) return <span key={segment.start}>{segment.text}</span>;
          return (
            <mark
              key={segment.start}
              className={`studio-mark studio-mark-${finding.severity}`}
              title={`${finding.rule}: ${finding.message}`}
            >
              {segment.text}
            </mark>
          );
        })}
      </div>
      {findings.length > 0 ? (
        <ul className="studio-findings" data-testid="studio-findings">
          {findings.map((f) => (
            <li key={`${f.rule}-${f.start}-${f.end}`}>
              <span className={`badge studio-severity-${f.severity}`}>{verdictLabel(f.action)}</span>{' '}
              <code>{f.rule}</code> {f.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('studio.draft.noFindings')}</p>
      )}
    </>
  );
}

/** Readability as Guard measured it: the formula, the score, and what the score means. */
export function ReadabilityLine({ readability }: { readability: Readability | null }) {
  const { t } = useTranslation();
  if (!readability) return null;
  return (
    <p className="muted" data-testid="studio-readability">
      {t('studio.draft.readability', {
        score: Math.round(readability.score),
        words: readability.words,
        sentences: readability.sentences,
      })}{' '}
      ({t(`check.readabilityBands.${readabilityBand(readability.score)}`)})
    </p>
  );
}

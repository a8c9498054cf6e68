import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DraftView, fetchDiff } from '../../api/studio';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';

/** A unified diff line's role, for colouring without relying on colour alone (the +/- stays). */
function lineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'studio-diff-file';
  if (line.startsWith('+')) return 'studio-diff-add';
  if (line.startsWith('-')) return 'studio-diff-del';
  if (line.startsWith('@@')) return 'studio-diff-hunk';
  return '';
}

/** Every version of the draft, and the diff between any two. */
export function HistoryPanel({ draft }: { draft: DraftView }) {
  const { t } = useTranslation();
  const versions = draft.history.map((h) => h.version);
  const [from, setFrom] = useState(Math.max(1, draft.version - 1));
  const [to, setTo] = useState(draft.version);
  const diff = useQuery({
    queryKey: ['studio', 'diff', draft.id, from, to, draft.version, draft.selectedVariant],
    queryFn: () => fetchDiff(draft.id, from, to),
    enabled: versions.length > 1 && from !== to,
  });
  return (
    <section className="card" aria-labelledby="studio-history-title" data-testid="studio-history">
      <h2 id="studio-history-title">{t('studio.history.title')}</h2>
      <ol className="studio-history">
        {draft.history.map((h) => (
          <li key={h.version}>
            {t('studio.history.version', { version: h.version, variants: h.variants, by: h.createdBy })} ·{' '}
            <DateTime value={h.createdAt} />
          </li>
        ))}
      </ol>
      {versions.length > 1 ? (
        <>
          <div className="studio-brief-row">
            <VersionSelect
              id="studio-diff-from"
              label={t('studio.history.from')}
              value={from}
              versions={versions}
              onChange={setFrom}
            />
            <VersionSelect
              id="studio-diff-to"
              label={t('studio.history.to')}
              value={to}
              versions={versions}
              onChange={setTo}
            />
          </div>
          {diff.isError ? <ErrorNotice error={diff.error} /> : null}
          {diff.data ? (
            <>
              <p className="muted">
                {t('studio.history.counts', { added: diff.data.added, removed: diff.data.removed })}
              </p>
              <pre className="studio-diff" data-testid="studio-diff">
                {diff.data.patch.split('\n').map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: diff lines repeat; their position is their identity
                  <span key={i} className={lineClass(line)}>
                    {line}
                    {'\n'}
                  </span>
                ))}
              </pre>
            </>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('studio.history.single')}</p>
      )}
    </section>
  );
}

function VersionSelect(props: {
  id: string;
  label: string;
  value: number;
  versions: number[];
  onChange: (v: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.versions.map((v) => (
          <option key={v} value={v}>
            v{v}
          </option>
        ))}
      </select>
    </div>
  );
}

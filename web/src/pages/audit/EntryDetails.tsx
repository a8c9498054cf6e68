import { useTranslation } from 'react-i18next';

const INLINE_LIMIT = 80;
const MAX_SHOWN = 4000;

function stringify(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent) ?? '';
  } catch {
    return String(value);
  }
}

/** Entry details are ids, counts and hashes: short ones inline, long ones behind a disclosure. */
export function EntryDetails({ details }: { details: unknown }) {
  const { t } = useTranslation();
  if (details === null || details === undefined) return <span className="muted">—</span>;
  if (typeof details === 'object' && Object.keys(details).length === 0)
    return <span className="muted">—</span>;
  const compact = stringify(details);
  if (compact.length <= INLINE_LIMIT) return <code className="details-inline">{compact}</code>;
  const pretty = stringify(details, 2);
  return (
    <details className="details-disclosure">
      <summary>
        <code>{compact.slice(0, INLINE_LIMIT - 20)}…</code>
        <span className="visually-hidden"> {t('audit.entries.showDetails')}</span>
      </summary>
      <pre className="details-full">
        {pretty.length > MAX_SHOWN ? `${pretty.slice(0, MAX_SHOWN)}…` : pretty}
      </pre>
    </details>
  );
}

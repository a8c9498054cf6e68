import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAuditEntries } from '../../api/endpoints';
import type { AuditEntry } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { QueryBoundary } from '../../components/QueryBoundary';
import { ScrollRegion } from '../../components/ScrollRegion';
import { EntryDetails } from './EntryDetails';
import { ProofDialog } from './ProofDialog';
import { type AuditFilters, entriesQuery } from './query';

/**
 * Entries newest first, a page at a time. The server pages with a `before` cursor, so going back to
 * newer entries replays the cursors we came through.
 */
export function AuditEntries({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<number[]>([]);
  const [filterKey, setFilterKey] = useState(filters);
  const [proofEntry, setProofEntry] = useState<AuditEntry>();

  // New filters start again from the newest entry.
  if (filterKey !== filters) {
    setFilterKey(filters);
    setCursors([]);
  }
  const before = cursors.at(-1) ?? null;
  const query = useQuery({
    queryKey: ['audit', 'entries', entriesQuery(filters, before)],
    queryFn: () => fetchAuditEntries(entriesQuery(filters, before)),
    placeholderData: keepPreviousData,
  });
  const page = cursors.length + 1;

  return (
    <section className="card card-flush" aria-labelledby="entries-title">
      <div className="card-heading-row">
        <h2 id="entries-title" className="card-heading">
          {t('audit.entries.title')}
        </h2>
        <p className="muted" aria-live="polite" data-testid="audit-page">
          {t('audit.entries.page', { page })}
        </p>
      </div>
      <QueryBoundary query={query} loadingLabel={t('audit.entries.loading')}>
        {(data) => (
          <>
            {data.entries.length === 0 ? (
              <p className="empty" data-testid="audit-empty">
                {t('audit.entries.empty')}
              </p>
            ) : (
              <EntriesTable entries={data.entries} onProof={setProofEntry} busy={query.isFetching} />
            )}
            <nav className="pager" aria-label={t('audit.entries.paging')}>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={cursors.length === 0 || query.isFetching}
                onClick={() => setCursors((current) => current.slice(0, -1))}
                data-testid="audit-newer"
              >
                {t('audit.entries.newer')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={data.nextBefore === null || query.isFetching}
                onClick={() => {
                  const next = data.nextBefore;
                  if (next !== null) setCursors((current) => [...current, next]);
                }}
                data-testid="audit-older"
              >
                {t('audit.entries.older')}
              </button>
            </nav>
          </>
        )}
      </QueryBoundary>
      {proofEntry ? <ProofDialog entry={proofEntry} onClose={() => setProofEntry(undefined)} /> : null}
    </section>
  );
}

interface EntriesTableProps {
  entries: AuditEntry[];
  onProof: (entry: AuditEntry) => void;
  busy: boolean;
}

function EntriesTable({ entries, onProof, busy }: EntriesTableProps) {
  const { t } = useTranslation();
  return (
    <ScrollRegion labelledBy="entries-title" busy={busy}>
      <table className="table table-dense" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('audit.entries.seq')}
            </th>
            <th scope="col">{t('audit.entries.at')}</th>
            <th scope="col">{t('audit.entries.actor')}</th>
            <th scope="col">{t('audit.entries.action')}</th>
            <th scope="col">{t('audit.entries.target')}</th>
            <th scope="col">{t('audit.entries.details')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('audit.entries.proof')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-testid="audit-row" data-seq={entry.seq} data-action={entry.action}>
              <th scope="row" className="num mono">
                {entry.seq}
              </th>
              <td className="nowrap">
                <DateTime value={entry.at} format="precise" />
              </td>
              <td className="nowrap">
                <span title={entry.actor}>{entry.actorName ?? entry.actor}</span>
              </td>
              <td>
                <code className="action">{entry.action}</code>
              </td>
              <td>
                {entry.target ? (
                  <span className="mono truncate" title={entry.target}>
                    {entry.target}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="cell-details">
                <EntryDetails details={entry.details} />
              </td>
              <td className="cell-actions">
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => onProof(entry)}
                  data-testid="proof-button"
                >
                  {t('audit.entries.proofButton')}
                  <span className="visually-hidden"> {t('audit.entries.ofEntry', { seq: entry.seq })}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

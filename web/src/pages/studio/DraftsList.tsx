import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_STATUSES, type DraftStatus, fetchDrafts } from '../../api/studio';
import { DateTime } from '../../components/DateTime';
import { QueryBoundary } from '../../components/QueryBoundary';
import { STATUS_LABEL, TYPE_LABEL } from './labels';
import { draftsKey } from './queryKeys';

/** Drafts, newest first, filtered by status; choosing one opens it. */
export function DraftsList({
  selected,
  onSelect,
}: {
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DraftStatus | ''>('');
  const drafts = useQuery({
    queryKey: [...draftsKey, status],
    queryFn: () => fetchDrafts(status || undefined),
  });
  return (
    <section className="card" aria-labelledby="studio-drafts-title">
      <h2 id="studio-drafts-title">{t('studio.list.title')}</h2>
      <div className="studio-filter">
        <label htmlFor="studio-status-filter">{t('studio.list.filter')}</label>
        <select
          id="studio-status-filter"
          value={status}
          onChange={(e) => setStatus(e.target.value as DraftStatus | '')}
        >
          <option value="">{t('studio.list.all')}</option>
          {DRAFT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_LABEL[s])}
            </option>
          ))}
        </select>
      </div>
      <QueryBoundary query={drafts} loadingLabel={t('studio.list.loading')}>
        {({ drafts: list }) =>
          list.length === 0 ? (
            <p className="muted">{t('studio.list.empty')}</p>
          ) : (
            <ul className="studio-draft-list" data-testid="studio-drafts">
              {list.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    className={`studio-draft-item${d.id === selected ? ' studio-draft-item-selected' : ''}`}
                    aria-current={d.id === selected ? 'true' : undefined}
                    onClick={() => onSelect(d.id)}
                    data-testid="studio-draft-item"
                    data-status={d.status}
                    data-lang={d.lang}
                  >
                    <span>
                      {t(TYPE_LABEL[d.type])} · {d.lang.toUpperCase()}
                    </span>
                    <span className="badge">{t(STATUS_LABEL[d.status])}</span>
                    <span className="muted">
                      {d.author} · <DateTime value={d.updatedAt} />
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryBoundary>
    </section>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AUDIT_EXPORT_URL } from '../../api/endpoints';
import { useSession } from '../../auth/SessionProvider';
import { PageHeader } from '../../components/PageHeader';
import { AuditEntries } from './AuditEntries';
import { AuditFiltersForm } from './AuditFiltersForm';
import { filtersFromSearch, filtersToSearch } from './query';
import { SignedHeadCard } from './SignedHeadCard';
import { VerifyCard } from './VerifyCard';

export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const searchText = search.toString();
  // One filters object per distinct URL, so the entries list resets paging only on a real change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: searchText is the identity of search.
  const filters = useMemo(() => filtersFromSearch(search), [searchText]);

  const exportLink = can('ledger:export') ? (
    <a
      className="button button-secondary"
      href={AUDIT_EXPORT_URL}
      download="vigie-audit.jsonl"
      data-testid="audit-export"
    >
      {t('audit.export')}
    </a>
  ) : null;

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} actions={exportLink} />
      <div className="stack">
        <div className={can('ledger:verify') ? 'grid grid-2' : 'grid'}>
          <SignedHeadCard />
          {can('ledger:verify') ? <VerifyCard /> : null}
        </div>
        <AuditFiltersForm
          key={searchText}
          value={filters}
          onApply={(next) => setSearch(filtersToSearch(next))}
        />
        <AuditEntries filters={filters} />
      </div>
    </>
  );
}

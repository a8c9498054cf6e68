import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/SessionProvider';
import { PageHeader } from '../../components/PageHeader';
import { type BatchStatus, batchesKey, type Locale, listBatches } from './api';
import { BatchesTable } from './BatchesTable';
import { QuarantineList } from './QuarantineList';

/** Integrity: event batches checked for poisoning, the quarantine with its reasons, release or purge. */
export function IntegrityPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const locale: Locale = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const [status, setStatus] = useState<BatchStatus>();
  const quarantined = useQuery({
    queryKey: [...batchesKey, 'quarantined', locale],
    queryFn: () => listBatches('quarantined', locale),
  });
  const all = useQuery({
    queryKey: [...batchesKey, status ?? 'all', locale],
    queryFn: () => listBatches(status, locale),
  });
  return (
    <>
      <PageHeader title={t('integrity.title')} description={t('integrity.description')} />
      <div className="stack">
        <QuarantineList query={quarantined} canManage={can('integrity:manage')} locale={locale} />
        <BatchesTable query={all} status={status} onStatus={setStatus} />
      </div>
    </>
  );
}

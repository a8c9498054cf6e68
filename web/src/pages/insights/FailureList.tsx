import { useTranslation } from 'react-i18next';
import type { AuditFailure } from './api';

/** Why an audit failed, each rule in words. */
export function FailureList({ failures }: { failures: AuditFailure[] }) {
  const { t } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <ul data-testid="audit-failures">
      {failures.map((f) => (
        <li key={f}>{t(`insights.failures.${f}`)}</li>
      ))}
    </ul>
  );
}

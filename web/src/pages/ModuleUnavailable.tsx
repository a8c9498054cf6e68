import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';

export type PlannedModule = 'check' | 'studio' | 'assistant' | 'shield';

/** The honest placeholder for a module that this version of Vigie does not ship yet. */
export function ModuleUnavailable({ module }: { module: PlannedModule }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${module}`)} description={t(`moduleSummaries.${module}`)} />
      <section
        className="card empty-state"
        data-testid="module-unavailable"
        aria-labelledby="unavailable-title"
      >
        <h2 id="unavailable-title">{t('unavailable.title')}</h2>
        <p>{t('unavailable.body')}</p>
        <p>
          <Link to="/">{t('unavailable.back')}</Link>
        </p>
      </section>
    </>
  );
}

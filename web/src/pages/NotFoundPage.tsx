import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section data-testid="not-found">
      <PageHeader title={t('notFound.title')} description={t('notFound.body')} />
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

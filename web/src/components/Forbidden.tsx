import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError, problemMessage } from '../api/problem';
import { PageHeader } from './PageHeader';

/** Shown in place of a page the user's role does not open, whether we knew it or the API said 403. */
interface ForbiddenProps {
  error?: unknown;
  /** False when the page around it already has its own heading. */
  withHeading?: boolean;
}

export function Forbidden({ error, withHeading = true }: ForbiddenProps) {
  const { t } = useTranslation();
  const serverMessage = isApiError(error) ? problemMessage(error.problem) : undefined;
  return (
    <section className="forbidden" data-testid="forbidden" aria-labelledby="forbidden-title">
      {withHeading ? <PageHeader title={t('forbidden.title')} /> : null}
      <div className="notice notice-warning" role="alert">
        <p id="forbidden-title" className="notice-title">
          {t('forbidden.status')}
        </p>
        <div className="notice-body">
          <p>{t('forbidden.body')}</p>
          {serverMessage ? (
            <p className="muted">{t('forbidden.server', { message: serverMessage })}</p>
          ) : null}
        </div>
      </div>
      <p>
        <Link to="/">{t('forbidden.home')}</Link>
      </p>
    </section>
  );
}

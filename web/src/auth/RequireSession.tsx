import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useSession } from './SessionProvider';

/** Guards the signed-in shell: restores the session from the cookie, or sends to /login. */
export function RequireSession() {
  const { t } = useTranslation();
  const { session, status, error, retry } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <main id="main" className="boot">
        <Loading label={t('session.restoring')} />
      </main>
    );
  }
  if (status === 'error') {
    return (
      <main id="main" className="boot">
        <ErrorNotice error={error} onRetry={retry} />
      </main>
    );
  }
  if (!session) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <Outlet />;
}

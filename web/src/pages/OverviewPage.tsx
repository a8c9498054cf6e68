import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type NavKey, visibleNavItems } from '../auth/access';
import { permissionLabelKey } from '../auth/permissionLabels';
import { useSignedInSession } from '../auth/SessionProvider';
import { PageHeader } from '../components/PageHeader';

export function OverviewPage() {
  const { t } = useTranslation();
  const { user, permissions } = useSignedInSession();
  const modules = visibleNavItems(permissions).filter((item) => item.key !== 'overview');
  const name = user.displayName || user.username;

  return (
    <>
      <PageHeader title={t('overview.title')} description={t('overview.welcome', { name })} />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="overview-identity" data-testid="overview-identity">
          <h2 id="overview-identity">{t('overview.identity')}</h2>
          <dl className="facts">
            <dt>{t('overview.username')}</dt>
            <dd data-testid="overview-username">{user.username}</dd>
            <dt>{t('overview.role')}</dt>
            <dd>
              <span className="badge" data-testid="overview-role">
                {t(`roles.${user.role}`, { defaultValue: user.role })}
              </span>
              <span className="muted block">{t(`roleDescriptions.${user.role}`, { defaultValue: '' })}</span>
            </dd>
            {user.email ? (
              <>
                <dt>{t('overview.email')}</dt>
                <dd>{user.email}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="overview-permissions">
          <h2 id="overview-permissions">{t('overview.permissions')}</h2>
          {permissions.length === 0 ? (
            <p className="muted">{t('overview.noPermissions')}</p>
          ) : (
            <ul className="permission-list" data-testid="overview-permissions">
              {permissions.map((permission) => (
                <li key={permission}>
                  <PermissionLabel permission={permission} />
                  <code className="muted">{permission}</code>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="overview-modules" className="section">
        <h2 id="overview-modules">{t('overview.modules')}</h2>
        <ul className="module-grid">
          {modules.map((item) => (
            <li key={item.key}>
              <Link to={item.path} className="module-card" data-testid={`overview-link-${item.key}`}>
                <span className="module-card-title">{t(`nav.${item.key}`)}</span>
                <span className="module-card-text">
                  {t(`moduleSummaries.${item.key as Exclude<NavKey, 'overview'>}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function PermissionLabel({ permission }: { permission: string }) {
  const { t } = useTranslation();
  const key = permissionLabelKey(permission);
  return key ? <span>{t(key)}</span> : null;
}

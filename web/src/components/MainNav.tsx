import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { visibleNavItems } from '../auth/access';
import { useSignedInSession } from '../auth/SessionProvider';

export function MainNav() {
  const { t } = useTranslation();
  const { permissions } = useSignedInSession();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {visibleNavItems(permissions).map((item) => (
          <li key={item.key}>
            <NavLink to={item.path} end={item.path === '/'} data-testid={`nav-${item.key}`}>
              {t(`nav.${item.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

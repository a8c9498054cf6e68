import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet } from 'react-router';
import { SETTINGS_SECTIONS, visibleSettingsSections } from '../../auth/access';
import { useSignedInSession } from '../../auth/SessionProvider';
import { Forbidden } from '../../components/Forbidden';

/**
 * Settings sub-navigation. Sections the user may not open are hidden here, but their routes stay
 * reachable so that a direct visit shows the forbidden page instead of "not found".
 */
export function SettingsLayout() {
  const { t } = useTranslation();
  const { permissions } = useSignedInSession();
  const sections = visibleSettingsSections(permissions);
  return (
    <div className="settings">
      {sections.length > 0 ? (
        <nav className="tabs" aria-label={t('settings.navLabel')}>
          <ul>
            {sections.map((section) => (
              <li key={section.key}>
                <NavLink to={section.path} data-testid={`settings-tab-${section.key}`}>
                  {t(`settings.sections.${section.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </div>
  );
}

/** /settings itself: the first section the user may open, or the forbidden page. */
export function SettingsIndex() {
  const { permissions } = useSignedInSession();
  const first = visibleSettingsSections(permissions)[0];
  return first ? <Navigate to={first.path} replace /> : <Forbidden />;
}

export function settingsPermission(key: (typeof SETTINGS_SECTIONS)[number]['key']): string {
  const section = SETTINGS_SECTIONS.find((candidate) => candidate.key === key);
  if (!section) throw new Error(`Unknown settings section ${key}`);
  return section.permission;
}

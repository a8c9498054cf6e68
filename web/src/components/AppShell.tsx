import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { PAGE_TITLE_ID } from './PageHeader';
import { UserMenu } from './UserMenu';

/** Moves focus to the new page's heading after client-side navigation, as a full load would. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path changing is what triggers the move.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = document.getElementById(PAGE_TITLE_ID) ?? document.getElementById('main');
    target?.focus();
  }, [pathname]);
}

export function AppShell() {
  const { t } = useTranslation();
  useFocusOnNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand" aria-label={t('header.home')}>
          <Logo />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <div className="header-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <div className="shell-body">
        <MainNav />
        <main id="main" className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <path
        d="M16 4 6 8.5v7c0 6 4.3 10.8 10 12.5 5.7-1.7 10-6.5 10-12.5v-7z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinejoin="round"
      />
      <circle cx="16" cy="15.5" r="3.4" fill="currentColor" />
    </svg>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Logo } from './AppShell';
import { LanguageSwitch } from './LanguageSwitch';

interface PublicFrameProps {
  title: string;
  intro: string;
  /** Extra class of the card (a wider one for the verification page). */
  cardClass?: string;
  children: ReactNode;
}

/** The frame of the pages open without a session (sign-in, publication check): brand, language, card. */
export function PublicFrame({ title, intro, cardClass, children }: PublicFrameProps) {
  const { t } = useTranslation();
  return (
    <div className="login-layout">
      <header className="login-top">
        <LanguageSwitch />
      </header>
      <main id="main" className="login-main">
        <div className={cardClass ? `login-card ${cardClass}` : 'login-card'}>
          <div className="login-brand">
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
          </div>
          <h1 className="login-title">{title}</h1>
          <p className="muted">{intro}</p>
          {children}
        </div>
      </main>
    </div>
  );
}

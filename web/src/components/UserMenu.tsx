import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession, useSignedInSession } from '../auth/SessionProvider';
import { useErrorMessage } from './ErrorNotice';

/** A disclosure button revealing who is signed in and the logout action. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSignedInSession();
  const { logout } = useSession();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const name = user.displayName || user.username;

  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    // Clicking or tabbing anywhere else closes the panel.
    function onOutside(event: Event) {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  async function onLogout() {
    setBusy(true);
    setError(undefined);
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        data-testid="user-menu-button"
      >
        <span className="avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-menu-name">{name}</span>
        <span className="visually-hidden">{t('header.accountMenu')}</span>
      </button>
      <div id={panelId} className="user-menu-panel" hidden={!open} data-testid="user-menu">
        <p className="user-menu-identity">
          <strong>{name}</strong>
          <span className="muted">{user.username}</span>
          {user.email ? <span className="muted">{user.email}</span> : null}
        </p>
        <p>
          <span className="muted">{t('header.role')} </span>
          <span className="badge" data-testid="user-role">
            {t(`roles.${user.role}`, { defaultValue: user.role })}
          </span>
        </p>
        <button
          type="button"
          className="button button-secondary button-block"
          onClick={onLogout}
          disabled={busy}
          data-testid="logout-button"
        >
          {busy ? t('header.loggingOut') : t('header.logout')}
        </button>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

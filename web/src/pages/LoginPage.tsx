import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { NetworkError } from '../api/client';
import { isApiError, problemMessage } from '../api/problem';
import { useSession } from '../auth/SessionProvider';
import { PublicFrame } from '../components/PublicFrame';

const MAX_FIELD = 256;

const withDetail = (sentence: string, detail: string | undefined) =>
  detail ? `${sentence} (${detail})` : sentence;

/** Where to go after signing in: back to the page that sent us here, never to another origin. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { session, login, expired } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const errorId = useId();

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  if (session && !busy) return <Navigate to={returnPath(location.state)} replace />;

  function messageFor(failure: unknown): string {
    if (failure instanceof NetworkError) return t('errors.network');
    if (!isApiError(failure)) return t('errors.unexpected');
    // Our own sentences for the answers a login expects, with the server's detail where it helps
    // (how long to wait); anything else is shown as the server worded it.
    const detail = problemMessage(failure.problem);
    if (failure.status === 401) return t('login.errors.invalid');
    if (failure.status === 423) return withDetail(t('login.errors.locked'), detail);
    if (failure.status === 429) return withDetail(t('login.errors.rateLimited'), detail);
    return detail ?? t('errors.http', { status: failure.status });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (username.trim() === '' || password === '') {
      setError(t('login.errors.required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
      navigate(returnPath(location.state), { replace: true });
    } catch (failure) {
      setError(messageFor(failure));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicFrame title={t('login.title')} intro={t('app.tagline')}>
      {expired ? (
        <p className="notice notice-info" role="status">
          {t('login.sessionExpired')}
        </p>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate data-testid="login-form">
        <div className="field">
          <label htmlFor="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={MAX_FIELD}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            data-testid="login-username"
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={MAX_FIELD}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            data-testid="login-password"
          />
        </div>
        <div id={errorId} aria-live="assertive" className="form-error-slot">
          {error ? (
            <p className="notice notice-danger" data-testid="login-error">
              {error}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={busy}
          aria-busy={busy}
          data-testid="login-submit"
        >
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </PublicFrame>
  );
}

import { useTranslation } from 'react-i18next';
import type { EmailAuth } from '../../api/shieldTypes';
import { authTone } from './logic';

const MECHANISMS = ['spf', 'dkim', 'dmarc', 'arc', 'compauth'] as const;
const MECHANISM_NAMES: Record<(typeof MECHANISMS)[number], string> = {
  spf: 'SPF',
  dkim: 'DKIM',
  dmarc: 'DMARC',
  arc: 'ARC',
  compauth: 'compauth',
};

/** SPF, DKIM, DMARC, ARC (and Microsoft's compauth when present): each result and where it came from. */
export function AuthResults({ auth }: { auth: EmailAuth }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="shield-auth-title" data-testid="shield-auth">
      <h2 id="shield-auth-title">{t('shield.emails.auth.title')}</h2>
      <dl className="facts">
        <dt>{t('shield.emails.auth.source')}</dt>
        <dd data-testid="shield-auth-source">{t(`shield.emails.auth.sources.${auth.source}`)}</dd>
        <dt>{t('shield.emails.auth.domain')}</dt>
        <dd className="mono">{auth.domain || t('shield.emails.result.none')}</dd>
        {MECHANISMS.map((mechanism) => {
          const value = auth[mechanism];
          if (mechanism === 'compauth' && !value) return null;
          const tone = authTone(value);
          return (
            <div key={mechanism} className="facts-row">
              <dt>{MECHANISM_NAMES[mechanism]}</dt>
              <dd>
                <span
                  className={`auth-result auth-${tone}`}
                  data-testid={`shield-auth-${mechanism}`}
                  data-tone={tone}
                >
                  {value || t('shield.emails.result.none')}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

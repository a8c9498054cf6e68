import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSignedInSession } from '../auth/SessionProvider';
import { PageHeader } from '../components/PageHeader';
import { EmailsTab } from './shield/EmailsTab';
import { LookalikesTab } from './shield/LookalikesTab';
import { PostureTab } from './shield/PostureTab';
import { ProtectionTab } from './shield/ProtectionTab';
import { type ShieldTab, visibleShieldTabs } from './shield/tabs';

/** Shield: e-mail analysis, lookalike domains, spoofing posture and protected names, one tab each. */
export function ShieldPage() {
  const { t } = useTranslation();
  const { permissions } = useSignedInSession();
  const [params, setParams] = useSearchParams();
  const tabs = visibleShieldTabs(permissions);
  const requested = params.get('tab');
  const tab = tabs.find((value) => value === requested) ?? tabs[0];

  function select(next: ShieldTab) {
    setParams({ tab: next }, { replace: true });
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (!tab) return;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: tabs.length - 1 };
    let next: ShieldTab | undefined;
    if (event.key in moves) next = tabs[(tabs.indexOf(tab) + (moves[event.key] ?? 0)) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs.at(-1);
    if (!next) return;
    event.preventDefault();
    select(next);
    document.getElementById(`shield-tab-${next}`)?.focus();
  }

  return (
    <>
      <PageHeader title={t('shield.title')} description={t('shield.description')} />
      {tab ? (
        <section className="card card-flush">
          <div className="result-tabs" role="tablist" aria-label={t('shield.tabsLabel')}>
            {tabs.map((value) => (
              <button
                key={value}
                id={`shield-tab-${value}`}
                type="button"
                role="tab"
                className="result-tab"
                aria-selected={tab === value}
                aria-controls="shield-panel"
                tabIndex={tab === value ? 0 : -1}
                onClick={() => select(value)}
                onKeyDown={onTabKey}
                data-testid={`shield-tab-${value}`}
              >
                {t(`shield.tabs.${value}`)}
              </button>
            ))}
          </div>
          <div
            id="shield-panel"
            role="tabpanel"
            aria-labelledby={`shield-tab-${tab}`}
            className="result-panel"
            data-testid={`shield-panel-${tab}`}
          >
            {tab === 'emails' ? <EmailsTab /> : null}
            {tab === 'lookalikes' ? <LookalikesTab /> : null}
            {tab === 'posture' ? <PostureTab /> : null}
            {tab === 'protection' ? <ProtectionTab /> : null}
          </div>
        </section>
      ) : (
        <p className="card">{t('shield.noAccess')}</p>
      )}
    </>
  );
}

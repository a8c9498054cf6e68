import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { type DnsFix, fetchPosture, type PostureCheck, type PostureResult } from '../../api/shield';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { toLanguage } from '../../i18n/languages';
import { type DomainProblem, normaliseDomain } from './logic';

const CHECK_NAMES: Record<string, string> = {
  mx: 'MX',
  spf: 'SPF',
  dmarc: 'DMARC',
  dkim: 'DKIM',
  'mta-sts': 'MTA-STS',
  'tls-rpt': 'TLS-RPT',
  bimi: 'BIMI',
};

/** How hard a domain is to spoof, why, and the exact DNS records that would fix it. */
export function PostureTab() {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<DomainProblem>();
  const mutation = useMutation({ mutationFn: fetchPosture });
  const dnsFailed = isApiError(mutation.error) && mutation.error.status === 503;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.reset();
    const parsed = normaliseDomain(input);
    setProblem(parsed.problem);
    if (parsed.domain) mutation.mutate(parsed.domain);
  }

  return (
    <div className="stack">
      <section className="card" aria-labelledby="shield-posture-title">
        <h2 id="shield-posture-title">{t('shield.posture.title')}</h2>
        <p className="muted">{t('shield.posture.help')}</p>
        <form className="inline-form" onSubmit={onSubmit} noValidate data-testid="shield-posture-form">
          <div className="field">
            <label htmlFor="shield-posture-domain">{t('shield.posture.domain')}</label>
            <input
              id="shield-posture-domain"
              type="text"
              value={input}
              maxLength={253}
              spellCheck={false}
              autoComplete="off"
              placeholder="example.com"
              aria-invalid={problem !== undefined}
              aria-describedby="shield-posture-domain-error"
              onChange={(event) => setInput(event.target.value)}
              data-testid="shield-posture-domain"
            />
            <div id="shield-posture-domain-error" aria-live="polite">
              {problem ? (
                <p className="field-error">{t(`shield.domainErrors.${problem}`, { max: 63 })}</p>
              ) : null}
            </div>
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            aria-busy={mutation.isPending}
            data-testid="shield-posture-submit"
          >
            {mutation.isPending ? t('shield.posture.checking') : t('shield.posture.submit')}
          </button>
        </form>
        <LiveRegion testId="shield-posture-status">
          {dnsFailed ? (
            <Notice tone="danger" testId="shield-posture-dns-failed">
              {t('shield.posture.dnsFailed')}
            </Notice>
          ) : null}
          {mutation.isError && !dnsFailed ? (
            <ErrorNotice error={mutation.error} testId="shield-posture-error" />
          ) : null}
          {mutation.isPending ? <p className="muted">{t('shield.posture.checking')}</p> : null}
          {mutation.data
            ? t('shield.posture.announce', {
                domain: mutation.data.domain,
                verdict: t(`shield.posture.verdicts.${mutation.data.verdict}`),
              })
            : null}
        </LiveRegion>
      </section>
      {mutation.data ? <PostureReport result={mutation.data} /> : null}
    </div>
  );
}

function PostureReport({ result }: { result: PostureResult }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage) ?? 'en';
  return (
    <>
      <section
        className={`card verdict posture-verdict posture-verdict-${result.verdict}`}
        aria-labelledby="shield-posture-verdict-title"
        data-testid="shield-posture-verdict"
        data-verdict={result.verdict}
      >
        <div className="verdict-main">
          <h2 id="shield-posture-verdict-title" className="verdict-title">
            <span className="verdict-icon" aria-hidden="true" />
            {t('shield.posture.verdictTitle', {
              domain: result.domain,
              verdict: t(`shield.posture.verdicts.${result.verdict}`),
            })}
          </h2>
          <p data-testid="shield-posture-summary">{result.summary[lang]}</p>
        </div>
      </section>
      <FixesTable fixes={result.fixes} />
      <section className="card" aria-labelledby="shield-checks-title">
        <h2 id="shield-checks-title">{t('shield.posture.checksTitle')}</h2>
        <ul className="posture-checks">
          {result.checks.map((check) => (
            <CheckItem key={check.id} check={check} />
          ))}
        </ul>
      </section>
    </>
  );
}

function CheckItem({ check }: { check: PostureCheck }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage) ?? 'en';
  return (
    <li
      className="posture-check"
      data-testid="shield-posture-check"
      data-check={check.id}
      data-status={check.status}
    >
      <h3 className="posture-check-title">
        {CHECK_NAMES[check.id] ?? check.id}{' '}
        <span className={`status-badge status-${check.status}`}>
          {t(`shield.posture.statuses.${check.status}`)}
        </span>
      </h3>
      <ul className="posture-messages">
        {check.messages.map((message) => (
          <li key={`${message.id}|${message.en}`}>{message[lang]}</li>
        ))}
      </ul>
      {check.records.length === 0 ? (
        <p className="muted posture-records-title">{t('shield.posture.noRecords')}</p>
      ) : (
        <ul className="posture-records" aria-label={t('shield.posture.records')}>
          {check.records.map((record, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: DNS may return the same record twice; the list is never reordered.
            <li key={`${index}-${record}`} className="mono break-anywhere">
              {record}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function FixesTable({ fixes }: { fixes: DnsFix[] }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage) ?? 'en';
  return (
    <section className="card" aria-labelledby="shield-fixes-title" data-testid="shield-posture-fixes">
      <h2 id="shield-fixes-title">{t('shield.posture.fixesTitle')}</h2>
      {fixes.length === 0 ? (
        <p className="muted">{t('shield.posture.noFixes')}</p>
      ) : (
        <ul className="posture-fixes">
          {fixes.map((fix) => (
            <li key={`${fix.type}:${fix.name}`} className="posture-fix" data-testid="shield-posture-fix">
              <p>{fix.message[lang]}</p>
              <dl className="facts">
                <dt>{t('shield.posture.fixType')}</dt>
                <dd className="mono">{fix.type}</dd>
                <dt>{t('shield.posture.fixName')}</dt>
                <dd className="fix-value">
                  <code className="break-anywhere" data-testid="shield-fix-name">
                    {fix.name}
                  </code>
                  <CopyButton value={fix.name} label={t('shield.posture.copyName')} />
                </dd>
                <dt>{t('shield.posture.fixValue')}</dt>
                <dd className="fix-value">
                  <code className="break-anywhere" data-testid="shield-fix-value">
                    {fix.value}
                  </code>
                  <CopyButton
                    value={fix.value}
                    label={t('shield.posture.copyValue')}
                    testId="shield-fix-copy"
                  />
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

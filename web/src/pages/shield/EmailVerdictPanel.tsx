import { useTranslation } from 'react-i18next';
import type { EmailAnalysisResult } from '../../api/shieldTypes';
import { PHISHING_AT, SUSPICIOUS_AT } from './logic';

/** The verdict (colour, icon and words), the score as a gauge, and what was analysed. */
export function EmailVerdictPanel({ result, fileName }: { result: EmailAnalysisResult; fileName: string }) {
  const { t, i18n } = useTranslation();
  const verdict = t(`shield.verdicts.${result.verdict}`);
  const ms = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(result.stats.ms);
  return (
    <section
      className={`card verdict shield-verdict shield-verdict-${result.verdict}`}
      aria-labelledby="shield-verdict-title"
      data-testid="shield-verdict"
      data-verdict={result.verdict}
    >
      <div className="verdict-main">
        <h2 id="shield-verdict-title" className="verdict-title">
          <span className="verdict-icon" aria-hidden="true" />
          {t('shield.emails.result.title', { verdict })}
        </h2>
        <p data-testid="shield-verdict-meaning">{t(`shield.verdictMeanings.${result.verdict}`)}</p>
        <div className="score-gauge">
          <label htmlFor="shield-score">{t('shield.emails.result.score')}</label>
          <meter
            id="shield-score"
            min={0}
            max={100}
            low={SUSPICIOUS_AT}
            high={PHISHING_AT}
            optimum={0}
            value={result.score}
            data-testid="shield-score-gauge"
          />
          <span className="score-value" data-testid="shield-score">
            {t('shield.emails.result.scoreValue', { score: result.score })}
          </span>
        </div>
      </div>
      <dl className="facts verdict-facts">
        <dt>{t('shield.emails.result.file')}</dt>
        <dd className="break-anywhere">{fileName}</dd>
        <dt>{t('shield.emails.result.subject')}</dt>
        <dd className="break-anywhere" data-testid="shield-subject">
          {result.subject || t('shield.emails.result.none')}
        </dd>
        <dt>{t('shield.emails.result.from')}</dt>
        <dd className="break-anywhere" data-testid="shield-from">
          {result.from || t('shield.emails.result.none')}
        </dd>
        <dt>{t('shield.emails.result.sha256')}</dt>
        <dd className="mono break-anywhere">{result.messageSha256}</dd>
      </dl>
      <p className="muted shield-stats" data-testid="shield-stats">
        {t('shield.emails.result.stats', {
          links: result.stats.links,
          attachments: result.stats.attachments,
          ms,
        })}
      </p>
    </section>
  );
}

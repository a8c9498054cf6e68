import { useTranslation } from 'react-i18next';
import type { EmailReason } from '../../api/shieldTypes';
import { useReasonLabel } from './labels';
import { groupReasons } from './logic';

/** Stored analyses keep no rendered message: their reasons show the label and the evidence only. */
type ShownReason = Omit<EmailReason, 'message'> & { message?: string };

/** Each red flag with its lesson, grouped by kind, heaviest first. */
export function ReasonGroups({
  reasons,
  idPrefix = 'shield',
}: {
  reasons: readonly ShownReason[];
  /** Keeps element ids unique when two lists are on the page (upload result and stored analysis). */
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const label = useReasonLabel();
  const groups = groupReasons(reasons);
  return (
    <section className="card" aria-labelledby={`${idPrefix}-reasons-title`} data-testid="shield-reasons">
      <h2 id={`${idPrefix}-reasons-title`}>{t('shield.emails.reasons.title')}</h2>
      {groups.length === 0 ? <p className="muted">{t('shield.emails.reasons.none')}</p> : null}
      {groups.map(({ group, reasons: inGroup }) => (
        <section
          key={group}
          className="reason-group"
          aria-labelledby={`${idPrefix}-group-${group}`}
          data-testid="shield-reason-group"
          data-group={group}
        >
          <h3 id={`${idPrefix}-group-${group}`}>{t(`shield.groups.${group}`)}</h3>
          <ul className="reason-list">
            {inGroup.map((reason) => (
              <li
                key={`${reason.id}|${reason.where}|${reason.evidence}`}
                className="reason"
                data-testid="shield-reason"
                data-reason={reason.id}
              >
                <p className="reason-head">
                  <strong>{label(reason.id)}</strong>{' '}
                  <span className="badge">
                    {t('shield.emails.reasons.points', { points: reason.points })}
                  </span>
                </p>
                {reason.message ? (
                  <p className="reason-lesson">
                    <span className="visually-hidden">{t('shield.emails.reasons.lesson')}: </span>
                    {reason.message}
                  </p>
                ) : null}
                <dl className="facts reason-facts">
                  <dt>{t('shield.emails.reasons.where')}</dt>
                  <dd className="mono">{reason.where}</dd>
                  {reason.evidence ? (
                    <>
                      <dt>{t('shield.emails.reasons.evidence')}</dt>
                      <dd className="mono break-anywhere" data-testid="shield-reason-evidence">
                        {reason.evidence}
                      </dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

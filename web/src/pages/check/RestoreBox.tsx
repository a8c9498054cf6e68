import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreText } from '../../api/guard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion } from '../../components/Notice';

/** Size limit of the answer box, well under the server's 4 MiB body limit. */
const MAX_ANSWER = 1_000_000;

/**
 * Shows the round trip of reversible pseudonymisation: paste what a model answered using the
 * placeholders, get it back with the original values, which only the server's vault holds.
 */
export function RestoreBox({ mapId }: { mapId: string }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const mutation = useMutation({ mutationFn: restoreText });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (answer.trim() !== '' && !mutation.isPending) mutation.mutate({ text: answer, mapId });
  }

  return (
    <section aria-labelledby="restore-title" className="restore-box">
      <h3 id="restore-title">{t('check.restore.title')}</h3>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="restore-form">
        <div className="field">
          <label htmlFor="restore-input">{t('check.restore.input')}</label>
          <textarea
            id="restore-input"
            rows={4}
            value={answer}
            maxLength={MAX_ANSWER}
            aria-describedby="restore-hint"
            onChange={(event) => setAnswer(event.target.value)}
            data-testid="restore-input"
          />
          <p id="restore-hint" className="field-hint">
            {t('check.restore.hint')}
          </p>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-secondary"
            disabled={mutation.isPending || answer.trim() === ''}
            aria-busy={mutation.isPending}
            data-testid="restore-submit"
          >
            {t('check.restore.submit')}
          </button>
        </div>
      </form>
      <LiveRegion testId="restore-result">
        {mutation.isError ? <ErrorNotice error={mutation.error} testId="restore-error" /> : null}
      </LiveRegion>
      {mutation.isSuccess ? (
        <pre className="redacted-text" data-testid="restore-output">
          {mutation.data.text}
        </pre>
      ) : null}
    </section>
  );
}

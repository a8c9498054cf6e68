import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { verifyAudit } from '../../api/endpoints';
import type { VerifyResult } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { HEAD_QUERY_KEY } from './SignedHeadCard';

export function VerifyCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: verifyAudit,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: HEAD_QUERY_KEY }),
  });

  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('audit.verify.title')}</h2>
      <p className="muted">{t('audit.verify.help')}</p>
      <button
        type="button"
        className="button button-primary"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
        aria-busy={mutation.isPending}
        data-testid="verify-button"
      >
        {mutation.isPending ? t('audit.verify.running') : t('audit.verify.button')}
      </button>
      <div aria-live="polite" aria-atomic="true" className="verify-output">
        {mutation.isSuccess ? <VerifyOutcome result={mutation.data} /> : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} testId="verify-error" /> : null}
      </div>
    </section>
  );
}

function VerifyOutcome({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const summary = t('audit.verify.summary', {
    count: result.entriesChecked ?? result.treeSize,
    heads: result.headsChecked,
  });
  if (result.ok && !result.firstBad) {
    return (
      <div data-testid="verify-result" data-ok="true">
        <Notice tone="success" title={t('audit.verify.ok')}>
          <p>{summary}</p>
        </Notice>
      </div>
    );
  }
  return (
    <div data-testid="verify-result" data-ok="false">
      <Notice tone="danger" title={t('audit.verify.bad')}>
        {result.firstBad ? (
          <p data-testid="verify-first-bad" data-seq={result.firstBad.seq}>
            {t('audit.verify.firstBad', { seq: result.firstBad.seq, reason: result.firstBad.reason })}
          </p>
        ) : null}
        <p>{summary}</p>
      </Notice>
    </div>
  );
}

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormSubmit } from '../../components/FormSubmit';
import { LiveRegion } from '../../components/Notice';
import { computeAllRecommendations } from './api';

/** Computes and stores every consenting customer's recommendations: the run exposure audits read. */
export function BatchRecommendationsCard() {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: computeAllRecommendations });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate();
  }
  return (
    <section className="card" aria-labelledby="reco-batch-title" data-testid="reco-batch">
      <h2 id="reco-batch-title">{t('insights.recommendations.batchTitle')}</h2>
      <p className="muted">{t('insights.recommendations.batchHelp')}</p>
      <form className="form" onSubmit={onSubmit}>
        <FormSubmit
          busy={mutation.isPending}
          label={t('insights.recommendations.batchSubmit')}
          busyLabel={t('insights.recommendations.batchSubmitting')}
          testId="reco-batch-submit"
        />
      </form>
      <LiveRegion testId="reco-batch-result">
        {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
        {mutation.isSuccess ? (
          <p>
            {t('insights.recommendations.batchDone', { count: mutation.data.subjects })}{' '}
            <DateTime value={mutation.data.computedAt} />
          </p>
        ) : null}
      </LiveRegion>
    </section>
  );
}

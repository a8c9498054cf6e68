import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/SessionProvider';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { TableCard } from '../../components/TableCard';
import { useNumberFormat } from '../../lib/numberFormat';
import { fetchRecommendations, type Recommendation } from './api';
import { BatchRecommendationsCard } from './BatchRecommendationsCard';

const SUBJECT = /^[A-Za-z0-9_-]{1,128}$/;

export function RecommendationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [input, setInput] = useState('');
  const [subject, setSubject] = useState<string>();
  const [invalid, setInvalid] = useState(false);
  const query = useQuery({
    queryKey: ['insights', 'recommendations', subject],
    queryFn: () => fetchRecommendations(subject!, 10),
    enabled: subject !== undefined,
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = input.trim();
    setInvalid(!SUBJECT.test(value));
    if (SUBJECT.test(value)) setSubject(value);
  }
  return (
    <>
      <PageHeader
        title={t('insights.recommendations.title')}
        description={t('insights.recommendations.description')}
      />
      <div className="stack">
        <section className="card" aria-labelledby="reco-form-title">
          <h2 id="reco-form-title">{t('insights.recommendations.formTitle')}</h2>
          <form className="form" onSubmit={onSubmit} noValidate data-testid="reco-form">
            <div className="field">
              <label htmlFor="reco-subject">{t('insights.recommendations.subject')}</label>
              <input
                id="reco-subject"
                value={input}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={invalid}
                aria-describedby="reco-subject-hint"
                onChange={(e) => setInput(e.target.value)}
                data-testid="reco-subject"
              />
              <p id="reco-subject-hint" className={invalid ? 'field-error' : 'field-hint'}>
                {invalid ? t('insights.recommendations.invalid') : t('insights.recommendations.hint')}
              </p>
            </div>
            <div className="form-actions">
              <button type="submit" className="button button-primary" data-testid="reco-submit">
                {t('insights.recommendations.submit')}
              </button>
            </div>
          </form>
        </section>
        {subject !== undefined ? (
          <QueryBoundary query={query} loadingLabel={t('insights.loading')}>
            {(data) => (
              <>
                {data.personalised ? null : (
                  <Notice tone="info">{t('insights.recommendations.notPersonalised')}</Notice>
                )}
                <RecommendationTable items={data.items} />
              </>
            )}
          </QueryBoundary>
        ) : null}
        {can('customers:manage') ? <BatchRecommendationsCard /> : null}
      </div>
    </>
  );
}

function RecommendationTable({ items }: { items: Recommendation[] }) {
  const { t } = useTranslation();
  const f = useNumberFormat();
  return (
    <TableCard
      id="reco-list-title"
      title={t('insights.recommendations.listTitle')}
      isEmpty={items.length === 0}
      empty={t('insights.recommendations.empty')}
    >
      <table className="table" data-testid="reco-table">
        <thead>
          <tr>
            <th scope="col">{t('insights.recommendations.item')}</th>
            <th scope="col">{t('insights.recommendations.score')}</th>
            <th scope="col">{t('insights.recommendations.source')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.item}>
              <th scope="row" className="cell-primary">
                {r.item}
              </th>
              <td>{f.fixed(r.score, 3)}</td>
              <td>{t(`insights.sources.${r.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableCard>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/SessionProvider';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { TableCard } from '../../components/TableCard';
import {
  type ComputeInput,
  computeSegments,
  fetchSegments,
  INSIGHTS_KEYS,
  requestUse,
  type Segment,
  type SegmentKind,
} from './api';
import { FailureList } from './FailureList';
import { segmentLabel } from './labels';
import { inRange, NumberField } from './NumberField';
import './insights.css';
import { FormSubmit } from '../../components/FormSubmit';

export function SegmentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useQuery({ queryKey: INSIGHTS_KEYS.segments, queryFn: fetchSegments });
  return (
    <>
      <PageHeader
        title={t('insights.segments.title')}
        description={t('insights.segments.description')}
        actions={
          // A plain link: the session cookie authorises the download; sizes under k are suppressed there too.
          <a
            className="button button-secondary"
            href="/api/v1/segments/export"
            download
            data-testid="segments-export"
          >
            {t('insights.segments.export')}
          </a>
        }
      />
      <div className="stack">
        {can('customers:manage') ? <ComputeCard /> : null}
        <QueryBoundary query={query} loadingLabel={t('insights.loading')}>
          {(data) => (
            <>
              <SegmentsTable segments={data.segments} />
              {can('customers:manage') && data.segments.length > 0 ? (
                <RequestUseCard segments={data.segments} />
              ) : null}
            </>
          )}
        </QueryBoundary>
      </div>
    </>
  );
}

function ComputeCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<SegmentKind>('rfm');
  const [k, setK] = useState<number | null>(4);
  const [threshold, setThreshold] = useState<number | null>(0.5);
  const [horizonDays, setHorizonDays] = useState<number | null>(30);
  const [attempted, setAttempted] = useState(false);
  // An empty or out-of-range field is never sent (the server checks the ranges again).
  const invalid = (value: number | null, min: number, max: number, integer = true) =>
    !inRange(value, min, max) || (integer && !Number.isInteger(value));
  const error = (bad: boolean, min: number, max: number) =>
    attempted && bad ? t('insights.policy.invalid', { min, max }) : undefined;
  const kBad = invalid(k, 2, 20);
  const thresholdBad = invalid(threshold, 0, 1, false);
  const horizonBad = invalid(horizonDays, 1, 365);
  const mutation = useMutation({
    mutationFn: (input: ComputeInput) => computeSegments(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: INSIGHTS_KEYS.segments }),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (kind === 'rfm') return mutation.mutate({ kind });
    if (kind === 'cluster' && k !== null && !kBad) return mutation.mutate({ kind, k });
    if (kind === 'propensity' && threshold !== null && horizonDays !== null && !thresholdBad && !horizonBad)
      return mutation.mutate({ kind, threshold, horizonDays });
    setAttempted(true);
  }
  return (
    <section className="card" aria-labelledby="segments-compute-title">
      <h2 id="segments-compute-title">{t('insights.segments.computeTitle')}</h2>
      <p className="muted">{t('insights.segments.computeHelp')}</p>
      <form className="form form-grid" onSubmit={onSubmit} noValidate data-testid="segments-compute-form">
        <div className="field field-narrow">
          <label htmlFor="segments-kind">{t('insights.segments.kind')}</label>
          <select
            id="segments-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as SegmentKind)}
            data-testid="segments-kind"
          >
            {(['rfm', 'cluster', 'propensity'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`insights.kinds.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'cluster' ? (
          <NumberField
            id="segments-k"
            label={t('insights.segments.k')}
            value={k}
            min={2}
            max={20}
            onChange={setK}
            error={error(kBad, 2, 20)}
          />
        ) : null}
        {kind === 'propensity' ? (
          <>
            <NumberField
              id="segments-threshold"
              label={t('insights.segments.threshold')}
              value={threshold}
              min={0}
              max={1}
              step={0.05}
              onChange={setThreshold}
              error={error(thresholdBad, 0, 1)}
            />
            <NumberField
              id="segments-horizon"
              label={t('insights.segments.horizon')}
              value={horizonDays}
              min={1}
              max={365}
              onChange={setHorizonDays}
              error={error(horizonBad, 1, 365)}
            />
          </>
        ) : null}
        <FormSubmit
          busy={mutation.isPending}
          label={t('insights.segments.compute')}
          busyLabel={t('insights.segments.computing')}
          testId="segments-compute"
        />
      </form>
      <LiveRegion testId="segments-compute-result">
        {mutation.isSuccess ? (
          <Notice tone="success">
            {t('insights.segments.computed', { count: mutation.data.segments.length })}
          </Notice>
        ) : null}
        {mutation.isError ? (
          <ErrorNotice
            error={mutation.error}
            fieldLabel={(name) =>
              name === 'k'
                ? t('insights.segments.k')
                : name === 'threshold'
                  ? t('insights.segments.threshold')
                  : name === 'horizonDays'
                    ? t('insights.segments.horizon')
                    : undefined
            }
          />
        ) : null}
      </LiveRegion>
    </section>
  );
}

function SizeCell({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  if (segment.suppressed)
    return (
      <span className="badge badge-muted" title={t('insights.kHelp')}>
        {t('insights.suppressed')}
      </span>
    );
  return <>{segment.size}</>;
}

function SegmentsTable({ segments }: { segments: Segment[] }) {
  const { t } = useTranslation();
  return (
    <TableCard
      id="segments-list-title"
      title={t('insights.segments.listTitle')}
      isEmpty={segments.length === 0}
      empty={t('insights.segments.empty')}
    >
      <table className="table" data-testid="segments-table">
        <thead>
          <tr>
            <th scope="col">{t('insights.segments.name')}</th>
            <th scope="col">{t('insights.segments.kind')}</th>
            <th scope="col">{t('insights.segments.size')}</th>
            <th scope="col">{t('insights.segments.population')}</th>
            <th scope="col">{t('insights.segments.computedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <tr key={s.id} data-testid="segment-row">
              <th scope="row" className="cell-primary">
                {segmentLabel(t, s)}
              </th>
              <td>{t(`insights.kinds.${s.kind}`)}</td>
              {/* A member was erased since: the stored figures still count them, the API sends none. */}
              {s.stale ? (
                <td colSpan={2}>
                  <span
                    className="badge badge-danger"
                    title={t('insights.segments.staleHelp')}
                    data-testid="segment-stale"
                  >
                    {t('insights.segments.stale')}
                  </span>
                </td>
              ) : (
                <>
                  <td>
                    <SizeCell segment={s} />
                  </td>
                  <td>{s.population ?? t('insights.suppressed')}</td>
                </>
              )}
              <td>
                <DateTime value={s.computedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableCard>
  );
}

function RequestUseCard({ segments }: { segments: Segment[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [segmentId, setSegmentId] = useState(segments[0]!.id);
  const [campaign, setCampaign] = useState('');
  const mutation = useMutation({
    mutationFn: () => requestUse(segmentId, campaign.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: INSIGHTS_KEYS.uses });
      void queryClient.invalidateQueries({ queryKey: INSIGHTS_KEYS.audits });
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending || campaign.trim() === '') return;
    mutation.mutate();
  }
  const result = mutation.data;
  return (
    <section className="card" aria-labelledby="segments-use-title">
      <h2 id="segments-use-title">{t('insights.use.title')}</h2>
      <p className="muted">{t('insights.use.help')}</p>
      <form className="form form-grid" onSubmit={onSubmit} noValidate data-testid="segments-use-form">
        <div className="field">
          <label htmlFor="use-segment">{t('insights.use.segment')}</label>
          <select
            id="use-segment"
            value={segmentId}
            onChange={(e) => setSegmentId(e.target.value)}
            data-testid="use-segment"
          >
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {segmentLabel(t, s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="use-campaign">{t('insights.use.campaign')}</label>
          <input
            id="use-campaign"
            maxLength={200}
            value={campaign}
            onChange={(e) => setCampaign(e.target.value)}
            data-testid="use-campaign"
          />
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending || campaign.trim() === ''}
            data-testid="use-submit"
          >
            {t('insights.use.submit')}
          </button>
        </div>
      </form>
      <LiveRegion testId="use-result">
        {result ? (
          result.use.status === 'approved' ? (
            <Notice tone="success" title={t('insights.use.approved')}>
              <Link to="/fairness">{t('insights.use.seeAudit')}</Link>
            </Notice>
          ) : (
            <Notice tone="warning" title={t('insights.use.review')}>
              <FailureList failures={result.audit.failures} />
              <Link to="/fairness">{t('insights.use.seeAudit')}</Link>
            </Notice>
          )
        ) : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
      </LiveRegion>
    </section>
  );
}

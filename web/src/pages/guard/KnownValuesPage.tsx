import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addKnownValues, deleteKnownValue, fetchKnownValues, type KnownValue } from '../../api/guard';
import {
  ActionResult,
  ConfirmActionDialog,
  RowDangerButton,
  useConfirmedAction,
} from '../../components/ConfirmedAction';
import { DateTime } from '../../components/DateTime';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormSubmit } from '../../components/FormSubmit';
import { LiveRegion, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryBoundary } from '../../components/QueryBoundary';
import { TableCard } from '../../components/TableCard';
import { KNOWN_VALUE_ENTITIES, KNOWN_VALUE_LIMITS, type ParsedValues, parseValueLines } from './knownValues';
import { KNOWN_VALUES_QUERY_KEY } from './queryKeys';

export function KnownValuesPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: KNOWN_VALUES_QUERY_KEY, queryFn: fetchKnownValues });
  return (
    <>
      <PageHeader
        title={t('guardSettings.knownValues.title')}
        description={t('guardSettings.knownValues.description')}
      />
      <div className="stack">
        <AddKnownValues />
        <QueryBoundary query={query} loadingLabel={t('guardSettings.knownValues.loading')}>
          {(data) => <KnownValuesTable values={data.knownValues} />}
        </QueryBoundary>
      </div>
    </>
  );
}

function AddKnownValues() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [entity, setEntity] = useState<string>(KNOWN_VALUE_ENTITIES[0]);
  const [parsed, setParsed] = useState<ParsedValues>();
  const mutation = useMutation({
    mutationFn: addKnownValues,
    onSuccess: () => {
      // The values are gone from the page once registered: the server keeps them encrypted.
      setText('');
      void queryClient.invalidateQueries({ queryKey: KNOWN_VALUES_QUERY_KEY });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.reset();
    const result = parseValueLines(text);
    setParsed(result);
    if (result.values.length === 0 || result.tooMany) return;
    mutation.mutate(result.values.map((value) => ({ value, entity })));
  }

  return (
    <section className="card" aria-labelledby="known-add-title">
      <h2 id="known-add-title">{t('guardSettings.knownValues.addTitle')}</h2>
      <p className="muted">{t('guardSettings.knownValues.help')}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="known-values-form">
        <div className="field">
          <label htmlFor="known-values-input">{t('guardSettings.knownValues.values')}</label>
          <textarea
            id="known-values-input"
            rows={6}
            value={text}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="known-values-hint"
            onChange={(event) => setText(event.target.value)}
            data-testid="known-values-input"
          />
          <p id="known-values-hint" className="field-hint">
            {t('guardSettings.knownValues.valuesHint', {
              min: KNOWN_VALUE_LIMITS.min,
              max: KNOWN_VALUE_LIMITS.max,
            })}
          </p>
        </div>
        <div className="field field-narrow">
          <label htmlFor="known-values-entity">{t('guardSettings.knownValues.entity')}</label>
          <select
            id="known-values-entity"
            value={entity}
            onChange={(event) => setEntity(event.target.value)}
            data-testid="known-values-entity"
          >
            {KNOWN_VALUE_ENTITIES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <FormSubmit
          busy={mutation.isPending}
          label={t('guardSettings.knownValues.add')}
          busyLabel={t('guardSettings.saving')}
          testId="known-values-submit"
        />
      </form>
      <LiveRegion testId="known-values-result">
        {parsed && parsed.values.length === 0 ? (
          <Notice tone="warning">{t('guardSettings.knownValues.nothing')}</Notice>
        ) : null}
        {parsed?.tooMany ? (
          <Notice tone="danger">
            {t('guardSettings.knownValues.tooMany', { max: KNOWN_VALUE_LIMITS.perRequest })}
          </Notice>
        ) : null}
        {parsed && parsed.rejected > 0 ? (
          <Notice tone="warning">
            {t('guardSettings.knownValues.rejected', {
              count: parsed.rejected,
              lines: parsed.rejectedLines.join(', '),
            })}
          </Notice>
        ) : null}
        {mutation.isError ? <ErrorNotice error={mutation.error} testId="known-values-error" /> : null}
        {mutation.isSuccess ? (
          <Notice tone="success">
            {t('guardSettings.knownValues.added', {
              count: mutation.data.added,
              duplicates: mutation.data.duplicates + (parsed?.repeated ?? 0),
            })}
          </Notice>
        ) : null}
      </LiveRegion>
    </section>
  );
}

function KnownValuesTable({ values }: { values: KnownValue[] }) {
  const { t } = useTranslation();
  const removal = useConfirmedAction({
    run: (value: KnownValue) => deleteKnownValue(value.id),
    done: () => t('guardSettings.knownValues.deleted'),
    invalidates: KNOWN_VALUES_QUERY_KEY,
  });
  return (
    <>
      <TableCard
        id="known-table-title"
        title={t('guardSettings.knownValues.listTitle', { count: values.length })}
        notice={<ActionResult action={removal} testId="known-values-deleted" />}
        isEmpty={values.length === 0}
        empty={t('guardSettings.knownValues.empty')}
      >
        <table className="table" data-testid="known-values-table">
          <thead>
            <tr>
              <th scope="col">{t('guardSettings.knownValues.masked')}</th>
              <th scope="col">{t('guardSettings.knownValues.entity')}</th>
              <th scope="col">{t('guardSettings.knownValues.created')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('guardSettings.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {values.map((value) => (
              <tr key={value.id} data-testid="known-value-row" data-entity={value.entity}>
                <th scope="row" className="mono">
                  {value.masked}
                </th>
                <td className="mono">{value.entity}</td>
                <td>
                  <DateTime value={value.createdAt} format="date" />
                </td>
                <td className="cell-actions">
                  <RowDangerButton
                    label={t('guardSettings.delete')}
                    target={value.masked}
                    onClick={() => removal.ask(value)}
                    testId="known-value-delete"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableCard>
      <ConfirmActionDialog
        action={removal}
        title={() => t('guardSettings.knownValues.confirmDelete.title')}
        confirmLabel={() => t('guardSettings.knownValues.confirmDelete.confirm')}
      >
        {(pending) => <p>{t('guardSettings.knownValues.confirmDelete.body', { value: pending.masked })}</p>}
      </ConfirmActionDialog>
    </>
  );
}

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LiveRegion, Notice } from '../../components/Notice';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useNumberFormat } from '../../lib/numberFormat';
import { IMPORT_LIMIT_BYTES, type ImportIssue, type ImportReport, ISSUE_CODES, uploadImport } from './api';
import { issueLines } from './importIssues';

const DETAILED = new Set<ImportIssue['code']>(['invalid_value', 'unreadable']);

const formatOf = (name: string): 'csv' | 'json' => (/\.csv$/i.test(name) ? 'csv' : 'json');

/** Imports a CSV or JSON file all or nothing; a refused file shows the report of every invalid cell. */
export function ImportCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [dryRun, setDryRun] = useState(true);
  const [tooLarge, setTooLarge] = useState(false);
  const upload = useMutation({
    mutationFn: (input: { file: File; dryRun: boolean }) =>
      uploadImport(input.file, formatOf(input.file.name), input.dryRun),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file || upload.isPending) return;
    setTooLarge(file.size > IMPORT_LIMIT_BYTES);
    if (file.size > IMPORT_LIMIT_BYTES) return;
    upload.mutate({ file, dryRun });
  }
  return (
    <section className="card" aria-labelledby="customers-import-title">
      <h2 id="customers-import-title">{t('customers.import.title')}</h2>
      <p className="muted">{t('customers.import.help')}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="customers-import-form">
        <div className="field">
          <label htmlFor="customers-import-file">{t('customers.import.file')}</label>
          <input
            id="customers-import-file"
            type="file"
            accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json"
            onChange={(event) => setFile(event.target.files?.[0])}
            data-testid="customers-import-file"
          />
        </div>
        <div className="field checkbox-field">
          <input
            id="customers-import-dry-run"
            type="checkbox"
            checked={dryRun}
            onChange={(event) => setDryRun(event.target.checked)}
            data-testid="customers-import-dry-run"
          />
          <label htmlFor="customers-import-dry-run">{t('customers.import.dryRun')}</label>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={!file || upload.isPending}
            aria-busy={upload.isPending}
            data-testid="customers-import-submit"
          >
            {dryRun ? t('customers.import.check') : t('customers.import.submit')}
          </button>
        </div>
      </form>
      <LiveRegion testId="customers-import-result">
        {tooLarge ? (
          <Notice tone="danger">
            {t('customers.import.tooLarge', { mb: IMPORT_LIMIT_BYTES / 1024 / 1024 })}
          </Notice>
        ) : null}
        {upload.isError ? <ErrorNotice error={upload.error} /> : null}
        {upload.data ? <ImportReportView report={upload.data} /> : null}
      </LiveRegion>
    </section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const { number } = useNumberFormat();
  const rowsOf = (rows: number[]) =>
    rows.length === 1
      ? number(rows[0] ?? 0)
      : t('customers.import.rowSpan', { n: rows.length, first: rows[0], last: rows[rows.length - 1] });
  if (report.ok)
    return (
      <Notice tone="success" testId="customers-import-ok">
        {report.dryRun
          ? t('customers.import.dryRunOk', { count: report.rows })
          : t('customers.import.done', {
              created: report.created,
              updated: report.updated,
              consents: report.consents,
            })}
      </Notice>
    );
  return (
    <div data-testid="customers-import-report">
      <Notice tone="danger">
        {t('customers.import.refused', { rows: report.rows, invalid: report.invalidRows })}
      </Notice>
      <h3 id="customers-import-issues">{t('customers.import.issues')}</h3>
      <ScrollRegion labelledBy="customers-import-issues">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('customers.import.row')}</th>
              <th scope="col">{t('customers.import.column')}</th>
              <th scope="col">{t('customers.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {issueLines(report.issues).map((issue, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder
              <tr key={i}>
                <td>{rowsOf(issue.rows)}</td>
                <td>
                  <code>{issue.column || '-'}</code>
                </td>
                <td>
                  {ISSUE_CODES.includes(issue.code) ? t(`customers.issues.${issue.code}`) : null}
                  {/* The server's rule text (English) says which limit a value broke. */}
                  {DETAILED.has(issue.code) || !ISSUE_CODES.includes(issue.code) ? (
                    <span className="muted"> ({issue.reason})</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {report.issuesTruncated ? (
        <p className="muted">{t('customers.import.truncated', { count: report.issues.length })}</p>
      ) : null}
    </div>
  );
}

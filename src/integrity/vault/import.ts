import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { actorOf, type Principal, type Tx, type Vigie } from '../../core/index.js';
import { type ConsentWrite, writeConsents } from './consents.js';
import { writeProfiles } from './profiles.js';
import { type InputFormat, readRecords, UnreadableInput } from './read-records.js';
import { subjectOf } from './subject.js';
import { type ImportIssue, unknownColumns, type ValidRow, validateRow } from './validate-row.js';

/** Issues listed in a report; past this the report says it is truncated and reading stops. */
export const MAX_REPORTED_ISSUES = 1000;
export const DEFAULT_MAX_ROWS = 5_000_000;
const BATCH = 500;

export interface ImportOptions {
  format: InputFormat;
  dryRun?: boolean;
  maxRows?: number;
  /** Called every 1,000 rows with the rows read so far. */
  onProgress?: (rows: number) => void;
}

export interface ImportReport {
  importId: string;
  format: InputFormat;
  dryRun: boolean;
  /** True when every row was valid and, unless dry run, all of them were written. */
  ok: boolean;
  rows: number;
  invalidRows: number;
  created: number;
  updated: number;
  consents: number;
  issues: ImportIssue[];
  issuesTruncated: boolean;
}

/** Thrown inside the transaction to roll it back; never escapes importCustomers. */
class Rollback extends Error {}

type Pending = ValidRow & { subject: string };

/**
 * Imports profiles all-or-nothing: records are streamed, validated and written in batches inside one
 * transaction, which is rolled back if any row is invalid (or on a dry run), so a failed import leaves
 * nothing behind. Profiles are upserted by subject; a later row for the same customer wins.
 */
export async function importCustomers(
  vigie: Vigie,
  actor: Principal | undefined,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = {
    importId: randomUUID(),
    format: options.format,
    dryRun: options.dryRun ?? false,
    ok: false,
    rows: 0,
    invalidRows: 0,
    created: 0,
    updated: 0,
    consents: 0,
    issues: [],
    issuesTruncated: false,
  };
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const addIssues = (list: ImportIssue[]) => {
    for (const issue of list) {
      if (report.issues.length >= MAX_REPORTED_ISSUES) report.issuesTruncated = true;
      else report.issues.push(issue);
    }
  };
  const onHeader = (columns: string[]) =>
    addIssues(
      unknownColumns(columns).map((column) => ({
        row: 1,
        column,
        code: 'unknown_column' as const,
        reason: 'unknown column',
      })),
    );

  try {
    await vigie.db.transaction().execute(async (tx) => {
      let batch = new Map<string, Pending>();
      const flush = async () => {
        if (batch.size > 0 && report.issues.length === 0)
          await writeBatch(vigie, tx, [...batch.values()], report);
        batch = new Map();
      };
      for await (const { row, record } of readRecords(input, options.format, onHeader)) {
        if (++report.rows > maxRows) {
          addIssues([{ row, column: '', code: 'too_many_rows', reason: `more than ${maxRows} rows` }]);
          break;
        }
        if (report.rows % 1000 === 0) options.onProgress?.(report.rows);
        const result = validateRow(row, record);
        if (!result.ok) {
          report.invalidRows++;
          addIssues(result.issues);
          if (report.issuesTruncated) break;
          continue;
        }
        // Once a row has failed nothing will be kept: validate on, but stop writing.
        if (report.issues.length > 0) continue;
        const subject = subjectOf(vigie, result.value.profile.external_id);
        batch.delete(subject);
        batch.set(subject, { ...result.value, subject });
        if (batch.size >= BATCH) await flush();
      }
      await flush();
      if (report.issues.length > 0 || report.dryRun) throw new Rollback();
      await vigie.ledger.append(tx, [ledgerEntry(actor, report, 'customers.import')]);
      report.ok = true;
    });
  } catch (err) {
    if (err instanceof UnreadableInput)
      addIssues([{ row: err.row, column: '', code: 'unreadable', reason: err.reason }]);
    else if (!(err instanceof Rollback)) throw err;
  }
  if (!report.ok) {
    report.created = report.updated = report.consents = 0;
    report.ok = report.dryRun && report.issues.length === 0;
    if (!report.dryRun) await vigie.ledger.record(ledgerEntry(actor, report, 'customers.import.rejected'));
  }
  return report;
}

async function writeBatch(vigie: Vigie, tx: Tx, rows: Pending[], report: ImportReport): Promise<void> {
  const existing = await tx
    .selectFrom('customers')
    .select('subject')
    .where(
      'subject',
      'in',
      rows.map((r) => r.subject),
    )
    .execute();
  report.updated += existing.length;
  report.created += rows.length - existing.length;
  await writeProfiles(vigie, tx, rows);
  const consents: Array<ConsentWrite & { subject: string }> = rows.flatMap((r) =>
    r.consents.map((c) => ({
      subject: r.subject,
      purpose: c.purpose,
      status: c.status,
      lawful_basis: 'consent',
      source: r.consentSource,
      at: c.at ?? new Date().toISOString(),
    })),
  );
  await writeConsents(tx, consents);
  report.consents += consents.length;
}

/** Counts and ids only: the ledger never holds the personal data being imported. */
function ledgerEntry(actor: Principal | undefined, r: ImportReport, action: string) {
  return {
    actor: actorOf(actor),
    action,
    target: `import:${r.importId}`,
    details: {
      importId: r.importId,
      format: r.format,
      rows: r.rows,
      invalidRows: r.invalidRows,
      created: r.created,
      updated: r.updated,
      consents: r.consents,
      issues: r.issues.length,
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { actorOf, type LedgerEntryInput, type Principal, type Tx, type Vigie } from '../../core/index.js';
import { type ConsentWrite, writeConsents } from './consents.js';
import { consentTime } from './model.js';
import { mergeProfile, readProfiles, writeProfiles } from './profiles.js';
import { type InputFormat, readRecords, UnreadableInput } from './read-records.js';
import { subjectOf } from './subject.js';
import { headerIssues, type ImportIssue, type ValidRow, validateRow } from './validate-row.js';

/**
 * Issues listed in a report; past this the report says it is truncated, but the file is still read to
 * the end (validation only) so that its counts of rows and invalid rows are true.
 */
export const MAX_REPORTED_ISSUES = 1000;
export const DEFAULT_MAX_ROWS = 5_000_000;
const BATCH = 500;
/** Rows between two yields to the event loop: a long import must not freeze the server meanwhile. */
const YIELD_EVERY = 1000;
/** Per-subject consent ledger entries buffered before one append (each append signs one head). */
const LEDGER_BATCH = 10_000;

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
  /**
   * Consent decisions not applied because the vault holds a more recent one for the same customer and
   * purpose (e.g. an old export saying "yes" re-imported after the customer withdrew): the newer
   * decision stands. Not an error: the rest of the row and the file are imported.
   */
  consentsSkipped: number;
  issues: ImportIssue[];
  issuesTruncated: boolean;
}

/** Thrown inside the transaction to roll it back; never escapes importCustomers. */
class Rollback extends Error {}

type Pending = ValidRow & { subject: string; row: number };

/**
 * Imports profiles all-or-nothing: records are streamed, validated and written in batches inside one
 * transaction, which is rolled back if any row is invalid (or on a dry run), so a failed import leaves
 * nothing behind. A row updates its customer's stored profile field by field: a column absent from
 * the file keeps the stored value, a present column with an empty cell clears it. The same customer
 * twice in one file is refused (which row would win is a guess the import does not make).
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
    consentsSkipped: 0,
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
  // A first line with no known column is data, not a header: one issue, and nothing more is read (each
  // row would otherwise repeat the "unknown columns", i.e. the first person's values).
  let notHeader = false;
  const onHeader = (columns: string[]) => {
    const issues = headerIssues(columns);
    notHeader = issues.some((i) => i.code === 'not_a_header');
    addIssues(issues);
  };

  try {
    await vigie.db.transaction().execute(async (tx) => {
      let batch = new Map<string, Pending>();
      let entries: LedgerEntryInput[] = [];
      const appendEntries = async () => {
        // A dry run is rolled back: its ledger entries would be too, so they are not built at all.
        if (entries.length > 0 && !report.dryRun) await vigie.ledger.append(tx, entries);
        entries = [];
      };
      const flush = async () => {
        if (batch.size === 0) return;
        const pending = [...batch.values()];
        batch = new Map();
        // Checked even once the import has failed, so that the report lists every such row at once.
        const erased = await refuseErased(tx, pending);
        report.invalidRows += erased.length;
        addIssues(erased);
        if (report.issues.length > 0) return;
        const merged = await mergeBatch(vigie, tx, pending, report);
        addIssues(merged.issues);
        if (report.issues.length > 0) return;
        entries.push(...(await writeBatch(vigie, tx, merged.rows, report, actor)));
        if (entries.length >= LEDGER_BATCH) await appendEntries();
      };
      // The first row of each customer: a Set-like map of fixed-size subject hashes (43 chars) and row
      // numbers, bounded by the row cap, to refuse a customer's second row wherever it comes.
      const firstRow = new Map<string, number>();
      for await (const { row, record } of readRecords(input, options.format, onHeader)) {
        if (notHeader) break;
        // Validation and sealing are synchronous: without a yield now and then, a large import (a 300k-
        // row dry run took ~25 s) holds the event loop and the whole server stops answering meanwhile.
        if (report.rows % YIELD_EVERY === 0) await new Promise<void>((r) => setImmediate(r));
        if (++report.rows > maxRows) {
          addIssues([{ row, column: '', code: 'too_many_rows', reason: `more than ${maxRows} rows` }]);
          break;
        }
        if (report.rows % 1000 === 0) options.onProgress?.(report.rows);
        const result = validateRow(row, record);
        if (!result.ok) {
          report.invalidRows++;
          addIssues(result.issues);
          continue;
        }
        // Once a row has failed nothing will be kept: validate on (and check erasures), but stop writing.
        const subject = subjectOf(vigie, result.value.profile.external_id);
        const first = firstRow.get(subject);
        if (first !== undefined) {
          report.invalidRows++;
          addIssues([
            {
              row,
              column: result.value.keyColumn,
              code: 'duplicate_key',
              reason: `the same customer appears on row ${first}`,
            },
          ]);
          continue;
        }
        firstRow.set(subject, row);
        batch.set(subject, { ...result.value, subject, row });
        if (batch.size >= BATCH) await flush();
      }
      await flush();
      if (report.issues.length > 0 || report.dryRun) throw new Rollback();
      await appendEntries();
      await vigie.ledger.append(tx, [ledgerEntry(actor, report, 'customers.import')]);
      report.ok = true;
    });
  } catch (err) {
    if (err instanceof UnreadableInput)
      addIssues([{ row: err.row, column: '', code: 'unreadable', reason: err.reason }]);
    else if (!(err instanceof Rollback)) throw err;
  }
  if (!report.ok) {
    report.created = report.updated = report.consents = report.consentsSkipped = 0;
    report.ok = report.dryRun && report.issues.length === 0;
    if (!report.dryRun) await vigie.ledger.record(ledgerEntry(actor, report, 'customers.import.rejected'));
  }
  return report;
}

/**
 * A customer who asked for erasure is on the suppression list (erased_subjects): importing them again
 * would bring their profile back while their later events are dropped. Such rows are refused, which
 * fails the import as a whole (nothing half-imported); the issue names the row, never the person.
 */
async function refuseErased(tx: Tx, rows: Pending[]): Promise<ImportIssue[]> {
  const erased = await tx
    .selectFrom('erased_subjects')
    .select('subject')
    .where(
      'subject',
      'in',
      rows.map((r) => r.subject),
    )
    .execute();
  if (erased.length === 0) return [];
  const gone = new Set(erased.map((e) => e.subject));
  return rows
    .filter((r) => gone.has(r.subject))
    .map((r) => ({
      row: r.row,
      column: 'external_id',
      code: 'erased_subject' as const,
      reason: 'this customer asked for erasure: their data may not be imported again',
    }));
}

/**
 * Each row merged into its customer's stored profile (one query for the batch): absent columns are
 * kept, cleared ones removed. A merged profile that breaks a rule (a gender whose lawful basis the row
 * cleared, a national phone number without a country) is an issue on the row; the batch is then not
 * written. Counts created and updated customers.
 */
async function mergeBatch(
  vigie: Vigie,
  tx: Tx,
  rows: Pending[],
  report: ImportReport,
): Promise<{ rows: Pending[]; issues: ImportIssue[] }> {
  const stored = await readProfiles(
    vigie,
    tx,
    rows.map((r) => r.subject),
  );
  report.updated += stored.size;
  report.created += rows.length - stored.size;
  const out: Pending[] = [];
  const issues: ImportIssue[] = [];
  for (const r of rows) {
    const patch: Record<string, unknown> = { ...r.profile };
    for (const f of r.cleared) patch[f] = null;
    const merged = mergeProfile(stored.get(r.subject) ?? { external_id: r.profile.external_id }, patch);
    if (merged.ok) out.push({ ...r, profile: merged.profile, phone: merged.phone });
    else {
      report.invalidRows++;
      for (const [column, code, reason] of merged.problems) issues.push({ row: r.row, column, code, reason });
    }
  }
  return { rows: out, issues };
}

/**
 * Writes one batch and returns the ledger entries of the consent decisions it applied: one per customer
 * and purpose, with the same action and target as a consent changed through the API (setConsent), so
 * the access export's history shows it. Pseudonymous subject id, purpose and basis only.
 */
async function writeBatch(
  vigie: Vigie,
  tx: Tx,
  rows: Pending[],
  report: ImportReport,
  actor: Principal | undefined,
): Promise<LedgerEntryInput[]> {
  await writeProfiles(vigie, tx, rows);
  const now = new Date().toISOString();
  const consents: Array<ConsentWrite & { subject: string }> = rows.flatMap((r) =>
    r.consents.map((c) => ({
      subject: r.subject,
      purpose: c.purpose,
      status: c.status,
      lawful_basis: 'consent',
      source: r.consentSource,
      at: consentTime(c.at, now),
    })),
  );
  const ignored = new Set((await writeConsents(tx, consents)).map((w) => `${w.subject} ${w.purpose}`));
  report.consents += consents.length - ignored.size;
  report.consentsSkipped += ignored.size;
  if (report.dryRun) return [];
  const by = actorOf(actor);
  return consents
    .filter((c) => !ignored.has(`${c.subject} ${c.purpose}`))
    .map((c) => ({
      actor: by,
      action: `customers.consent.${c.status === 'given' ? 'give' : 'withdraw'}`,
      target: `subject:${c.subject}`,
      details: { purpose: c.purpose, lawfulBasis: c.lawful_basis, importId: report.importId },
    }));
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
      consentsSkipped: r.consentsSkipped,
      issues: r.issues.length,
    },
  };
}

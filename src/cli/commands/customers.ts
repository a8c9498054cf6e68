import { createReadStream, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { AppError } from '../../core/index.js';
import {
  accessExport,
  eraseSubject,
  findSubjects,
  getConsents,
  getRetention,
  type ImportReport,
  type InputFormat,
  importCustomers,
  LAWFUL_BASES,
  PURPOSES,
  purgeExpiredCustomers,
  setConsent,
  setRetention,
} from '../../integrity/vault/index.js';
import { CLI_PRINCIPAL, withVigie } from '../context.js';
import { endProgress, type Format, type Io, output, parseIntArg, progress, table } from '../io.js';
import { formatOption } from './options.js';
import { emailOption, resolveSubject, subjectOption } from './subject-options.js';

/** The CLI streams imports, so it takes files far larger than the API; still bounded. */
const MAX_IMPORT_FILE_BYTES = 2 * 1024 ** 3;

function inputFormatOf(file: string, given: string | undefined): InputFormat {
  if (given === 'csv' || given === 'json') return given;
  if (given) throw new InvalidArgumentError('--input-format: expected csv or json');
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(json|jsonl|ndjson)$/i.test(file)) return 'json';
  throw new AppError('VALIDATION', `cannot tell the format of ${file}: use --input-format csv or json`);
}

function fileSize(path: string): number {
  let size: number;
  try {
    const s = statSync(path);
    if (!s.isFile()) throw new Error();
    size = s.size;
  } catch {
    throw new AppError('VALIDATION', `cannot read ${path}`);
  }
  if (size > MAX_IMPORT_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `${path} is larger than 2 GiB`);
  return size;
}

function reportText(r: ImportReport): string {
  const head = r.ok
    ? `${r.dryRun ? 'dry run: ' : ''}${r.rows} row(s) valid${r.dryRun ? '' : `; ${r.created} created, ${r.updated} updated, ${r.consents} consent(s)`}`
    : `${r.rows} row(s) read, ${r.invalidRows} invalid: nothing was imported`;
  if (r.issues.length === 0) return head;
  const more = r.issuesTruncated ? `\n(only the first ${r.issues.length} issues are listed)` : '';
  return `${head}\n${table(r.issues as unknown as Array<Record<string, unknown>>, ['row', 'column', 'reason'])}${more}`;
}

export function registerCustomerCommands(program: Command, io: Io): void {
  const customers = program
    .command('customers')
    .description('customer vault: import, consent, data subject requests');

  customers
    .command('import <file>')
    .description(
      'import profiles from CSV or JSON (array or JSON lines): all or nothing, with a validation report; existing customers are updated field by field (columns not in the file are kept, an empty cell clears the field); a customer may appear once per file',
    )
    .option('--input-format <format>', 'csv or json (default: from the file extension)')
    .option('--dry-run', 'validate only, write nothing')
    .addOption(formatOption())
    .action(async (file: string, o: { inputFormat?: string; dryRun?: boolean; format: Format }) => {
      const format = inputFormatOf(file, o.inputFormat);
      const size = fileSize(file);
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      const report = await withVigie(io, (vigie) =>
        importCustomers(vigie, CLI_PRINCIPAL, createReadStream(file).pipe(counter), {
          format,
          dryRun: o.dryRun,
          onProgress: (rows) =>
            progress(
              io,
              `importing ${file}: ${rows} rows, ${size ? Math.round((bytes / size) * 100) : 100}%`,
            ),
        }),
      );
      endProgress(io);
      output(io, o.format, report, reportText);
      if (!report.ok)
        throw new AppError(
          'VALIDATION',
          `${report.invalidRows || 'some'} invalid row(s): nothing was imported`,
        );
    });

  customers
    .command('find')
    .description('find customers by e-mail (through the blind index)')
    .requiredOption('--email <address>', 'the e-mail')
    .addOption(formatOption())
    .action(async (o: { email: string; format: Format }) => {
      const subjects = await withVigie(io, (vigie) => findSubjects(vigie, CLI_PRINCIPAL, { email: o.email }));
      output(io, o.format, { subjects }, (d) => (d.subjects.length ? d.subjects.join('\n') : '(none)'));
    });

  customers
    .command('export-subject')
    .description('access request: everything held about a customer, as JSON')
    .addOption(subjectOption())
    .addOption(emailOption())
    .action(async (o: { subject?: string; email?: string }) => {
      const data = await withVigie(io, async (vigie) =>
        accessExport(vigie, CLI_PRINCIPAL, await resolveSubject(vigie, o)),
      );
      io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    });

  customers
    .command('erase')
    .description('erasure request: delete the customer everywhere and destroy its key')
    .addOption(subjectOption())
    .addOption(emailOption())
    .option('--yes', 'confirm the erasure (it cannot be undone)')
    .addOption(formatOption())
    .action(async (o: { subject?: string; email?: string; yes?: boolean; format: Format }) => {
      if (!o.yes) throw new AppError('VALIDATION', 'erasure cannot be undone: add --yes to confirm');
      const r = await withVigie(io, async (vigie) =>
        eraseSubject(vigie, CLI_PRINCIPAL, await resolveSubject(vigie, o)),
      );
      output(
        io,
        o.format,
        r,
        (d) =>
          `erased ${d.subject} (request ${d.requestId}): ${Object.entries(d.deleted)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}`,
      );
    });

  const consent = customers.command('consent').description('consent per purpose');
  consent
    .command('get')
    .description("a customer's consents")
    .addOption(subjectOption())
    .addOption(emailOption())
    .addOption(formatOption())
    .action(async (o: { subject?: string; email?: string; format: Format }) => {
      const consents = await withVigie(io, async (vigie) =>
        getConsents(vigie, await resolveSubject(vigie, o)),
      );
      output(io, o.format, { consents }, (d) =>
        table(d.consents as unknown as Array<Record<string, unknown>>, [
          'purpose',
          'status',
          'lawful_basis',
          'source',
          'given_at',
          'withdrawn_at',
        ]),
      );
    });
  consent
    .command('set')
    .description('give or withdraw consent for a purpose')
    .addOption(subjectOption())
    .addOption(emailOption())
    .addOption(new Option('--purpose <purpose>').choices(PURPOSES).makeOptionMandatory())
    .addOption(new Option('--status <status>').choices(['given', 'withdrawn']).makeOptionMandatory())
    .addOption(new Option('--basis <basis>', 'lawful basis').choices(LAWFUL_BASES).default('consent'))
    .option('--source <source>', 'where the decision was collected', 'cli')
    .addOption(formatOption())
    .action(
      async (o: {
        subject?: string;
        email?: string;
        purpose: (typeof PURPOSES)[number];
        status: 'given' | 'withdrawn';
        basis: (typeof LAWFUL_BASES)[number];
        source: string;
        format: Format;
      }) => {
        const consents = await withVigie(io, async (vigie) =>
          setConsent(vigie, CLI_PRINCIPAL, await resolveSubject(vigie, o), {
            purpose: o.purpose,
            status: o.status,
            lawful_basis: o.basis,
            source: o.source,
          }),
        );
        output(io, o.format, { consents }, (d) =>
          table(d.consents as unknown as Array<Record<string, unknown>>, [
            'purpose',
            'status',
            'lawful_basis',
            'source',
          ]),
        );
      },
    );

  customers
    .command('retention')
    .description('show or set the retention period of customer profiles')
    .option('--days <n>', 'set the period (days without update or activity)', parseIntArg)
    .addOption(formatOption())
    .action(async (o: { days?: number; format: Format }) => {
      const r = await withVigie(io, (vigie) =>
        o.days === undefined ? getRetention(vigie) : setRetention(vigie, CLI_PRINCIPAL, { days: o.days }),
      );
      output(io, o.format, r, (d) => `retention: ${d.days} days`);
    });

  customers
    .command('purge-expired')
    .description('delete the profiles past the retention period now')
    .addOption(formatOption())
    .action(async (o: { format: Format }) => {
      const r = await withVigie(io, (vigie) => purgeExpiredCustomers(vigie, CLI_PRINCIPAL));
      output(
        io,
        o.format,
        r,
        (d) => `${d.deleted} profile(s) deleted (not updated or active since ${d.cutoff})`,
      );
    });
}

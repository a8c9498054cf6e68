import { type Command, Option } from 'commander';
import { AppError } from '../../core/index.js';
import {
  type EventFileFormat,
  type ImportReport,
  importEvents,
  renderReasons,
} from '../../integrity/index.js';
import { CLI_PRINCIPAL, withVigie } from '../context.js';
import { CheckFailed, endProgress, type Io, output, parseIntArg, progress } from '../io.js';
import { fileSize } from './integrity.js';

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

/** `done/total MB, rows/s`, with a bar: what a person watching a 1 GB import wants to know. */
function progressLine(bytes: number, total: number, rows: number, startedAt: number): string {
  const share = total > 0 ? Math.min(1, bytes / total) : 0;
  const width = 24;
  const filled = Math.round(share * width);
  const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}%  ${mb(bytes)}/${mb(total)} MB  ${rows} rows  ${Math.round(rows / seconds)} rows/s`;
}

function summary(r: ImportReport, locale: 'en' | 'fr', seconds: number): string {
  const quarantined = r.batches.filter((b) => b.status === 'quarantined');
  const lines = [
    `${r.rows} rows (${r.format}) in ${seconds.toFixed(1)} s: ${r.stored} events stored in ${r.batches.length} batch(es), ${quarantined.length} quarantined`,
    `duplicates skipped: ${r.duplicates.inBatch} repeated in the file, ${r.duplicates.alreadyStored} already stored`,
  ];
  if (r.erased) lines.push(`dropped: ${r.erased} events of customers who asked for erasure`);
  if (r.ignoredColumns.length) lines.push(`ignored columns: ${r.ignoredColumns.join(', ')}`);
  if (r.malformedCount) {
    lines.push(`${r.malformedCount} malformed row(s):`);
    for (const m of r.malformed.slice(0, 20))
      lines.push(`  row ${m.row}${m.column ? `, column ${m.column}` : ''}: ${m.reason}`);
  }
  for (const b of quarantined) {
    lines.push(`batch ${b.batchId} quarantined:`);
    for (const reason of renderReasons(b.reasons, locale)) lines.push(`  - ${reason.message}`);
  }
  return lines.join('\n');
}

export function registerEventCommands(program: Command, io: Io): void {
  const events = program.command('events').description('behavioural events: import, checked for poisoning');
  events
    .command('import <file>')
    .description(
      'import events (CSV with header event_id,customer_id,type,item,value,occurred_at, or JSON lines), streamed in batches; exit 1 if a batch is quarantined',
    )
    .addOption(
      new Option('--format <format>', 'output (text, json), or the file format (csv, jsonl)')
        .choices(['text', 'json', 'csv', 'jsonl'])
        .default('text'),
    )
    .addOption(
      new Option('--input-format <format>', 'file format (default: detected)').choices(['csv', 'jsonl']),
    )
    .option('--batch-size <n>', 'valid rows per checked batch', parseIntArg, 50_000)
    .addOption(new Option('--locale <locale>', 'language of the reasons').choices(['en', 'fr']).default('en'))
    .action(
      async (
        file: string,
        o: { format: string; inputFormat?: EventFileFormat; batchSize: number; locale: 'en' | 'fr' },
      ) => {
        const total = await fileSize(file);
        // `--format csv|jsonl` names the file; `--format json` the output (the CLI contract).
        const inputFormat =
          o.inputFormat ?? (o.format === 'csv' || o.format === 'jsonl' ? o.format : undefined);
        const startedAt = Date.now();
        const report = await withVigie(io, (vigie) =>
          importEvents(vigie, CLI_PRINCIPAL, file, {
            source: 'cli',
            format: inputFormat,
            batchSize: Math.max(1, o.batchSize),
            onProgress: (p) => progress(io, progressLine(p.bytes, total, p.rows, startedAt)),
          }),
        );
        endProgress(io);
        // Nothing valid is an input error, not a quiet success a script would take for an import.
        if (report.valid === 0)
          throw new AppError(
            'VALIDATION',
            report.malformedCount > 0
              ? `no valid event in ${file}: all ${report.malformedCount} row(s) are malformed (first at row ${report.malformed[0]?.row}: ${report.malformed[0]?.reason})`
              : `no event in ${file}`,
          );
        const seconds = (Date.now() - startedAt) / 1000;
        output(io, o.format === 'json' ? 'json' : 'text', report, (r) => summary(r, o.locale, seconds));
        if (report.batches.some((b) => b.status === 'quarantined'))
          throw new CheckFailed(
            'some events were quarantined: see `vigie integrity batches --status quarantined`',
          );
      },
    );
}

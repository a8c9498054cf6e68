import { stat } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { AppError } from '../../core/index.js';
import {
  BATCH_STATUSES,
  type BatchStatus,
  decideBatch,
  type EventBatch,
  fairnessReportFromCsv,
  listBatches,
  renderReasons,
  scanRatingsFile,
} from '../../integrity/index.js';
import { CLI_PRINCIPAL, withVigie } from '../context.js';
import { endProgress, type Format, type Io, output, parseIntArg, progress, table } from '../io.js';
import { formatOption } from './options.js';

export async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error();
    return s.size;
  } catch {
    throw new AppError('VALIDATION', `cannot read ${path}`);
  }
}

/** `--scale MIN,MAX`: two finite numbers, MIN < MAX. */
export function parseScale(text: string): { min: number; max: number } {
  const parts = text.split(',');
  const [min, max] = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (parts.length !== 2 || !Number.isFinite(min) || !Number.isFinite(max) || min! >= max!)
    throw new AppError('VALIDATION', '--scale must be MIN,MAX with MIN < MAX, e.g. 1,5');
  return { min: min!, max: max! };
}

const pct = (done: number, total: number) =>
  total > 0 ? `${Math.min(100, Math.round((done / total) * 100))}%` : '';

export function registerIntegrityCommands(program: Command, io: Io): void {
  const integrity = program.command('integrity').description('data poisoning and fairness checks');

  integrity
    .command('scan-ratings <file>')
    .description(
      'find shilling profiles and target items in ratings (MovieLens u.data, or CSV user,item,rating[,timestamp])',
    )
    .option(
      '--scale <min,max>',
      'rating scale, e.g. 1,5 (default: inferred from the values in common use, which a file with enough out-of-scale ratings can shift)',
    )
    .addOption(formatOption())
    .action(async (file: string, o: { format: Format; scale?: string }) => {
      const scale = o.scale === undefined ? undefined : parseScale(o.scale);
      const size = await fileSize(file);
      const { report, input } = await scanRatingsFile(file, {
        scale,
        read: { onProgress: (bytes) => progress(io, `reading ${file}: ${pct(bytes, size)}`) },
      });
      endProgress(io);
      // An empty result on a file that held no rating would read as "clean".
      if (input.ratings === 0)
        throw new AppError(
          'VALIDATION',
          input.malformedCount > 0
            ? `no valid rating in ${file}: all ${input.malformedCount} row(s) are malformed (first at line ${input.malformed[0]?.line})`
            : `no rating in ${file}`,
        );
      if (input.malformedCount > 0)
        io.stderr.write(
          `${input.malformedCount} malformed row(s) skipped (first at line ${input.malformed[0]?.line})\n`,
        );
      output(io, o.format, report, (r) =>
        [
          `${input.ratings} ratings (${input.format}); ${r.suspicious_users.length} suspicious user(s), ${r.target_items.length} target item(s)`,
          ...r.suspicious_users
            .slice(0, 50)
            .map(
              (u) =>
                `user ${u.user}  score ${u.score.toFixed(3)}  ${u.reasons.map((x) => x.code).join(', ')}`,
            ),
          ...r.target_items
            .slice(0, 50)
            .map((t) => `item ${t.item}  ${t.direction}  score ${t.score.toFixed(3)}`),
        ].join('\n'),
      );
    });

  integrity
    .command('fairness <file>')
    .description('fairness metrics of a binary decision across groups (Fairlearn and AIF360 definitions)')
    .requiredOption('--prediction <column>', 'column holding the decision (1/0, true/false, yes/no)')
    .requiredOption('--group <column>', 'column holding the protected attribute')
    .option('--label <column>', 'column holding the true outcome (enables TPR, FPR and the odds metrics)')
    .option('--privileged <value>', 'group value taken as privileged for the AIF360 metrics')
    .addOption(formatOption())
    .action(
      async (
        file: string,
        o: { prediction: string; group: string; label?: string; privileged?: string; format: Format },
      ) => {
        await fileSize(file);
        const report = await fairnessReportFromCsv(file, {
          prediction: o.prediction,
          group: o.group,
          label: o.label,
          privileged: o.privileged,
        });
        output(io, o.format, report, (r) =>
          [
            ...Object.entries(r.groups).map(
              ([g, v]) =>
                `group ${g}: n=${v.n} selection_rate=${v.selection_rate.toFixed(4)}${v.tpr !== undefined ? ` tpr=${v.tpr}` : ''}${v.fpr !== undefined ? ` fpr=${v.fpr}` : ''}`,
            ),
            ...Object.entries(r.metrics).map(
              ([k, v]) => `${k}: ${typeof v === 'number' ? v.toFixed(4) : String(v)}`,
            ),
          ].join('\n'),
        );
      },
    );

  integrity
    .command('batches')
    .description('event batches, newest first, with the reasons of quarantined ones')
    .addOption(new Option('--status <status>', 'only batches with this status').choices([...BATCH_STATUSES]))
    .option('--limit <n>', 'how many', parseIntArg, 50)
    .addOption(new Option('--locale <locale>', 'language of the reasons').choices(['en', 'fr']).default('en'))
    .addOption(formatOption())
    .action(async (o: { status?: BatchStatus; limit: number; locale: 'en' | 'fr'; format: Format }) => {
      const batches = await withVigie(io, (vigie) =>
        listBatches(vigie, { status: o.status, limit: Math.min(Math.max(o.limit, 1), 500) }),
      );
      const explained = batches.map((b) => ({ ...b, reasons: renderReasons(b.reasons, o.locale) }));
      output(io, o.format, { batches: explained }, (d) =>
        [
          table(
            d.batches.map((b) => ({ ...b, reasons: b.reasons.map((r) => r.code).join(',') })),
            ['id', 'status', 'source', 'count', 'receivedAt', 'reasons'],
          ),
          ...d.batches
            .filter((b) => b.reasons.length)
            .flatMap((b) => [`${b.id}:`, ...b.reasons.map((r) => `  - ${r.message}`)]),
        ].join('\n'),
      );
    });

  for (const decision of ['release', 'purge'] as const) {
    integrity
      .command(`${decision} <id>`)
      .description(
        decision === 'release'
          ? 'release a quarantined batch: its events may be used'
          : 'purge a quarantined batch: its events are deleted',
      )
      .addOption(formatOption())
      .action(async (id: string, o: { format: Format }) => {
        const batch = await withVigie(io, (vigie) => decideBatch(vigie, CLI_PRINCIPAL, id, decision));
        output(
          io,
          o.format,
          { batch },
          (d: { batch: EventBatch }) => `batch ${d.batch.id}: ${d.batch.status}`,
        );
      });
  }
}

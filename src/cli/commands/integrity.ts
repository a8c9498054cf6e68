import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../core/index.js';
import { fairnessReportFromCsv, scanRatingsFile } from '../../integrity/index.js';
import { endProgress, type Format, type Io, output, progress } from '../io.js';
import { formatOption } from './options.js';

async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error();
    return s.size;
  } catch {
    throw new AppError('VALIDATION', `cannot read ${path}`);
  }
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
    .addOption(formatOption())
    .action(async (file: string, o: { format: Format }) => {
      const size = await fileSize(file);
      const { report, input } = await scanRatingsFile(file, {
        read: { onProgress: (bytes) => progress(io, `reading ${file}: ${pct(bytes, size)}`) },
      });
      endProgress(io);
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
}

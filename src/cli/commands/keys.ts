import { type Command, Option } from 'commander';
import { rewrapAll, rotateDataKey } from '../../core/index.js';
import { CLI_PRINCIPAL, withVigie } from '../context.js';
import { endProgress, type Format, type Io, output, parseIntArg, progress } from '../io.js';
import { formatOption } from './options.js';

export function registerKeyCommands(program: Command, io: Io): void {
  const keys = program.command('keys').description('data keys of the vault');

  keys
    .command('rotate')
    .description('add a data key version; new data is sealed with it, old data stays readable')
    .addOption(formatOption())
    .action(async (o: { format: Format }) => {
      const version = await withVigie(io, (vigie) => rotateDataKey(vigie, CLI_PRINCIPAL));
      output(
        io,
        o.format,
        { version },
        (d) => `data key version ${d.version} is now current; run "vigie keys rewrap" to move old data`,
      );
    });

  keys
    .command('rewrap')
    .description('re-seal data written under older keys with the current one (resumable)')
    .addOption(new Option('--batch-size <n>', 'rows per transaction').default(200).argParser(parseIntArg))
    .addOption(formatOption())
    .action(async (o: { batchSize: number; format: Format }) => {
      const result = await withVigie(io, (vigie) =>
        rewrapAll(vigie, CLI_PRINCIPAL, {
          batchSize: Math.max(1, o.batchSize),
          onProgress: (p) => {
            progress(io, `${p.table}.${p.column}: ${p.rewrapped} rewrapped`);
          },
        }),
      );
      endProgress(io);
      output(
        io,
        o.format,
        result,
        (d) => `rewrapped ${d.rewrapped} values to key version ${d.version}; ${d.remaining} remaining`,
      );
    });
}

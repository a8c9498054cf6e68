import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import {
  AppError,
  backup,
  createLogger,
  ensureAdmin,
  loadConfig,
  openVigie,
  restore,
} from '../../core/index.js';
import { startServer } from '../../server/index.js';
import { withVigie } from '../context.js';
import { endProgress, type Format, type Io, output, parseIntArg, progress } from '../io.js';
import { restoreTextCommand } from './guard.js';
import { formatOption } from './options.js';

export function registerWorkspaceCommands(program: Command, io: Io): void {
  program
    .command('serve')
    .description('serve the console and the API')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(new Option('--port <port>', 'port to listen on').default(8080).argParser(parseIntArg))
    .action(async (o: { host: string; port: number }) => {
      const config = loadConfig(io.env);
      const vigie = await openVigie(config, { log: createLogger(config.logLevel, io.stderr) });
      const app = await startServer(vigie, {
        host: o.host,
        port: o.port,
        announce: (l) => io.stdout.write(`${l}\n`),
      });
      // Keep the command running until the server closes (SIGINT / SIGTERM).
      await new Promise<void>((resolvePromise) => app.server.once('close', () => resolvePromise()));
    });

  program
    .command('init')
    .description('create the workspace (database, keys, admin user) without serving')
    .addOption(formatOption())
    .action(async (o: { format: Format }) => {
      const result = await withVigie(io, async (vigie) => ({
        home: vigie.config.home,
        engine: vigie.storage.dialect,
        admin: await ensureAdmin(vigie),
      }));
      output(
        io,
        o.format,
        {
          home: result.home,
          engine: result.engine,
          adminCreated: result.admin.created,
          adminPassword: result.admin.generated ? result.admin.password : undefined,
        },
        (d) =>
          [
            `workspace ready in ${d.home} (${d.engine})`,
            ...(d.adminCreated
              ? [
                  d.adminPassword
                    ? `created user "admin" with password: ${d.adminPassword}  (shown once)`
                    : 'created user "admin" with VIGIE_ADMIN_PASSWORD',
                ]
              : []),
          ].join('\n'),
      );
    });

  program
    .command('backup')
    .description('consistent online copy of the workspace, encrypted with a key derived from the master key')
    .requiredOption('--out <file>', 'backup file to create (never overwritten)')
    .addOption(formatOption())
    .action(async (o: { out: string; format: Format }) => {
      const header = await withVigie(io, (vigie) =>
        backup(vigie, resolve(o.out), (table, rows) => {
          progress(io, `backing up ${table}: ${rows} rows`);
        }),
      );
      endProgress(io);
      const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
      output(
        io,
        o.format,
        { file: resolve(o.out), createdAt: header.createdAt, rows, counts: header.counts },
        (d) => `backed up ${d.rows} rows to ${d.file}`,
      );
    });

  program
    .command('restore [file]')
    .description(
      'with --map: restore pseudonymised values in a text ("-" reads stdin); without: replace the workspace with a backup (stop the server first; a file that fails its integrity check is refused)',
    )
    .option('--map <file>', 'map reference written by `vigie redact`')
    .addOption(formatOption())
    .action(async (file: string | undefined, o: { format: Format; map?: string }) => {
      if (o.map) return restoreTextCommand(io, file, o.map);
      if (!file) throw new AppError('VALIDATION', 'restore needs a backup file, or --map to restore a text');
      const header = await withVigie(io, (vigie) =>
        restore(vigie, resolve(file), (rows) => {
          progress(io, `restored ${rows} rows`);
        }),
      );
      endProgress(io);
      output(
        io,
        o.format,
        { restored: resolve(file), createdAt: header.createdAt },
        (d) => `restored the backup of ${d.createdAt}`,
      );
    });
}

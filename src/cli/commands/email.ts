import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { AppError, loadConfig } from '../../core/index.js';
import {
  analyseEmail,
  type EmailAnalysis,
  type EmailVerdict,
  MAX_MESSAGE_BYTES,
  recordEmailAnalysis,
  shieldProtection,
} from '../../shield/index.js';
import { CLI_PRINCIPAL, withVigie } from '../context.js';
import { CheckFailed, type Io, readBounded } from '../io.js';
import { registerMailboxCommands } from './email-mailbox.js';

const RANK: Record<EmailVerdict, number> = { clean: 0, suspicious: 1, phishing: 2 };

async function readMessage(path: string, io: Io): Promise<Buffer> {
  if (path === '-') {
    return readBounded(
      io.stdin,
      MAX_MESSAGE_BYTES,
      `message larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB`,
    );
  }
  const info = await stat(path);
  if (info.isDirectory()) throw new Error('is a directory');
  if (info.size > MAX_MESSAGE_BYTES)
    throw new Error(`message larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB`);
  return readFile(path);
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EACCES') return 'permission denied';
  return err instanceof AppError ? err.message : (e.message ?? 'cannot analyse');
}

export function registerEmailCommands(program: Command, io: Io): void {
  const email = program.command('email').description('phishing analysis of e-mails');
  email
    .command('analyze <files...>')
    .alias('analyse')
    .description('analyse raw messages (.eml; "-" reads stdin): score 0-100, verdict and the reasons')
    .option('--offline', 'no DNS: trust the receiving server’s Authentication-Results header')
    .option(
      '--authserv-id <id>',
      'with --offline, trust only Authentication-Results written by this receiving server (repeatable)',
      (value: string, all: string[]) => [...all, value.trim().toLowerCase()],
      [] as string[],
    )
    .addOption(
      new Option('--fail-on <verdict>', 'exit 1 when a verdict reaches this level')
        .choices(['suspicious', 'phishing'])
        .default('phishing'),
    )
    .addOption(
      new Option('--locale <locale>', 'language of the explanations').choices(['en', 'fr']).default('en'),
    )
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .action(
      async (
        files: string[],
        o: {
          offline?: boolean;
          authservId: string[];
          failOn: EmailVerdict;
          locale: 'en' | 'fr';
          format: 'text' | 'json';
        },
      ) => {
        const config = loadConfig(io.env);
        const workspace = config.database.kind === 'postgres' || existsSync(config.database.file);
        const run = async (
          record?: (a: EmailAnalysis) => Promise<unknown>,
          stored?: Awaited<ReturnType<typeof shieldProtection>>,
        ) => {
          // The flag adds to the workspace's own list of receiving servers.
          const base = stored ?? { brands: [], vips: [] };
          const protection = {
            ...base,
            authservIds: [...(base.authservIds ?? []), ...o.authservId],
          };
          const entries: Array<{ path: string; analysis?: EmailAnalysis; error?: string }> = [];
          for (const path of files) {
            try {
              const raw = await readMessage(path, io);
              const analysis = await analyseEmail(raw, { offline: o.offline, locale: o.locale, protection });
              await record?.(analysis);
              entries.push({ path, analysis });
            } catch (err) {
              entries.push({ path, error: errorText(err) });
            }
          }
          return entries;
        };
        const entries = workspace
          ? await withVigie(io, async (vigie) =>
              run((a) => recordEmailAnalysis(vigie, CLI_PRINCIPAL, a, 'cli'), await shieldProtection(vigie)),
            )
          : await run();
        if (o.format === 'json') {
          const out = entries.map((e) =>
            e.error
              ? { path: e.path, verdict: null, error: e.error }
              : {
                  path: e.path,
                  verdict: e.analysis!.verdict,
                  score: e.analysis!.score,
                  reasons: e.analysis!.reasons,
                  subject: e.analysis!.subject,
                  from: e.analysis!.from,
                  auth: e.analysis!.auth,
                },
          );
          io.stdout.write(`${JSON.stringify({ files: out }, null, 2)}\n`);
        } else {
          for (const e of entries) {
            if (e.error) {
              io.stdout.write(`${e.path}: ${e.error}\n`);
              continue;
            }
            const a = e.analysis!;
            io.stdout.write(`${e.path}: ${a.verdict.toUpperCase()} (score ${a.score})\n`);
            for (const r of a.reasons) io.stdout.write(`  - [${r.where}] ${r.message}\n`);
          }
        }
        if (entries.some((e) => e.analysis && RANK[e.analysis.verdict] >= RANK[o.failOn]))
          throw new CheckFailed();
      },
    );
  registerMailboxCommands(email, io);
}

import { writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { AppError } from '../../core/index.js';
import {
  type Action,
  loadPolicy,
  redactText,
  restoreText,
  type ScanResult,
  scan,
  scanText,
  toSarif,
  workspaceContext,
} from '../../guard/index.js';
import { CLI_PRINCIPAL, withVigie, workspaceExists } from '../context.js';
import { CheckFailed, type Io, readFileBounded } from '../io.js';
import { readInputs, type TextInput } from './guard-input.js';

const VERDICT_RANK: Record<Action, number> = { allow: 0, warn: 1, redact: 2, review: 3, block: 4 };
const PROFILES = ['input', 'ingested', 'output', 'publish'] as const;

const MAX_POLICY_BYTES = 1024 * 1024;
const readPolicyFile = (path: string) =>
  readFileBounded(path, MAX_POLICY_BYTES, 'policy file').toString('utf8');

function textReport(entry: TextInput & { result?: ScanResult }): string {
  if (entry.error) return `${entry.path}: ${entry.error}`;
  const r = entry.result!;
  const lines = r.findings.map(
    (f) =>
      `${entry.path}:${f.line}:${f.column}  ${f.severity.padEnd(4)}  ${f.action.padEnd(6)}  ${f.rule}  ${f.message}`,
  );
  if (entry.note) lines.push(`${entry.path}: note: ${entry.note}`);
  lines.push(
    `${entry.path}: verdict ${r.verdict} (${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}, ${r.lang})`,
  );
  return lines.join('\n');
}

export function registerGuardCommands(program: Command, io: Io): void {
  program
    .command('scan [files...]')
    .description(
      'scan texts for personal data, secrets, injection, language, claims and brand rules ("-" reads stdin)',
    )
    .addOption(new Option('--profile <profile>', 'policy profile').choices(PROFILES).default('publish'))
    .option(
      '--policy <file>',
      'YAML policy override to apply on top of the default (or the workspace) policy',
    )
    .addOption(
      new Option('--lang <lang>', 'language of the texts').choices(['auto', 'en', 'fr']).default('auto'),
    )
    .addOption(
      new Option('--locale <locale>', 'language of the messages').choices(['en', 'fr']).default('en'),
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'),
    )
    .addOption(
      new Option('--fail-on <action>', 'exit 1 when a verdict reaches this action')
        .choices(['warn', 'review', 'block'])
        .default('block'),
    )
    .action(
      async (
        files: string[],
        o: {
          profile: (typeof PROFILES)[number];
          policy?: string;
          lang: 'auto' | 'en' | 'fr';
          locale: 'en' | 'fr';
          format: string;
          failOn: Action;
        },
      ) => {
        const inputs = await readInputs(files, io);
        const override = o.policy ? readPolicyFile(o.policy) : undefined;
        const run = async (scanOne: (text: string) => Promise<ScanResult>) => {
          const results: Array<TextInput & { result?: ScanResult }> = [];
          for (const input of inputs) {
            if (input.error) {
              results.push(input);
              continue;
            }
            try {
              results.push({ ...input, result: await scanOne(input.text!) });
            } catch (err) {
              results.push({
                path: input.path,
                error: err instanceof AppError ? err.message : 'scan failed',
              });
            }
          }
          return results;
        };
        let results: Array<TextInput & { result?: ScanResult }>;
        if (workspaceExists(io) && !override) {
          results = await withVigie(io, (vigie) =>
            run((text) =>
              scanText(vigie, CLI_PRINCIPAL, { text, profile: o.profile, lang: o.lang, locale: o.locale }),
            ),
          );
        } else {
          const policy = loadPolicy(override);
          const context = workspaceExists(io) ? await withVigie(io, (vigie) => workspaceContext(vigie)) : {};
          results = await run(async (text) =>
            scan(text, { profile: o.profile, lang: o.lang, locale: o.locale, policy, context }),
          );
        }
        if (o.format === 'json') {
          const files = results.map((r) =>
            r.error
              ? { path: r.path, verdict: null, error: r.error }
              : {
                  path: r.path,
                  verdict: r.result!.verdict,
                  findings: r.result!.findings,
                  lang: r.result!.lang,
                  readability: r.result!.readability,
                  ...(r.note ? { note: r.note } : {}),
                },
          );
          io.stdout.write(`${JSON.stringify({ files }, null, 2)}\n`);
        } else if (o.format === 'sarif') {
          const ok = results
            .filter((r) => r.result)
            .map((r) => ({ path: r.path === '-' ? 'stdin' : r.path, result: r.result! }));
          io.stdout.write(`${JSON.stringify(toSarif(ok, o.locale), null, 2)}\n`);
          for (const r of results.filter((x) => x.error)) io.stderr.write(`${r.path}: ${r.error}\n`);
        } else {
          io.stdout.write(`${results.map(textReport).join('\n')}\n`);
        }
        const failed = results.some(
          (r) => r.result && VERDICT_RANK[r.result.verdict] >= VERDICT_RANK[o.failOn],
        );
        if (failed) throw new CheckFailed();
      },
    );

  program
    .command('redact [file]')
    .description(
      'pseudonymise personal data and secrets ("-" or no file reads stdin); the mapping stays in the vault',
    )
    .requiredOption(
      '--map <file>',
      'where to write the map reference (id and expiry) that `vigie restore --map` needs',
    )
    .addOption(
      new Option('--operator <op>', 'replacement')
        .choices(['placeholder', 'surrogate', 'mask', 'hash', 'redact'])
        .default('placeholder'),
    )
    .addOption(
      new Option('--lang <lang>', 'language of the text').choices(['auto', 'en', 'fr']).default('auto'),
    )
    .addOption(
      new Option('--ttl <hours>', 'hours the mapping is kept').default(24).argParser((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 720)
          throw new InvalidArgumentError('expected 1 to 720 hours');
        return n;
      }),
    )
    .action(
      async (
        file: string | undefined,
        o: { map: string; operator: 'placeholder'; lang: 'auto'; ttl: number },
      ) => {
        const [input] = await readInputs([file ?? '-'], io);
        if (input!.error) throw new AppError('VALIDATION', `${input!.path}: ${input!.error}`);
        const result = await withVigie(io, (vigie) =>
          redactText(vigie, CLI_PRINCIPAL, {
            text: input!.text!,
            operator: o.operator,
            lang: o.lang,
            ttlHours: o.ttl,
          }),
        );
        if (result.mapId) {
          writeFileSync(
            o.map,
            `${JSON.stringify({ format: 'vigie-map-ref/1', mapId: result.mapId, expiresAt: result.expiresAt })}\n`,
            { mode: 0o600 },
          );
        }
        io.stdout.write(result.text);
        io.stderr.write(
          `${result.replacements.length} replacement(s)${result.mapId ? `; map ${result.mapId} kept until ${result.expiresAt}` : ''}\n`,
        );
      },
    );
}

const MAX_MAP_REFERENCE_BYTES = 64 * 1024;

/** `vigie restore --map FILE [file]`: the text side of the restore command (see workspace.ts). */
export async function restoreTextCommand(io: Io, file: string | undefined, mapFile: string): Promise<void> {
  const raw = readFileBounded(mapFile, MAX_MAP_REFERENCE_BYTES, 'map reference').toString('utf8');
  let mapId: string;
  try {
    const ref = JSON.parse(raw) as { mapId?: unknown };
    if (typeof ref.mapId !== 'string') throw new Error();
    mapId = ref.mapId;
  } catch {
    throw new AppError('VALIDATION', `${mapFile} is not a map reference written by vigie redact`);
  }
  const [input] = await readInputs([file ?? '-'], io);
  if (input!.error) throw new AppError('VALIDATION', `${input!.path}: ${input!.error}`);
  const { text } = await withVigie(io, (vigie) =>
    restoreText(vigie, CLI_PRINCIPAL, { text: input!.text!, mapId }),
  );
  io.stdout.write(text);
}

import { type Command, InvalidArgumentError, Option } from 'commander';
import YAML from 'yaml';
import { AppError } from '../../core/index.js';
import { contentTypes, createDraft, MAX_VARIANTS, providerNames, verifyExport } from '../../studio/index.js';
import { CLI_PRINCIPAL, withVigie, workspaceExists } from '../context.js';
import { CheckFailed, type Io, readFileBounded } from '../io.js';

const MAX_BRIEF_BYTES = 256 * 1024;
const MAX_EXPORT_BYTES = 5 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 64 * 1024;
const ED25519_KEY = /^[A-Za-z0-9+/]{43}=$/;

function readBrief(path: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = YAML.parse(readFileBounded(path, MAX_BRIEF_BYTES, 'brief').toString('utf8'), {
      maxAliasCount: 100,
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', `brief ${path} is not valid YAML or JSON`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new AppError('VALIDATION', `brief ${path} must be a mapping`);
  return data as Record<string, unknown>;
}

function parseVariants(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_VARIANTS)
    throw new InvalidArgumentError(`expected an integer from 1 to ${MAX_VARIANTS}`);
  return n;
}

function readManifest(path: string): unknown {
  try {
    return JSON.parse(readFileBounded(path, MAX_MANIFEST_BYTES, 'manifest').toString('utf8'));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', `manifest ${path} is not valid JSON`);
  }
}

export function registerStudioCommands(program: Command, io: Io): void {
  program
    .command('draft')
    .description('draft from a brief (YAML or JSON) in the workspace, checked by Guard, and print it')
    .requiredOption('--brief <file>', 'the brief')
    .addOption(new Option('--type <type>', 'content type (overrides the brief)').choices(contentTypes))
    .addOption(
      new Option('--provider <provider>', 'drafting provider').choices(providerNames).default('composer'),
    )
    .option('--variants <n>', `variants to draft (1-${MAX_VARIANTS})`, parseVariants, 1)
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .action(
      async (o: {
        brief: string;
        type?: string;
        provider: string;
        variants: number;
        format: 'md' | 'json';
      }) => {
        const brief = readBrief(o.brief);
        const view = await withVigie(io, (vigie) =>
          createDraft(vigie, CLI_PRINCIPAL, {
            brief,
            ...(o.type ? { type: o.type as (typeof contentTypes)[number] } : {}),
            provider: o.provider as (typeof providerNames)[number],
            variants: o.variants,
          }),
        );
        if (o.format === 'json') {
          io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
        } else {
          io.stdout.write(`${view.variants.map((v) => v.draft.markdown).join('\n\n---\n\n')}\n`);
        }
        const verdicts = view.variants.map((v) => v.verdict).join(', ');
        io.stderr.write(
          `draft ${view.id} created (${view.variants.length} variant(s), Guard: ${verdicts})\n`,
        );
      },
    );

  const provenance = program.command('provenance').description('signed provenance of exported texts');
  provenance
    .command('verify <file>')
    .description('check that an exported text is exactly what was approved (exit 1 when it is not)')
    .option('--manifest <file>', 'the sidecar manifest (JSON); HTML exports embed theirs')
    .option('--public-key <key>', 'trusted Ed25519 public key (base64); without it, the workspace’s key')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, o: { manifest?: string; publicKey?: string; format: 'text' | 'json' }) => {
      if (o.publicKey !== undefined && !ED25519_KEY.test(o.publicKey))
        throw new AppError(
          'VALIDATION',
          '--public-key must be a raw Ed25519 public key in base64 (44 characters)',
        );
      const bytes = readFileBounded(file, MAX_EXPORT_BYTES, 'file');
      const manifest = o.manifest ? readManifest(o.manifest) : undefined;
      if (o.publicKey === undefined && !workspaceExists(io))
        throw new AppError('VALIDATION', 'no workspace here: pass --public-key to verify offline');
      const key =
        o.publicKey ?? (await withVigie(io, async (vigie) => vigie.keyring.signingPublicKey.publicKey));
      let result: ReturnType<typeof verifyExport>;
      try {
        result = verifyExport(bytes, manifest, key);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('VALIDATION', 'the public key is not a valid Ed25519 key');
      }
      const m = result.manifest;
      if (o.format === 'json')
        io.stdout.write(
          `${JSON.stringify({ ok: result.ok, reason: result.reason ?? null, manifest: m ?? null }, null, 2)}\n`,
        );
      if (!result.ok) throw new CheckFailed(`${file}: not verified (${result.reason ?? 'unknown'})`);
      if (o.format === 'text') {
        io.stdout.write(
          `${file}: verified; written by ${m!.author}, approved by ${m!.reviewers.join(', ') || 'nobody'}, ledger entry ${m!.ledgerSeq ?? '-'}\n`,
        );
      }
    });
}

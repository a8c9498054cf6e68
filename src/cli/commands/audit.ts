import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  type Anchor,
  type AnchorCheck,
  AppError,
  anchorSchema,
  exportLines,
  type LedgerVerification,
  verifyExportLines,
  verifyLedger,
} from '../../core/index.js';
import { withVigie } from '../context.js';
import {
  CheckFailed,
  endProgress,
  type Format,
  type Io,
  output,
  parseIntArg,
  progress,
  readFileBounded,
} from '../io.js';
import { formatOption } from './options.js';

const MAX_ANCHOR_BYTES = 64 * 1024;

/** An anchor file: the JSON that `vigie audit head --format json` printed earlier. */
function readAnchor(path: string): Anchor {
  const raw = readFileBounded(path, MAX_ANCHOR_BYTES, 'anchor').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError(
      'VALIDATION',
      `anchor ${path} is not JSON (save the output of vigie audit head --format json)`,
    );
  }
  const anchor = anchorSchema.safeParse(parsed);
  if (!anchor.success) {
    const issue = anchor.error.issues[0]!;
    throw new AppError('VALIDATION', `anchor ${path}: ${issue.path.join('.') || 'head'}: ${issue.message}`);
  }
  return anchor.data;
}

function anchorText(a: AnchorCheck): string {
  return a.ok
    ? `anchor: ok, the ledger still holds the head of size ${a.treeSize} issued at ${a.issuedAt}`
    : `ANCHOR BROKEN: ${a.reason}`;
}

type VerifyOutput = LedgerVerification & { publicKey?: string; pinned?: boolean };

function verifyText(r: VerifyOutput): string {
  const anchor = r.anchor ? `\n${anchorText(r.anchor)}` : '';
  return ledgerText(r) + anchor;
}

/** The entries and heads part; `ok` alone would also reflect the anchor. */
function ledgerText(r: VerifyOutput): string {
  if (r.firstBad) return `TAMPERED: entry ${r.firstBad.seq}: ${r.firstBad.reason}`;
  const unpinned =
    r.publicKey && r.pinned === false
      ? `\nnote: signed by the key inside the export (${r.publicKey}); pass --public-key to check it is your workspace's`
      : '';
  return `ok: ${r.entriesChecked} entries and ${r.headsChecked} signed heads verified (tree size ${r.treeSize})${unpinned}`;
}

export function registerAuditCommands(program: Command, io: Io): void {
  const audit = program.command('audit').description('the tamper-evident ledger');

  audit
    .command('verify')
    .description(
      'recompute the ledger and check every signed head; exit 1 and name the first bad entry if tampered',
    )
    .option('--file <export>', 'verify an export offline instead of the database')
    .option('--public-key <base64>', 'with --file: the signing key you trust (pin it)')
    .option(
      '--anchor <file>',
      'a head saved earlier with `vigie audit head --format json`: fail if the ledger no longer contains it (rollback, wipe)',
    )
    .addOption(formatOption())
    .action(async (o: { file?: string; publicKey?: string; anchor?: string; format: Format }) => {
      if (o.file && o.anchor)
        throw new InvalidArgumentError('--anchor checks the database; it does not go with --file');
      const anchor = o.anchor ? readAnchor(o.anchor) : undefined;
      let result: VerifyOutput;
      if (o.file) {
        const input = createReadStream(o.file);
        const opened = new Promise<void>((resolve, reject) => {
          input.once('open', () => resolve());
          input.once('error', () => reject(new AppError('VALIDATION', `cannot read ${o.file}`)));
        });
        await opened;
        result = await verifyExportLines(
          createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }),
          o.publicKey,
        );
      } else {
        result = await withVigie(io, (vigie) =>
          verifyLedger(vigie, {
            anchor,
            onProgress: (checked, total) => progress(io, `verified ${checked}/${total}`),
          }),
        );
      }
      endProgress(io);
      output(io, o.format, result, verifyText);
      if (!result.ok) throw new CheckFailed();
    });

  audit
    .command('head')
    .description('the latest signed tree head and the public key that signed it')
    .addOption(formatOption())
    .action(async (o: { format: Format }) => {
      const head = await withVigie(io, async (vigie) => ({
        ...(await vigie.ledger.head()),
        ...vigie.keyring.signingPublicKey,
      }));
      output(io, o.format, head, (h) =>
        [
          `tree size  ${h.treeSize}`,
          `root hash  ${h.rootHash}`,
          `issued at  ${h.issuedAt}`,
          `signature  ${h.signature}`,
          `key        ${h.keyId} ${h.publicKey} (fingerprint ${h.fingerprint})`,
        ].join('\n'),
      );
    });

  audit
    .command('proof <seq>')
    .description('inclusion proof of an entry in the signed tree (RFC 6962)')
    .addOption(
      new Option('--tree-size <n>', 'prove against this tree size (default: the latest head)').argParser(
        parseIntArg,
      ),
    )
    .addOption(formatOption())
    .action(async (seqText: string, o: { treeSize?: number; format: Format }) => {
      const seq = parseIntArg(seqText);
      const proof = await withVigie(io, (vigie) => vigie.ledger.inclusionProof(seq, o.treeSize));
      output(io, o.format, proof, (p) =>
        [
          `entry ${p.seq} in tree of ${p.treeSize}`,
          `leaf hash ${p.leafHash}`,
          `root hash ${p.rootHash}`,
          'proof:',
          ...p.proof.map((h) => `  ${h}`),
        ].join('\n'),
      );
    });

  audit
    .command('export')
    .description('write the ledger as JSON lines with its signed head, verifiable offline')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (o: { out?: string }) => {
      await withVigie(io, async (vigie) => {
        const head = await vigie.ledger.head();
        const out = o.out ? createWriteStream(o.out, { flags: 'wx', mode: 0o600 }) : io.stdout;
        if (o.out) {
          await new Promise<void>((resolve, reject) => {
            (out as ReturnType<typeof createWriteStream>).once('open', () => resolve());
            out.once('error', (e: NodeJS.ErrnoException) =>
              reject(
                new AppError(
                  'VALIDATION',
                  e.code === 'EEXIST' ? `${o.out} already exists` : `cannot write ${o.out}`,
                ),
              ),
            );
          });
        }
        for await (const line of exportLines(vigie.db, head, vigie.keyring.signingPublicKey.publicKey)) {
          if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
        if (o.out) {
          out.end();
          await finished(out);
          io.stderr.write(`exported ${head.treeSize} entries to ${o.out}\n`);
        }
      });
    });
}

import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { type Command, Option } from 'commander';
import {
  AppError,
  exportLines,
  type VerifyResult,
  verifyExportLines,
  verifyLedger,
} from '../../core/index.js';
import { withVigie } from '../context.js';
import { CheckFailed, endProgress, type Format, type Io, output, parseIntArg, progress } from '../io.js';
import { formatOption } from './options.js';

function verifyText(r: VerifyResult & { publicKey?: string; pinned?: boolean }): string {
  const unpinned =
    r.ok && r.publicKey && r.pinned === false
      ? `\nnote: signed by the key inside the export (${r.publicKey}); pass --public-key to check it is your workspace's`
      : '';
  return r.ok
    ? `ok: ${r.entriesChecked} entries and ${r.headsChecked} signed heads verified (tree size ${r.treeSize})${unpinned}`
    : `TAMPERED: entry ${r.firstBad!.seq}: ${r.firstBad!.reason}`;
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
    .addOption(formatOption())
    .action(async (o: { file?: string; publicKey?: string; format: Format }) => {
      let result: VerifyResult & { publicKey?: string; pinned?: boolean };
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
          verifyLedger(vigie, (checked, total) => {
            progress(io, `verified ${checked}/${total}`);
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

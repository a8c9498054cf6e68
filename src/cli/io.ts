import { readFileSync, statSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { InvalidArgumentError } from 'commander';
import { AppError } from '../core/errors.js';

/** The CLI's world, injected so tests can run commands in-process. */
export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
}

export type Format = 'text' | 'json';

/** A check found what it looks for (blocked scan, tampered ledger...): exit code 1, not an error. */
export class CheckFailed extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'CheckFailed';
  }
}

export function parseFormat(value: string): Format {
  if (value !== 'text' && value !== 'json') throw new InvalidArgumentError('expected text or json');
  return value;
}

export function parseIntArg(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

/** Writes data as JSON, or as the text the renderer makes of it. */
export function output<T>(io: Io, format: Format, data: T, text: (d: T) => string): void {
  io.stdout.write(format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : `${text(data)}\n`);
}

export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  if (rows.length === 0) return '(none)';
  const cells = rows.map((r) =>
    columns.map((c) => (r[c] === null || r[c] === undefined ? '-' : String(r[c]))),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), ...cells.map(line)].join('\n');
}

/** Reads a stream up to `limit` bytes; past it, fails with `tooLarge` instead of buffering on. */
export async function readBounded(stream: Readable, limit: number, tooLarge: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += b.length;
    if (size > limit) throw new InvalidArgumentError(tooLarge);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export async function readAll(stream: Readable, limit = 1024 * 1024): Promise<string> {
  return (await readBounded(stream, limit, `standard input is larger than ${limit} bytes`)).toString('utf8');
}

/** Progress on a terminal only: piped stderr stays clean for scripts. */
export function progress(io: Io, text: string): void {
  if ((io.stderr as NodeJS.WriteStream).isTTY) io.stderr.write(`\r${text}\x1b[K`);
}

export function endProgress(io: Io): void {
  if ((io.stderr as NodeJS.WriteStream).isTTY) io.stderr.write('\n');
}

/** Reads a whole file no larger than limit bytes; what names it in errors ("brief", "anchor"). */
export function readFileBounded(path: string, limit: number, what: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('VALIDATION', `cannot read ${what} ${path}`);
  }
  if (size > limit) throw new AppError('PAYLOAD_TOO_LARGE', `${what} ${path} is larger than ${limit} bytes`);
  return readFileSync(path);
}

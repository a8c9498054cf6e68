/**
 * Lines out of a byte stream with bounded memory: a line longer than `maxLine` bytes is reported as
 * `null` (and its bytes dropped as they come) instead of being buffered whole. Node's readline would
 * hold any line in memory, however long.
 */
const NEWLINE = 0x0a;

/** Yielded instead of a line whose bytes are not valid UTF-8 (with `strictUtf8`). */
export const NOT_UTF8: unique symbol = Symbol('not UTF-8');
export const NOT_UTF8_REASON = 'not valid UTF-8: save the file as UTF-8';

export interface LineOptions {
  maxLine: number;
  /** Called after each chunk with the bytes read so far. */
  onBytes?: (bytes: number) => void;
  /**
   * Yield NOT_UTF8 for a line that is not valid UTF-8, instead of decoding it with U+FFFD in place of
   * the bad bytes (a Latin-1 "René" would otherwise be stored as "Ren\uFFFD" without a word).
   */
  strictUtf8?: boolean;
}

export function boundedLines(
  source: AsyncIterable<Buffer | string>,
  options: LineOptions & { strictUtf8: true },
): AsyncGenerator<string | null | typeof NOT_UTF8>;
export function boundedLines(
  source: AsyncIterable<Buffer | string>,
  options: LineOptions,
): AsyncGenerator<string | null>;
export async function* boundedLines(
  source: AsyncIterable<Buffer | string>,
  options: LineOptions,
): AsyncGenerator<string | null | typeof NOT_UTF8> {
  // A newline byte is never part of a multi-byte UTF-8 sequence, so decoding line by line is exact.
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decode = (b: Buffer): string | typeof NOT_UTF8 => {
    if (!options.strictUtf8) return b.toString('utf8');
    try {
      return fatal.decode(b);
    } catch {
      return NOT_UTF8;
    }
  };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;
  let bytes = 0;
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buf.length;
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE, start); nl !== -1; nl = buf.indexOf(NEWLINE, start)) {
      if (overflow || pendingBytes + nl - start > options.maxLine) yield null;
      else yield decode(Buffer.concat([...pending, buf.subarray(start, nl)]));
      pending = [];
      pendingBytes = 0;
      overflow = false;
      start = nl + 1;
    }
    const rest = buf.length - start;
    if (!overflow && pendingBytes + rest > options.maxLine) {
      overflow = true;
      pending = [];
      pendingBytes = 0;
    } else if (!overflow && rest > 0) {
      pending.push(buf.subarray(start));
      pendingBytes += rest;
    }
    options.onBytes?.(bytes);
  }
  if (overflow) yield null;
  else if (pendingBytes > 0) yield decode(Buffer.concat(pending));
}

/** Thrown by StrictUtf8: the 1-based line holding the first byte that is not valid UTF-8. */
export class NotUtf8Error extends Error {
  constructor(
    readonly line: number,
    /** The text of the complete lines before that line within the failing chunk (already checked). */
    readonly validPrefix: string,
  ) {
    super(NOT_UTF8_REASON);
  }
}

/**
 * A streaming, fatal UTF-8 decoder that knows the line of a failure: chunks are decoded as they come
 * (nothing is buffered beyond an incomplete trailing sequence), and only when a chunk fails is it
 * re-decoded line by line to find the offending line.
 */
export class StrictUtf8 {
  private decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Newlines seen in the chunks decoded so far. */
  private newlines = 0;
  /** The bytes of an incomplete sequence at the end of the last chunk (at most 3). */
  private tail: Buffer = Buffer.alloc(0);

  decode(chunk: Buffer | string): string {
    if (typeof chunk === 'string') return chunk;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw this.locate(Buffer.concat([this.tail, chunk]));
    }
    this.newlines += countNewlines(chunk);
    this.tail = incompleteTail(chunk, this.tail);
    return text;
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw this.locate(this.tail);
    }
  }

  private locate(bytes: Buffer): NotUtf8Error {
    const check = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let prefix = '';
    let start = 0;
    let line = this.newlines + 1;
    for (let nl = bytes.indexOf(NEWLINE, start); nl !== -1; nl = bytes.indexOf(NEWLINE, start)) {
      try {
        prefix += check.decode(bytes.subarray(start, nl + 1));
      } catch {
        return new NotUtf8Error(line, prefix);
      }
      line++;
      start = nl + 1;
    }
    // The failure is in the last, unterminated line (or in a sequence cut by the end of the input).
    return new NotUtf8Error(line, prefix);
  }
}

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(NEWLINE); i !== -1; i = b.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** The trailing bytes of a (valid) stream that start a sequence not yet complete. */
function incompleteTail(chunk: Buffer, previous: Buffer): Buffer {
  const b = chunk.length >= 3 ? chunk : Buffer.concat([previous, chunk]);
  for (let i = b.length - 1; i >= 0 && i >= b.length - 3; i--) {
    const byte = b[i]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > b.length - i ? Buffer.from(b.subarray(i)) : Buffer.alloc(0);
  }
  return Buffer.alloc(0);
}

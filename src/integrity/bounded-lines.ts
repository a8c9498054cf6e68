/**
 * Lines out of a byte stream with bounded memory: a line longer than `maxLine` bytes is reported as
 * `null` (and its bytes dropped as they come) instead of being buffered whole. Node's readline would
 * hold any line in memory, however long.
 */
const NEWLINE = 0x0a;

export interface LineOptions {
  maxLine: number;
  /** Called after each chunk with the bytes read so far. */
  onBytes?: (bytes: number) => void;
}

export async function* boundedLines(
  source: AsyncIterable<Buffer | string>,
  options: LineOptions,
): AsyncGenerator<string | null> {
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
      else yield Buffer.concat([...pending, buf.subarray(start, nl)]).toString('utf8');
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
  else if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
}

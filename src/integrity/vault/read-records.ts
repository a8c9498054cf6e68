import { pipeline, type Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { NOT_UTF8_REASON, NotUtf8Error, StrictUtf8 } from '../bounded-lines.js';
import { canonicalColumn } from './validate-row.js';

/** One input record, numbered as a person finds it: the CSV line, or the JSON record (1-based). */
export interface InputRecord {
  row: number;
  record: Record<string, unknown>;
}

/** The input cannot be read at all (malformed CSV or JSON): the row where reading stopped. */
export class UnreadableInput extends Error {
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export const MAX_RECORD_BYTES = 64 * 1024;

export type InputFormat = 'csv' | 'json';

export async function* readRecords(
  input: Readable,
  format: InputFormat,
  onHeader: (columns: string[]) => void,
): AsyncGenerator<InputRecord> {
  if (format === 'csv') yield* readCsv(input, onHeader);
  else yield* readJson(input);
}

/**
 * Checks that the bytes are UTF-8 as they stream by, and passes them on unchanged (csv-parse decodes
 * them itself, replacing bad bytes with U+FFFD: a Latin-1 "René" would be imported as "Ren\uFFFD").
 */
function utf8Check(): Transform {
  const decoder = new StrictUtf8();
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        decoder.decode(chunk);
        done(null, chunk);
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        decoder.end();
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

async function* readCsv(input: Readable, onHeader: (columns: string[]) => void): AsyncGenerator<InputRecord> {
  const parser = pipeline(
    input,
    utf8Check(),
    parse({
      // Known names in any case and with surrounding spaces (`External_ID `), like the events import.
      columns: (header: string[]) => {
        const names = header.map(canonicalColumn);
        onHeader(names);
        return names;
      },
      bom: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
      info: true,
    }),
    // Errors surface through the iteration below; pipeline needs a callback not to throw them again.
    () => {},
  );
  let line = 1;
  try {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      line = item.info.lines;
      yield { row: line, record: item.record };
    }
  } catch (err) {
    if (err instanceof NotUtf8Error) throw new UnreadableInput(err.line, NOT_UTF8_REASON);
    // csv-parse messages quote the offending text (personal data): report only its stable code.
    const code = (err as { code?: unknown }).code;
    throw new UnreadableInput(line + 1, `malformed CSV (${typeof code === 'string' ? code : 'parse error'})`);
  } finally {
    input.destroy();
  }
}

function parseObject(text: string, row: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UnreadableInput(row, 'malformed JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new UnreadableInput(row, 'not a JSON object');
  return value as Record<string, unknown>;
}

/** A JSON array of objects, or JSON lines (one object per line); detected from the first character. */
async function* readJson(input: Readable): AsyncGenerator<InputRecord> {
  const decoder = new StrictUtf8();
  const split = new JsonSplitter();
  let row = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      let text: string;
      try {
        text = decoder.decode(chunk);
      } catch (err) {
        if (!(err instanceof NotUtf8Error)) throw err;
        // The records before the bad bytes are read first, so that the report names the right one.
        for (const t of split.push(err.validPrefix)) yield { row: ++row, record: parseObject(t, row) };
        split.rethrow();
        throw new UnreadableInput(row + 1, NOT_UTF8_REASON);
      }
      for (const t of split.push(text)) yield { row: ++row, record: parseObject(t, row) };
      split.rethrow();
    }
    try {
      const last = decoder.end();
      for (const t of split.push(last)) yield { row: ++row, record: parseObject(t, row) };
    } catch (err) {
      if (err instanceof NotUtf8Error) throw new UnreadableInput(row + 1, NOT_UTF8_REASON);
      throw err;
    }
    split.rethrow();
    for (const t of split.end()) yield { row: ++row, record: parseObject(t, row) };
  } catch (err) {
    if (err instanceof UnreadableInput) throw err;
    throw new UnreadableInput(row + 1, err instanceof Error ? err.message : 'malformed JSON');
  } finally {
    input.destroy();
  }
}

/**
 * Cuts a stream into top-level JSON texts without parsing them: each object of a top-level array, or
 * each line of JSON lines. Hand-written because no maintained streaming parser is a dependency; it is
 * a single linear pass (string and escape aware) with a bound on each element's size.
 */
export class JsonSplitter {
  private mode: 'unknown' | 'array' | 'lines' | 'done' = 'unknown';
  private depth = 0;
  private inString = false;
  private escape = false;
  private current = '';
  private expectComma = false;
  private failure: Error | undefined;

  /**
   * The texts completed by this chunk. A syntax error is kept for rethrow(), not thrown here: the
   * texts before it must be read first, or the report would put the error at the chunk's first record.
   */
  push(chunk: string): string[] {
    const out: string[] = [];
    if (this.failure) return out;
    try {
      for (const ch of chunk) this.step(ch, out);
    } catch (err) {
      this.failure = err as Error;
    }
    return out;
  }

  /** Throws the syntax error met by push(), if any. */
  rethrow(): void {
    if (this.failure) throw this.failure;
  }

  end(): string[] {
    this.rethrow();
    const out: string[] = [];
    if (this.mode === 'lines' && this.current.trim()) out.push(this.current);
    else if (this.mode === 'array') throw new Error('unterminated JSON array');
    this.current = '';
    return out;
  }

  private grow(ch: string): void {
    this.current += ch;
    if (this.current.length > MAX_RECORD_BYTES)
      throw new Error(`a record is larger than ${MAX_RECORD_BYTES} bytes`);
  }

  private step(ch: string, out: string[]): void {
    if (this.mode === 'unknown') {
      if (/\s/.test(ch) || ch === '\ufeff') return;
      this.mode = ch === '[' ? 'array' : 'lines';
      if (this.mode === 'array') return;
    }
    if (this.mode === 'lines') {
      if (ch === '\n') {
        if (this.current.trim()) out.push(this.current);
        this.current = '';
      } else this.grow(ch);
      return;
    }
    if (this.mode === 'done') {
      if (!/\s/.test(ch)) throw new Error('text after the JSON array');
      return;
    }
    if (this.depth === 0) {
      if (/\s/.test(ch)) return;
      if (ch === ']') {
        this.mode = 'done';
        return;
      }
      if (ch === ',' && this.expectComma) {
        this.expectComma = false;
        return;
      }
      if (ch !== '{' || this.expectComma) throw new Error('expected an object in the JSON array');
    }
    this.grow(ch);
    if (this.inString) {
      if (this.escape) this.escape = false;
      else if (ch === '\\') this.escape = true;
      else if (ch === '"') this.inString = false;
      return;
    }
    if (ch === '"') this.inString = true;
    else if (ch === '{' || ch === '[') this.depth++;
    else if (ch === '}' || ch === ']') {
      this.depth--;
      if (this.depth === 0) {
        out.push(this.current);
        this.current = '';
        this.expectComma = true;
      }
    }
  }
}

/**
 * Streaming reader for rating files: MovieLens `u.data` (tab-separated user, item, rating,
 * timestamp, no header) or CSV with a header `user,item,rating[,timestamp]` (detected from the first
 * line). Lines are split by hand over byte chunks so that one absurdly long line costs bounded
 * memory; bad rows are collected (up to a limit) rather than thrown, so a 1 GB file with a few
 * broken lines still scans.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { AppError } from '../core/errors.js';
import { boundedLines } from './bounded-lines.js';
import { MAX_RATINGS, type Rating } from './ratings.js';

export type RatingsFormat = 'udata' | 'csv';

export interface MalformedRow {
  line: number;
  reason: MalformedReason;
}

export type MalformedReason =
  | 'line-too-long'
  | 'too-few-fields'
  | 'too-many-fields'
  | 'empty-id'
  | 'id-too-long'
  | 'bad-rating'
  | 'bad-timestamp';

export interface ReadRatingsOptions {
  /** Bytes per line, longer lines are skipped as malformed (default 4096). */
  maxLineLength?: number;
  /** Malformed rows kept in the result (default 100); all are counted. */
  maxMalformed?: number;
  /** Default `MAX_RATINGS`. */
  maxRatings?: number;
  /** Called after each chunk with the bytes read so far. */
  onProgress?: (bytesRead: number) => void;
  /** Force a format instead of detecting it. */
  format?: RatingsFormat;
}

export interface ReadRatingsResult {
  format: RatingsFormat;
  ratings: Rating[];
  malformed: MalformedRow[];
  malformedCount: number;
  /** CSV header columns that were not understood and were ignored. */
  ignoredColumns: string[];
  bytesRead: number;
}

const MAX_ID_LENGTH = 256;

export async function readRatings(
  source: string | Readable,
  options: ReadRatingsOptions = {},
): Promise<ReadRatingsResult> {
  const input = typeof source === 'string' ? createReadStream(source) : source;
  const parser = new RatingsLineParser(options);
  let bytesRead = 0;
  try {
    const lines = boundedLines(input as AsyncIterable<Buffer | string>, {
      maxLine: options.maxLineLength ?? 4096,
      onBytes: (bytes) => {
        bytesRead = bytes;
        options.onProgress?.(bytes);
      },
    });
    for await (const line of lines) {
      if (line === null) parser.tooLong();
      else parser.line(line);
    }
  } finally {
    if (typeof source === 'string') (input as Readable).destroy();
  }
  return { ...parser.result(), bytesRead };
}

/** The same parser over text already in memory (API bodies, tests). */
export function parseRatingsText(
  text: string,
  options: ReadRatingsOptions = {},
): Omit<ReadRatingsResult, 'bytesRead'> {
  const parser = new RatingsLineParser(options);
  const maxLine = options.maxLineLength ?? 4096;
  for (const line of text.split('\n')) {
    if (Buffer.byteLength(line) > maxLine) parser.tooLong();
    else parser.line(line);
  }
  return parser.result();
}

interface Layout {
  user: number;
  item: number;
  rating: number;
  timestamp: number;
}

class RatingsLineParser {
  private lineNo = 0;
  private format: RatingsFormat | undefined;
  private layout: Layout = { user: 0, item: 1, rating: 2, timestamp: 3 };
  private ignoredColumns: string[] = [];
  private readonly ratings: Rating[] = [];
  private readonly malformed: MalformedRow[] = [];
  private malformedCount = 0;

  constructor(private readonly options: ReadRatingsOptions) {
    this.format = options.format;
  }

  tooLong(): void {
    this.lineNo++;
    this.bad('line-too-long');
  }

  line(raw: string): void {
    this.lineNo++;
    const text = (this.lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    if (text.trim() === '') return;
    if (this.format === undefined) this.format = text.includes('\t') ? 'udata' : 'csv';
    const fields = this.format === 'udata' ? text.split('\t') : splitCsvLine(text);
    if (this.format === 'csv' && this.ratings.length === 0 && this.malformedCount === 0 && isHeader(fields)) {
      this.readHeader(fields);
      return;
    }
    const parsed = this.parseRow(fields);
    if (typeof parsed === 'string') {
      this.bad(parsed);
      return;
    }
    if (this.ratings.length >= (this.options.maxRatings ?? MAX_RATINGS)) {
      throw new AppError('PAYLOAD_TOO_LARGE', 'Too many ratings in one file');
    }
    this.ratings.push(parsed);
  }

  result(): Omit<ReadRatingsResult, 'bytesRead'> {
    return {
      format: this.format ?? 'udata',
      ratings: this.ratings,
      malformed: this.malformed,
      malformedCount: this.malformedCount,
      ignoredColumns: this.ignoredColumns,
    };
  }

  private readHeader(fields: string[]): void {
    const names = fields.map((f) => f.trim().toLowerCase());
    const at = (n: string) => names.indexOf(n);
    const missing = ['user', 'item', 'rating'].filter((n) => at(n) === -1);
    if (missing.length) throw new AppError('VALIDATION', `CSV header lacks column(s): ${missing.join(', ')}`);
    this.layout = {
      user: at('user'),
      item: at('item'),
      rating: at('rating'),
      timestamp: at('timestamp'),
    };
    this.ignoredColumns = fields.filter(
      (_, i) => !['user', 'item', 'rating', 'timestamp'].includes(names[i]!),
    );
  }

  private parseRow(fields: string[]): Rating | MalformedReason {
    const l = this.layout;
    const needed = Math.max(l.user, l.item, l.rating) + 1;
    if (fields.length < needed) return 'too-few-fields';
    if (this.format === 'udata' && fields.length > 4) return 'too-many-fields';
    const user = fields[l.user]!.trim();
    const item = fields[l.item]!.trim();
    if (!user || !item) return 'empty-id';
    if (user.length > MAX_ID_LENGTH || item.length > MAX_ID_LENGTH) return 'id-too-long';
    const ratingText = fields[l.rating]!.trim();
    const rating = ratingText === '' ? Number.NaN : Number(ratingText);
    if (!Number.isFinite(rating)) return 'bad-rating';
    const rec: Rating = { user, item, rating };
    const tsText = l.timestamp >= 0 ? fields[l.timestamp]?.trim() : undefined;
    if (tsText) {
      const ts = Number(tsText);
      if (!Number.isInteger(ts) || ts < 0) return 'bad-timestamp';
      rec.timestamp = ts;
    }
    return rec;
  }

  private bad(reason: MalformedReason): void {
    this.malformedCount++;
    if (this.malformed.length < (this.options.maxMalformed ?? 100))
      this.malformed.push({ line: this.lineNo, reason });
  }
}

const HEADER_NAMES = new Set(['user', 'item', 'rating', 'timestamp']);
/** A first row naming any of our columns is a header (and must then name all the required ones). */
function isHeader(fields: string[]): boolean {
  return fields.some((f) => HEADER_NAMES.has(f.trim().toLowerCase()));
}

/** One CSV line (RFC 4180 quoting, no embedded newlines since rows are lines). Linear, no regex. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

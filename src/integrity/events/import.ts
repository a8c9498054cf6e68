/**
 * File import, streamed: lines are read with bounded memory, validated one by one, and every
 * `batchSize` valid rows become one batch (checked, then accepted or quarantined on its own). A 1 GB
 * file therefore never sits in memory; each batch is atomic, so a failure keeps earlier batches.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { AppError, type Principal, type Vigie } from '../../core/index.js';
import { boundedLines, NOT_UTF8, NOT_UTF8_REASON } from '../bounded-lines.js';
import type { CheckOptions } from './checks.js';
import { type BatchSource, type IngestResult, ingestValid } from './ingest.js';
import { type EventFileFormat, EventRowParser, isMalformed, type MalformedEventRow } from './parse-row.js';
import type { ValidEvent } from './prepare.js';
import { MAX_BATCH_EVENTS } from './types.js';

export interface ImportProgress {
  bytes: number;
  rows: number;
}

export interface ImportOptions {
  source: BatchSource;
  /** Default: JSON lines when the first line starts with `{`, else CSV. */
  format?: EventFileFormat;
  /** Valid rows per batch (default 50,000). */
  batchSize?: number;
  /** Bytes per line (default 4096). */
  maxLineLength?: number;
  /** Malformed rows kept in the report (default 1000); all are counted. */
  maxMalformed?: number;
  onProgress?: (p: ImportProgress) => void;
  checks?: CheckOptions;
}

export interface ImportReport {
  format: EventFileFormat;
  rows: number;
  valid: number;
  stored: number;
  duplicates: { inBatch: number; alreadyStored: number };
  /** Events dropped because their customer asked for erasure. */
  erased: number;
  malformed: MalformedEventRow[];
  malformedCount: number;
  ignoredColumns: string[];
  batches: Array<Pick<IngestResult, 'batchId' | 'status' | 'stored' | 'reasons'>>;
}

export async function importEvents(
  vigie: Vigie,
  principal: Principal | undefined,
  source: string | Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  const input = typeof source === 'string' ? createReadStream(source) : source;
  const batchSize = Math.min(options.batchSize ?? 50_000, MAX_BATCH_EVENTS);
  const maxMalformed = options.maxMalformed ?? 1000;
  let parser: EventRowParser | undefined = options.format ? new EventRowParser(options.format) : undefined;
  const report: ImportReport = {
    format: options.format ?? 'csv',
    rows: 0,
    valid: 0,
    stored: 0,
    duplicates: { inBatch: 0, alreadyStored: 0 },
    erased: 0,
    malformed: [],
    malformedCount: 0,
    ignoredColumns: [],
    batches: [],
  };
  let bytes = 0;
  let pending: ValidEvent[] = [];
  const bad = (m: MalformedEventRow) => {
    report.malformedCount++;
    if (report.malformed.length < maxMalformed) report.malformed.push(m);
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const r = await ingestValid(vigie, principal, pending, {
      source: options.source,
      checks: options.checks,
    });
    pending = [];
    report.stored += r.stored;
    report.duplicates.inBatch += r.duplicates.inBatch;
    report.duplicates.alreadyStored += r.duplicates.alreadyStored;
    report.erased += r.erased;
    if (r.batchId)
      report.batches.push({ batchId: r.batchId, status: r.status, stored: r.stored, reasons: r.reasons });
  };
  let lineNo = 0;
  try {
    const lines = boundedLines(input as AsyncIterable<Buffer>, {
      maxLine: options.maxLineLength ?? 4096,
      onBytes: (b) => {
        bytes = b;
      },
      strictUtf8: true,
    });
    for await (const raw of lines) {
      lineNo++;
      if (raw === null) {
        report.rows++;
        bad({ row: lineNo, column: null, reason: 'line too long' });
        continue;
      }
      if (raw === NOT_UTF8) {
        // Before the format and header are known there is no row to report: the file is refused.
        if (!parser || parser.needsHeader)
          throw new AppError('VALIDATION', `line ${lineNo}: ${NOT_UTF8_REASON}`);
        report.rows++;
        bad({ row: lineNo, column: null, reason: NOT_UTF8_REASON });
        continue;
      }
      let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      if (line.trim() === '') continue;
      parser ??= new EventRowParser(line.trimStart().startsWith('{') ? 'jsonl' : 'csv');
      if (parser.needsHeader) {
        parser.header(line);
        continue;
      }
      report.rows++;
      const parsed = parser.parse(line, lineNo);
      if (isMalformed(parsed)) bad(parsed);
      else {
        report.valid++;
        pending.push(parsed);
        if (pending.length >= batchSize) await flush();
      }
      if (report.rows % 10_000 === 0) options.onProgress?.({ bytes, rows: report.rows });
    }
    await flush();
  } finally {
    if (typeof source === 'string') (input as Readable).destroy();
  }
  options.onProgress?.({ bytes, rows: report.rows });
  if (parser) {
    report.format = parser.format;
    report.ignoredColumns = parser.ignoredColumns;
  }
  return report;
}

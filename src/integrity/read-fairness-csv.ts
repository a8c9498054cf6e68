/**
 * Reads the CSV behind `vigie integrity fairness FILE.csv --prediction COL --group COL [--label COL]
 * [--privileged VALUE]`: a header row, then one decision per row. Streamed through csv-parse with a
 * bounded record size and row count; only the named columns are kept in memory.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../core/errors.js';
import { type FairnessOptions, type FairnessReport, type FairnessRow, fairnessReport } from './fairness.js';

export interface ReadFairnessOptions {
  /** Default 10 million rows. */
  maxRows?: number;
  /** Default 64 KiB per record. */
  maxRecordSize?: number;
}

export async function readFairnessRows(
  source: string | Readable,
  columns: FairnessOptions,
  options: ReadFairnessOptions = {},
): Promise<FairnessRow[]> {
  const maxRows = options.maxRows ?? 10_000_000;
  const wanted = [columns.prediction, columns.group, columns.label].filter(
    (c): c is string => c !== undefined,
  );
  const input = typeof source === 'string' ? createReadStream(source) : source;
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        const missing = wanted.filter((c) => !names.includes(c));
        if (missing.length) throw new AppError('VALIDATION', `Missing column(s): ${missing.join(', ')}`);
        return names;
      },
      bom: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: options.maxRecordSize ?? 65_536,
    }),
  );
  const rows: FairnessRow[] = [];
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (rows.length >= maxRows) throw new AppError('PAYLOAD_TOO_LARGE', `More than ${maxRows} rows`);
      const row: FairnessRow = {};
      for (const c of wanted) row[c] = record[c];
      rows.push(row);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // csv-parse messages quote the offending text: report only its stable code.
    const code = (err as { code?: unknown }).code;
    throw new AppError('VALIDATION', `Unreadable CSV (${typeof code === 'string' ? code : 'parse error'})`);
  } finally {
    if (typeof source === 'string') (input as Readable).destroy();
  }
  return rows;
}

/** The whole CLI command as one call: read the file, audit it. */
export async function fairnessReportFromCsv(
  source: string | Readable,
  options: FairnessOptions,
  readOptions?: ReadFairnessOptions,
): Promise<FairnessReport> {
  return fairnessReport(await readFairnessRows(source, options, readOptions), options);
}

/**
 * One line of an event file to a validated event or a report entry (row, column, reason). CSV needs
 * the header `event_id,customer_id,type,item,value,occurred_at` (any order; extra columns are
 * ignored and listed); JSON lines carry one object per line with the same keys.
 */
import { AppError } from '../../core/index.js';
import { splitCsvLine } from '../read-ratings.js';
import type { ValidEvent } from './prepare.js';
import { eventInputSchema } from './types.js';

export type EventFileFormat = 'csv' | 'jsonl';

export const EVENT_COLUMNS = ['event_id', 'customer_id', 'type', 'item', 'value', 'occurred_at'] as const;
const REQUIRED = EVENT_COLUMNS.filter((c) => c !== 'value');
const MAX_IGNORED = 20;
const MAX_NAME = 64;

export interface MalformedEventRow {
  row: number;
  column: string | null;
  reason: string;
}

export class EventRowParser {
  private layout: number[] | undefined;
  readonly ignoredColumns: string[] = [];

  constructor(readonly format: EventFileFormat) {}

  /** Whether the next CSV line is the header (CSV files start with one). */
  get needsHeader(): boolean {
    return this.format === 'csv' && this.layout === undefined;
  }

  header(line: string): void {
    const names = splitCsvLine(line).map((f) => f.trim().toLowerCase());
    const missing = REQUIRED.filter((c) => !names.includes(c));
    if (missing.length)
      throw new AppError('VALIDATION', `the CSV header lacks column(s): ${missing.join(', ')}`);
    this.layout = EVENT_COLUMNS.map((c) => names.indexOf(c));
    for (const n of names) if (!(EVENT_COLUMNS as readonly string[]).includes(n)) this.ignore(n);
  }

  parse(line: string, row: number): ValidEvent | MalformedEventRow {
    let raw: Record<string, unknown>;
    if (this.format === 'csv') {
      const fields = splitCsvLine(line);
      raw = {};
      EVENT_COLUMNS.forEach((c, i) => {
        const at = this.layout![i]!;
        if (at >= 0 && at < fields.length) raw[c] = fields[at];
      });
      raw.value = csvNumber(raw.value);
    } else {
      const parsed = parseJson(line);
      if (parsed === undefined) return { row, column: null, reason: 'not a JSON object' };
      raw = {};
      for (const [k, v] of Object.entries(parsed)) {
        if ((EVENT_COLUMNS as readonly string[]).includes(k)) raw[k] = v;
        else this.ignore(k);
      }
    }
    const result = eventInputSchema.safeParse(raw);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const column = issue.path.length ? String(issue.path[0]) : null;
    const reason = raw[column ?? ''] === undefined && column ? 'missing' : issue.message;
    return { row, column, reason };
  }

  private ignore(name: string): void {
    const short = name.slice(0, MAX_NAME);
    if (this.ignoredColumns.length < MAX_IGNORED && !this.ignoredColumns.includes(short))
      this.ignoredColumns.push(short);
  }
}

/** CSV cells are text: an empty cell is no value, anything else must read as a number. */
function csvNumber(cell: unknown): unknown {
  if (typeof cell !== 'string') return cell;
  const t = cell.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function isMalformed(r: ValidEvent | MalformedEventRow): r is MalformedEventRow {
  return 'reason' in r;
}

import type { Permutation } from './permute.js';

/** A permutation with the DNS answers `resolvePermutations` found, keyed as dnstwist keys them. */
export interface ResolvedPermutation extends Permutation {
  dns_a?: string[];
  dns_aaaa?: string[];
  dns_ns?: string[];
  dns_mx?: string[];
}

type Row = ResolvedPermutation;

function cell(value: unknown): string {
  if (Array.isArray(value)) return cell(value.join(';'));
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  // dnstwist only quotes values holding a comma; we also escape quotes and drop line breaks.
  const flat = value.replace(/[\r\n]+/g, ' ');
  return /[",]/.test(flat) ? `"${flat.replaceAll('"', '""')}"` : flat;
}

/** dnstwist's CSV: `fuzzer,domain`, then every other column present, sorted; lists joined by `;`. */
export function toCsv(rows: readonly Row[]): string {
  const extra = new Set<string>();
  for (const row of rows)
    for (const k of Object.keys(row)) if (k !== 'fuzzer' && k !== 'domain') extra.add(k);
  const cols = ['fuzzer', 'domain', ...[...extra].sort()];
  const lines = [cols.join(',')];
  for (const row of rows)
    lines.push(cols.map((c) => cell((row as unknown as Record<string, unknown>)[c])).join(','));
  return `${lines.join('\n')}\n`;
}

function sortKeys(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row).sort()) out[k] = (row as unknown as Record<string, unknown>)[k];
  return out;
}

/** dnstwist's JSON: an array of objects with sorted keys, indented by 4. */
export function toJson(rows: readonly Row[]): string {
  return `${JSON.stringify(rows.map(sortKeys), null, 4)}\n`;
}

/** dnstwist's list format: one domain a line. */
export function toList(rows: readonly Row[]): string {
  return rows.length === 0 ? '' : `${rows.map((r) => r.domain).join('\n')}\n`;
}

export type PermutationFormat = 'csv' | 'json' | 'list';

export function formatPermutations(rows: readonly Row[], format: PermutationFormat): string {
  if (format === 'csv') return toCsv(rows);
  if (format === 'json') return toJson(rows);
  return toList(rows);
}

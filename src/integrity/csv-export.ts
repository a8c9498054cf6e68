/**
 * CSV for reports that people open in spreadsheets. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return that some parsers strip first) get a
 * leading apostrophe, as OWASP's CSV injection guidance recommends; numbers are written as numbers
 * (a negative number is data, not a formula). Cells are quoted per RFC 4180 when needed.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

export function escapeCsvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    text = String(value);
  } else {
    text = typeof value === 'string' ? value : JSON.stringify(value);
    if (text.length > 0 && FORMULA_START.has(text[0]!)) text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as objects; `columns` fixes the order (default: keys of the first row). Lines end with CRLF. */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const lines = [cols.map(escapeCsvCell).join(',')];
  for (const row of rows) lines.push(cols.map((c) => escapeCsvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

// Pure (no import), so the Node tests can use it.

/** The fields of an import problem (api.ts ImportIssue) that decide how it is listed. */
interface Issue {
  row: number;
  column: string;
  code: string;
}

/** An import problem as listed, with every row it was found on (ascending, as the report lists them). */
export type IssueLine<T extends Issue> = T & { rows: number[] };

/**
 * Groups the report's issues for display: an unknown column is a property of the file, not of a
 * row (a JSON file reports it on every row), so it is listed once with the rows it appears on;
 * every other issue stays on its own line.
 */
export function issueLines<T extends Issue>(issues: readonly T[]): Array<IssueLine<T>> {
  const lines: Array<IssueLine<T>> = [];
  const unknown = new Map<string, IssueLine<T>>();
  for (const issue of issues) {
    const seen = issue.code === 'unknown_column' ? unknown.get(issue.column) : undefined;
    if (seen) {
      seen.rows.push(issue.row);
      continue;
    }
    const line = { ...issue, rows: [issue.row] };
    if (issue.code === 'unknown_column') unknown.set(issue.column, line);
    lines.push(line);
  }
  return lines;
}

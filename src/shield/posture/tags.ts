/** DMARC, DKIM, MTA-STS, TLS-RPT and BIMI records share one shape: `k=v; k=v`. */
export interface TagList {
  tags: Map<string, string>;
  /** Tag names in order (the version tag must come first). */
  order: string[];
  errors: string[];
}

const MAX_RECORD = 4096;
const MAX_TAGS = 64;

export function parseTags(record: string): TagList {
  const tags = new Map<string, string>();
  const order: string[] = [];
  const errors: string[] = [];
  const parts = record.slice(0, MAX_RECORD).split(';').slice(0, MAX_TAGS);
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      errors.push(`"${part.slice(0, 40)}" is not a tag=value pair`);
      continue;
    }
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (tags.has(name)) errors.push(`tag ${name} appears twice`);
    else {
      tags.set(name, value);
      order.push(name);
    }
  }
  return { tags, order, errors };
}

/** TXT records that start with the given version tag (`v=DMARC1`), case-insensitively. */
export function recordsWithVersion(records: readonly string[], version: string): string[] {
  const v = version.toLowerCase();
  return records.filter((r) => {
    const head = r.trimStart().toLowerCase();
    return head.startsWith(v) && (head.length === v.length || /[\s;]/.test(head[v.length]!));
  });
}

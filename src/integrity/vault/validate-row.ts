import { z } from 'zod';
import {
  isFutureConsent,
  PROFILE_FIELDS,
  type Profile,
  PURPOSES,
  type Purpose,
  plainLabel,
  profileFieldsSchema,
} from './model.js';
import { normalisePhone } from './phone.js';
import { MAX_EXTERNAL_ID, normaliseEmail } from './subject.js';

/** One problem in an import: the row (1 = CSV header / first JSON record) and the column at fault. */
export interface ImportIssue {
  row: number;
  column: string;
  /** Stable, for the console to word in the reader's language. */
  code: IssueCode;
  /** English detail (zod's message for a value that fails its rule). */
  reason: string;
}

export type IssueCode =
  | 'unknown_column'
  | 'invalid_value'
  | 'not_json_object'
  | 'expected_yes_no'
  | 'lawful_basis_required'
  | 'key_required'
  | 'invalid_phone'
  | 'too_many_rows'
  | 'unreadable'
  /** The CSV's first line has none of the known columns: most likely data, so nothing of it is shown. */
  | 'not_a_header'
  /** The customer asked for erasure: their profile may not be imported again. */
  | 'erased_subject'
  /** A second row for the same customer in one file (the reason gives the first row, never the key). */
  | 'duplicate_key'
  /** A column named twice in the header (or twice, in different case, in a JSON record). */
  | 'duplicate_column';

export interface ImportedConsent {
  purpose: Purpose;
  status: 'given' | 'withdrawn';
  at: string | undefined;
}

export interface ValidRow {
  /** The fields given by the row; fields it does not mention are kept from the stored profile. */
  profile: Profile;
  /** Profile fields present with an empty cell (or JSON null): removed from the stored profile. */
  cleared: string[];
  /** The column the customer is keyed by. */
  keyColumn: 'external_id' | 'email';
  /** E.164 phone, for the blind index. */
  phone: string | undefined;
  consents: ImportedConsent[];
  consentSource: string;
}

const CONSENT_COLUMNS = PURPOSES.map((p) => `consent_${p}`);
export const IMPORT_COLUMNS: readonly string[] = [
  'external_id',
  ...PROFILE_FIELDS,
  ...CONSENT_COLUMNS,
  'consent_source',
  'consent_at',
];
const KNOWN = new Set(IMPORT_COLUMNS);

/** A known column name in any case and with surrounding spaces (`External_ID `) as it is known. */
export function canonicalColumn(name: string): string {
  const trimmed = name.trim();
  const lower = trimmed.toLowerCase();
  return KNOWN.has(lower) ? lower : trimmed;
}

export function unknownColumns(columns: Iterable<string>): string[] {
  return [...columns].filter((c) => !KNOWN.has(c));
}

/**
 * A column name that may be a person's data rather than a name: a file without a header (or with a
 * shifted one) puts someone's e-mail, phone or name in the header line, and reporting "unknown column
 * jean.dupont@example.com" would copy it into the report, which is shown, returned by the API and
 * may be logged.
 * Heuristic (linear, no backtracking): long, an @, five digits or more (phone, postal code, id), or a
 * character a column name would not use. Such a column is reported by its position instead.
 */
export function looksLikeData(name: string): boolean {
  if (name.length > 64 || name.includes('@')) return true;
  let digits = 0;
  for (const ch of name) if (ch >= '0' && ch <= '9') digits++;
  return digits >= 5 || !/^[\p{L}\p{N} _.()#/-]*$/u.test(name);
}

/** How a column is named in a report: its name, or its 1-based position when the name looks like data. */
export function columnLabel(name: string, index: number): string {
  return looksLikeData(name) ? `column ${index + 1}` : name;
}

/** Columns named in "expected columns such as ..." when the first line is not a header. */
const EXAMPLE_COLUMNS = [
  'external_id',
  'email',
  'first_name',
  'last_name',
  'phone',
  'consent_marketing_email',
];

/**
 * The issues of a CSV header: one `not_a_header` issue when none of its columns is known (the first
 * line is most likely a person's data: none of it is echoed), else one `unknown_column` per unknown
 * column, named only when the name does not look like data.
 */
export function headerIssues(columns: string[]): ImportIssue[] {
  if (columns.length > 0 && !columns.some((c) => KNOWN.has(c)))
    return [
      {
        row: 1,
        column: '',
        code: 'not_a_header',
        reason: `the first line is not a header; expected columns such as ${EXAMPLE_COLUMNS.join(', ')}`,
      },
    ];
  return [...unknownColumnIssues(1, columns), ...duplicateColumnIssues(1, columns)];
}

/** csv-parse keeps the last of two same-named columns: silently losing the first is refused instead. */
function duplicateColumnIssues(row: number, columns: string[]): ImportIssue[] {
  const seen = new Set<string>();
  const issues: ImportIssue[] = [];
  columns.forEach((c, i) => {
    if (seen.has(c))
      issues.push({
        row,
        column: columnLabel(c, i),
        code: 'duplicate_column',
        reason: 'this column appears more than once in the header',
      });
    seen.add(c);
  });
  return issues;
}

function unknownColumnIssues(row: number, columns: string[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  columns.forEach((c, i) => {
    if (!KNOWN.has(c))
      issues.push({
        row,
        column: columnLabel(c, i),
        code: 'unknown_column',
        reason: looksLikeData(c) ? 'unknown column (its name looks like data: not shown)' : 'unknown column',
      });
  });
  return issues;
}

const YES = new Set(['yes', 'y', 'true', '1', 'given', 'oui']);
const NO = new Set(['no', 'n', 'false', '0', 'withdrawn', 'non']);

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_REASON = 'control characters are not allowed';
/** Text fields checked for control characters (a tab or a NUL pasted in a name, as events refuse). */
const TEXT_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'street', 'postal_code', 'city', 'country'];

const extrasSchema = z.object({
  external_id: z
    .string()
    .trim()
    .max(MAX_EXTERNAL_ID)
    .refine((s) => !CONTROL.test(s), CONTROL_REASON)
    .optional(),
  consent_source: plainLabel(100).optional(),
  // Same rule as the API (setConsent): a consent decision cannot be dated in the future.
  consent_at: z.iso
    .datetime({ offset: true })
    .refine((at) => !isFutureConsent(at), 'a consent cannot be dated in the future')
    .optional(),
});

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Empty CSV cells mean "no value"; JSON nulls too. */
function present(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!isEmpty(v)) out[k] = v;
  return out;
}

/** JSON keys as known columns, in any case; two keys naming the same column are an issue. */
function canonicalKeys(
  row: number,
  raw: Record<string, unknown>,
  issues: ImportIssue[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(raw);
  keys.forEach((k, i) => {
    const c = canonicalColumn(k);
    if (c in out)
      issues.push({
        row,
        column: columnLabel(c, i),
        code: 'duplicate_column',
        reason: 'this column appears more than once in the record',
      });
    out[c] = raw[k];
  });
  return out;
}

/**
 * `birth_year: true` would be coerced to 1 ("Too small: >=1900"): only a number or digits can be a year.
 */
function notAYear(v: unknown): boolean {
  if (typeof v === 'number') return false;
  return typeof v !== 'string' || !/^\s*\d{1,6}\s*$/.test(v);
}

function zodIssues(row: number, error: z.ZodError): ImportIssue[] {
  return error.issues.map((i) => ({
    row,
    column: String(i.path[0] ?? ''),
    code: 'invalid_value',
    reason: i.message,
  }));
}

/** Sensitive attributes need a lawful basis; an e-mail or a CRM id is needed to key the profile. */
export function profileRules(
  p: Partial<Profile>,
  external: string | undefined,
): Array<[column: string, code: IssueCode, reason: string]> {
  const problems: Array<[string, IssueCode, string]> = [];
  if ((p.gender || p.age_band) && !p.sensitive_basis)
    problems.push([
      p.gender ? 'gender' : 'age_band',
      'lawful_basis_required',
      'held only with a lawful basis in sensitive_basis',
    ]);
  if (!external && !p.email)
    problems.push(['external_id', 'key_required', 'an external_id or an e-mail is required']);
  return problems;
}

/**
 * Validates one import record (CSV cells are strings; JSON values may be typed) and returns the sealed-
 * to-be profile, or the list of problems. Values never appear in the reasons: the report is shown and
 * may be logged, and it must not leak the personal data it is about.
 */
export function validateRow(
  row: number,
  raw: Record<string, unknown>,
): { ok: true; value: ValidRow } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const named = canonicalKeys(row, raw, issues);
  const record = present(named);
  issues.push(...unknownColumnIssues(row, Object.keys(named)));
  const fields: Record<string, unknown> = {};
  const cleared: string[] = [];
  for (const f of PROFILE_FIELDS) {
    if (f in record) fields[f] = record[f];
    else if (f in named) cleared.push(f);
  }
  for (const f of TEXT_FIELDS)
    if (typeof fields[f] === 'string' && CONTROL.test(fields[f] as string)) {
      issues.push({ row, column: f, code: 'invalid_value', reason: CONTROL_REASON });
      delete fields[f];
    }
  if ('birth_year' in fields && notAYear(fields.birth_year)) {
    issues.push({ row, column: 'birth_year', code: 'invalid_value', reason: 'expected a year' });
    delete fields.birth_year;
  }
  if (typeof fields.attributes === 'string') {
    try {
      fields.attributes = JSON.parse(fields.attributes);
    } catch {
      issues.push({ row, column: 'attributes', code: 'not_json_object', reason: 'not a JSON object' });
      delete fields.attributes;
    }
  }
  const parsed = profileFieldsSchema.safeParse(fields);
  if (!parsed.success) issues.push(...zodIssues(row, parsed.error));
  const extras = extrasSchema.safeParse({
    external_id: asText(record.external_id),
    consent_source: asText(record.consent_source),
    consent_at: asText(record.consent_at),
  });
  if (!extras.success) issues.push(...zodIssues(row, extras.error));

  const consents: ImportedConsent[] = [];
  for (const purpose of PURPOSES) {
    const v = record[`consent_${purpose}`];
    if (v === undefined) continue;
    const s = String(v).trim().toLowerCase();
    if (YES.has(s)) consents.push({ purpose, status: 'given', at: undefined });
    else if (NO.has(s)) consents.push({ purpose, status: 'withdrawn', at: undefined });
    else
      issues.push({
        row,
        column: `consent_${purpose}`,
        code: 'expected_yes_no',
        reason: 'expected yes or no',
      });
  }
  if (!parsed.success || !extras.success || issues.length > 0)
    return {
      ok: false,
      issues:
        issues.length > 0 ? issues : [{ row, column: '', code: 'invalid_value', reason: 'invalid row' }],
    };

  const p = parsed.data;
  const external = extras.data.external_id || undefined;
  // A row updates a stored profile field by field: what the row alone cannot settle (a gender whose
  // lawful basis is stored, a national phone number whose country is stored) is checked once merged
  // (mergeProfile, on writing). A basis the row clears, or a country it gives, settle it here.
  for (const [column, code, reason] of profileRules(p, external))
    if (code !== 'lawful_basis_required' || cleared.includes('sensitive_basis'))
      issues.push({ row, column, code, reason });
  let phone: string | undefined;
  if (p.phone) {
    phone = normalisePhone(p.phone, p.country);
    if (!phone && 'country' in named)
      issues.push({ row, column: 'phone', code: 'invalid_phone', reason: 'not a valid phone number' });
  }
  if (issues.length > 0) return { ok: false, issues };
  const email = p.email ? normaliseEmail(p.email) : undefined;
  const profile: Profile = { ...p, ...(email ? { email } : {}), external_id: external ?? email! };
  for (const c of consents) c.at = extras.data.consent_at;
  return {
    ok: true,
    value: {
      profile,
      cleared,
      keyColumn: external ? 'external_id' : 'email',
      phone,
      consents,
      consentSource: extras.data.consent_source ?? 'import',
    },
  };
}

function asText(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : String(v);
}

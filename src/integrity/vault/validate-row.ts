import { z } from 'zod';
import {
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
  | 'unreadable';

export interface ImportedConsent {
  purpose: Purpose;
  status: 'given' | 'withdrawn';
  at: string | undefined;
}

export interface ValidRow {
  profile: Profile;
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

export function unknownColumns(columns: Iterable<string>): string[] {
  return [...columns].filter((c) => !KNOWN.has(c));
}

const YES = new Set(['yes', 'y', 'true', '1', 'given', 'oui']);
const NO = new Set(['no', 'n', 'false', '0', 'withdrawn', 'non']);

const extrasSchema = z.object({
  external_id: z.string().trim().max(MAX_EXTERNAL_ID).optional(),
  consent_source: plainLabel(100).optional(),
  consent_at: z.iso.datetime({ offset: true }).optional(),
});

/** Empty CSV cells mean "not given"; JSON nulls too. */
function present(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = v;
  }
  return out;
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
  const record = present(raw);
  const issues: ImportIssue[] = unknownColumns(Object.keys(raw)).map((column) => ({
    row,
    column,
    code: 'unknown_column',
    reason: 'unknown column',
  }));
  const fields: Record<string, unknown> = {};
  for (const f of PROFILE_FIELDS) if (f in record) fields[f] = record[f];
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
  for (const [column, code, reason] of profileRules(p, external)) issues.push({ row, column, code, reason });
  let phone: string | undefined;
  if (p.phone) {
    phone = normalisePhone(p.phone, p.country);
    if (!phone)
      issues.push({ row, column: 'phone', code: 'invalid_phone', reason: 'not a valid phone number' });
  }
  if (issues.length > 0) return { ok: false, issues };
  const email = p.email ? normaliseEmail(p.email) : undefined;
  const profile: Profile = { ...p, ...(email ? { email } : {}), external_id: external ?? email! };
  for (const c of consents) c.at = extras.data.consent_at;
  return {
    ok: true,
    value: { profile, phone, consents, consentSource: extras.data.consent_source ?? 'import' },
  };
}

function asText(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : String(v);
}

// The customer vault's API (src/server/routes/customers.ts) as the Customers page uses it.
import { api, csrfHeaders } from '../../api/client';
import { ApiError, parseProblem } from '../../api/problem';

export const PURPOSES = ['marketing_email', 'profiling', 'recommendations', 'analytics'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const EDITABLE_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'street',
  'postal_code',
  'city',
  'country',
  'birth_year',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface Profile extends Partial<Record<EditableField, string | number>> {
  external_id: string;
  gender?: string;
  age_band?: string;
  sensitive_basis?: string;
  attributes?: Record<string, unknown>;
}

export interface Customer {
  subject: string;
  profile: Profile;
  createdAt: string;
  updatedAt: string;
  lastActiveAt: string | null;
}

export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;

export interface Consent {
  purpose: Purpose;
  status: 'given' | 'withdrawn';
  lawful_basis: (typeof LAWFUL_BASES)[number];
  source: string;
  given_at: string | null;
  withdrawn_at: string | null;
  updated_at: string;
}

export const ISSUE_CODES = [
  'unknown_column',
  'invalid_value',
  'not_json_object',
  'expected_yes_no',
  'lawful_basis_required',
  'key_required',
  'invalid_phone',
  'too_many_rows',
  'unreadable',
  'not_a_header',
  'erased_subject',
  'duplicate_key',
  'duplicate_column',
] as const;

export interface ImportIssue {
  row: number;
  column: string;
  code: (typeof ISSUE_CODES)[number];
  /** English detail from the server's rule. */
  reason: string;
}

export interface ImportReport {
  importId: string;
  format: 'csv' | 'json';
  dryRun: boolean;
  ok: boolean;
  rows: number;
  invalidRows: number;
  created: number;
  updated: number;
  consents: number;
  issues: ImportIssue[];
  issuesTruncated: boolean;
}

const BASE = '/api/v1/customers';

// The e-mail goes in a POST body: it never appears in a URL or an access log.
export const findCustomers = (email: string) => api.post<{ subjects: string[] }>(`${BASE}/find`, { email });
export const fetchCustomer = (subject: string) => api.get<{ customer: Customer }>(`${BASE}/${subject}`);
export const rectifyCustomer = (
  subject: string,
  patch: Partial<Record<EditableField, string | number | null>>,
) => api.patch<{ customer: Customer }>(`${BASE}/${subject}`, patch);
export const eraseCustomer = (subject: string) =>
  api.delete<{ requestId: string; deleted: Record<string, number> }>(`${BASE}/${subject}`);
export const exportCustomer = (subject: string) =>
  api.post<Record<string, unknown>>(`${BASE}/${subject}/access`);
export const fetchConsents = (subject: string) =>
  api.get<{ consents: Consent[] }>(`${BASE}/${subject}/consents`);
export const putConsent = (subject: string, purpose: Purpose, status: Consent['status']) =>
  api.put<{ consents: Consent[] }>(`${BASE}/${subject}/consents`, { purpose, status, source: 'console' });

export const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * Uploads an import file. A refused import answers 400 with the validation report inside the problem
 * document, which the shared client does not keep: this call reads it itself.
 */
export async function uploadImport(
  file: File,
  format: 'csv' | 'json',
  dryRun: boolean,
): Promise<ImportReport> {
  const response = await fetch(`${BASE}/import?format=${format}&dryRun=${dryRun}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson',
      ...csrfHeaders(),
    },
    body: file,
  });
  const body = (await response.json().catch(() => undefined)) as { report?: ImportReport } | undefined;
  if (body?.report) return body.report;
  throw new ApiError(response.status, parseProblem(body));
}

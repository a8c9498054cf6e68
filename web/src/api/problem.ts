// RFC 9457 problem details as the Vigie API sends them. Pure: no DOM, no fetch, so tests can use it.

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  /** A finer, stable code for a known situation (`propensity-one-outcome`) that the console words itself. */
  reason?: string;
  /** VALIDATION problems: which inputs failed (path as `body.field`), with the server's English rule. */
  errors?: FieldError[];
}

export interface FieldError {
  path: string;
  message: string;
}

const MAX_TEXT = 500;
const MAX_ERRORS = 20;

function shortString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT)}…` : trimmed;
}

/** Reads a problem body defensively: any field may be missing or of the wrong type. */
export function parseProblem(body: unknown): Problem {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const problem: Problem = {};
  const type = shortString(record.type);
  const title = shortString(record.title);
  const detail = shortString(record.detail);
  const code = shortString(record.code);
  if (type) problem.type = type;
  if (title) problem.title = title;
  if (detail) problem.detail = detail;
  if (code) problem.code = code;
  if (typeof record.reason === 'string' && /^[a-z0-9-]{1,64}$/.test(record.reason))
    problem.reason = record.reason;
  if (typeof record.status === 'number' && Number.isInteger(record.status)) problem.status = record.status;
  const errors = fieldErrors(record.errors);
  if (errors.length > 0) problem.errors = errors;
  return problem;
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  const errors: FieldError[] = [];
  for (const item of value.slice(0, MAX_ERRORS)) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as Record<string, unknown>;
    if (typeof path !== 'string' || path.length > 200) continue;
    errors.push({ path, message: shortString(message) ?? '' });
  }
  return errors;
}

/**
 * The names of the inputs a VALIDATION problem points at, without the request part (`body.kAnonymity`
 * is `kAnonymity`), each once: for a form to mark its fields invalid and to name them.
 */
export function invalidFields(error: unknown): string[] {
  if (!isApiError(error) || error.problem.code !== 'VALIDATION') return [];
  const names = (error.problem.errors ?? [])
    .map((e) => e.path.replace(/^body\./, ''))
    .filter((n) => n !== '');
  return [...new Set(names)];
}

/** The text to show a person: the server's detail, else its title, else nothing (caller falls back). */
export function problemMessage(problem: Problem): string | undefined {
  return problem.detail ?? problem.title;
}

/** An HTTP error from the API, carrying the problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problemMessage(problem) ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isForbidden(error: unknown): boolean {
  return isApiError(error) && error.status === 403;
}

/**
 * One error catalog for the whole product. Modules throw `AppError`s by code; the server maps them to
 * RFC 9457 problem+json and the CLI to exit code 2 with one line on stderr. Messages never carry
 * secrets or personal data: put identifiers in `details` only when they are safe to show.
 */
export const errorCatalog = {
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  VALIDATION: { status: 400, title: 'Invalid input' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  INVALID_CREDENTIALS: { status: 401, title: 'Invalid username or password' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  CSRF: { status: 403, title: 'Missing or invalid CSRF token' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  URI_TOO_LONG: { status: 414, title: 'URI too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  LOCKED: { status: 423, title: 'Account temporarily locked' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  DECRYPT_FAILED: { status: 500, title: 'Encrypted data could not be authenticated' },
  MASTER_KEY_MISMATCH: { status: 500, title: 'The master key does not match this workspace' },
  INTEGRITY: { status: 500, title: 'Integrity check failed' },
  CONFIG: { status: 500, title: 'Invalid configuration' },
  NOT_READY: { status: 503, title: 'Service not ready' },
  INTERNAL: { status: 500, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

/**
 * Finer codes for situations a person can fix, sent as the problem's `reason`: the console words
 * each one in the reader's language (errors.reasons.* in its catalogues), the CLI prints the message.
 */
export const PROBLEM_REASONS = [
  'propensity-too-few',
  'propensity-one-outcome',
  'clusters-too-few',
  'own-batch',
  'consent-outdated',
  'recommendations-not-computed',
  'segment-stale',
  'segment-too-small',
  'segment-recomputed',
  'own-request',
] as const;
export type ProblemReason = (typeof PROBLEM_REASONS)[number];

/** The `details` of an AppError that carries a reason. */
export const because = (reason: ProblemReason): { reason: ProblemReason } => ({ reason });

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? errorCatalog[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.details = details;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}

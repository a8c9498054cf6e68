import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, type ErrorCode, errorCatalog, maskPath } from '../core/index.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: Array<{ path: string; message: string }>;
  [extra: string]: unknown;
}

export function problem(code: ErrorCode, detail?: string, extra: Partial<Problem> = {}): Problem {
  const entry = errorCatalog[code];
  return {
    type: `urn:vigie:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: entry.title,
    status: entry.status,
    detail: detail ?? entry.title,
    code,
    ...extra,
  };
}

// Fastify's own client errors, mapped to our catalog (their messages are safe to show).
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
  FST_CSRF_INVALID_TOKEN: 'CSRF',
  FST_CSRF_MISSING_SECRET: 'CSRF',
};

function zodIssues(err: ZodError): Problem['errors'] {
  return err.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Errors the router raises before any route runs: their messages quote the raw path, so ours do not. */
export function routerProblem(err: FastifyError, req: FastifyRequest): Problem {
  const instance = maskPath(req.url);
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return problem('URI_TOO_LONG', 'a path parameter is too long', { instance });
  if (err.code === 'FST_ERR_BAD_URL') return problem('BAD_REQUEST', 'the URL is not valid', { instance });
  return toProblem(err, req);
}

/** Maps any error to problem+json: 4xx with a clear detail for bad input, a bare 500 otherwise. */
export function toProblem(err: unknown, req: FastifyRequest): Problem {
  const instance = maskPath(req.url);
  if (err instanceof AppError) {
    return problem(err.code, err.message, { instance, ...(err.details ?? {}) });
  }
  if (err instanceof ZodError) {
    return problem('VALIDATION', err.issues[0]?.message ?? 'invalid input', {
      instance,
      errors: zodIssues(err),
    });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.slice(0, 20).map((v) => ({
      path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message ?? 'invalid',
    }));
    return problem('VALIDATION', `${errors[0]?.path}: ${errors[0]?.message}`, { instance, errors });
  }
  const fe = err as FastifyError;
  if (fe?.code && FASTIFY_CODES[fe.code]) return problem(FASTIFY_CODES[fe.code]!, fe.message, { instance });
  if (fe?.statusCode === 429)
    return problem('RATE_LIMITED', 'too many requests: slow down and retry later', { instance });
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { ...problem('BAD_REQUEST', fe.message, { instance }), status: fe.statusCode };
  }
  return problem('INTERNAL', 'an internal error occurred; it was logged', { instance });
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}

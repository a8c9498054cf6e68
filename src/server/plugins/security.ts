import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { problem } from '../problem.js';

export interface SecurityOptions {
  /** Requests per minute per client IP across the API. */
  rateLimitPerMinute: number;
}

/** Helmet with a strict CSP, signed cookies, CSRF tokens bound to the user, and rate limiting. */
async function securityPlugin(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: app.vigie.keyring.deriveKey('cookie-signing').toString('base64') });
  await app.register(csrf, {
    cookieKey: 'vigie_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/' },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
    getUserInfo: (req) => req.principal?.userId ?? '',
    csrfOpts: { hmacKey: app.vigie.keyring.deriveKey('csrf-hmac').toString('base64') },
  });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) => ({
      ...problem('RATE_LIMITED', `too many requests: retry in ${Math.ceil(ctx.ttl / 1000)} s`),
      statusCode: 429,
    }),
  });
}

export default fp(securityPlugin, { name: 'vigie-security' });

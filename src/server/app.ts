import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, maskPath, packageRoot, type Vigie } from '../core/index.js';
import authPlugin from './plugins/auth.js';
import consolePlugin from './plugins/console.js';
import docsPlugin from './plugins/docs.js';
import observabilityPlugin from './plugins/observability.js';
import securityPlugin from './plugins/security.js';
import { problem, routerProblem, sendProblem, toProblem } from './problem.js';
import { assistantRoutes } from './routes/assistant.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { customerRoutes } from './routes/customers.js';
import { guardRoutes } from './routes/guard.js';
import { insightsRoutes } from './routes/insights.js';
import { integrityRoutes } from './routes/integrity.js';
import { keyRoutes } from './routes/keys.js';
import { publicChatRoutes } from './routes/public-chat.js';
import { type ShieldRouteOptions, shieldRoutes } from './routes/shield.js';
import { studioRoutes } from './routes/studio.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import './types.js';

export interface AppOptions {
  /** Largest accepted request body, in bytes (default 1 MiB). */
  bodyLimit?: number;
  rateLimitPerMinute?: number;
  /** Login attempts per minute per client IP (default 10); lockout per account comes on top. */
  loginRateLimitPerMinute?: number;
  /** Folder of the built console; default `dist/web` in the package. */
  consoleRoot?: string;
  logger?: boolean;
  /** DNS seams for Shield (tests pass functions). */
  shield?: ShieldRouteOptions;
}

/** Builds the HTTP app: console, API, docs and probes. One plugin per concern, thin routes. */
export async function buildApp(vigie: Vigie, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger === false ? undefined : vigie.log,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Behind a load balancer, rate limits must see the client, not the proxy.
    trustProxy: vigie.config.trustProxy ?? false,
    frameworkErrors: (err, req, reply) => sendProblem(reply, routerProblem(err, req)),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('vigie', vigie);

  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err, req);
    if (p.status >= 500) req.log.error({ err }, 'request failed');
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((req, reply) => {
    const wantsPage =
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      (req.headers.accept ?? '').includes('text/html');
    if (wantsPage && 'sendFile' in reply) return reply.sendFile('index.html');
    return sendProblem(reply, problem('NOT_FOUND', `no route for ${req.method} ${maskPath(req.url)}`));
  });

  // NUL bytes have no business in our text fields and PostgreSQL rejects them: refuse them at the door.
  app.addHook('preValidation', async (req) => {
    if (req.url.includes('%00') || (!Buffer.isBuffer(req.body) && hasNul(req.body))) {
      throw new AppError('VALIDATION', 'the request contains a NUL character');
    }
  });

  await app.register(securityPlugin, { rateLimitPerMinute: options.rateLimitPerMinute ?? 1200 });
  await app.register(authPlugin);
  await app.register(docsPlugin);
  await app.register(observabilityPlugin);
  await app.register(authRoutes, { loginPerMinute: options.loginRateLimitPerMinute ?? 10 });
  await app.register(userRoutes);
  await app.register(tokenRoutes);
  await app.register(keyRoutes);
  await app.register(auditRoutes);
  await app.register(guardRoutes);
  await app.register(shieldRoutes, options.shield ?? {});
  await app.register(studioRoutes);
  await app.register(assistantRoutes);
  await app.register(customerRoutes);
  await app.register(integrityRoutes);
  await app.register(insightsRoutes);
  await app.register(publicChatRoutes);
  await app.register(consolePlugin, { root: options.consoleRoot ?? join(packageRoot(), 'dist', 'web') });
  return app as unknown as FastifyInstance;
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (hasNul(v, depth + 1)) return true;
  return false;
}

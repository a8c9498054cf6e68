import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, resolveSession, resolveToken } from '../../core/index.js';
import { SESSION_COOKIE } from '../types.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes added by third-party plugins (API docs UI, static console files) are public by nature. */
function isPluginRoute(url: string): boolean {
  return url.startsWith('/api/docs') || !url.startsWith('/api/');
}

/**
 * Resolves who is calling (bearer token or session cookie) and enforces each route's declared
 * permission before validation, so an unauthorised caller learns nothing from error details.
 * Browser sessions also need the CSRF header on state-changing requests.
 */
async function authPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('principal', undefined);
  app.decorate('routeCatalog', []);

  app.addHook('onRoute', (route) => {
    const config = route.config ?? {};
    if (!config.permission && !config.public) {
      if (!isPluginRoute(route.url))
        throw new Error(`route ${route.method} ${route.url} declares no permission`);
      route.config = { ...route.config, public: true };
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeCatalog.push({
        method,
        url: route.url,
        permission: config.permission,
        public: Boolean(route.config?.public),
      });
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // Unmatched URLs go to the not-found handler (console pages, or a 404 problem): nothing to authorise.
    if (req.is404) return;
    const config = req.routeOptions.config;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.principal = await resolveToken(app.vigie, auth.slice(7).trim());
      if (!req.principal && !config.public)
        throw new AppError('UNAUTHENTICATED', 'the token is invalid, expired or revoked');
    } else if (!req.url.startsWith('/public/')) {
      // The public chat API never reads console sessions: a visitor's browser may carry one.
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) req.principal = await resolveSession(app.vigie, cookie);
    }
    if (config.public) return;
    if (!req.principal) throw new AppError('UNAUTHENTICATED', 'log in or send a bearer token');
    if (config.permission && !req.principal.permissions.has(config.permission)) {
      throw new AppError('FORBIDDEN', `your role (${req.principal.role}) does not allow this action`);
    }
    if (req.principal.via === 'session' && !SAFE_METHODS.has(req.method) && !config.skipCsrf) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(new AppError('CSRF')) : resolve()));
      });
    }
  });
}

export default fp(authPlugin, { name: 'vigie-auth', dependencies: ['vigie-security'] });

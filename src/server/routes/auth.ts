import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actorOf,
  deleteSession,
  getUserRow,
  login,
  type Principal,
  permissionsOf,
  toUserView,
} from '../../core/index.js';
import { SESSION_COOKIE } from '../types.js';
import { sessionSchema } from './schemas.js';

const loginBody = z.object({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(256),
});

function secure(req: FastifyRequest): boolean {
  const mode = req.server.vigie.config.secureCookies;
  return mode === 'true' || (mode === 'auto' && req.protocol === 'https');
}

async function sessionView(req: FastifyRequest, reply: FastifyReply, principal: Principal) {
  const user = await toUserView(req.server.vigie, await getUserRow(req.server.vigie.db, principal.userId));
  const csrfToken =
    principal.via === 'session'
      ? await reply.generateCsrf({ userInfo: principal.userId, secure: secure(req) })
      : '';
  return {
    user: {
      id: user.id,
      username: user.username,
      role: user.role,
      displayName: user.displayName,
      email: user.email,
      locale: null,
    },
    csrfToken,
    permissions: [...principal.permissions],
  };
}

export const authRoutes: FastifyPluginAsyncZod<{ loginPerMinute: number }> = async (app, opts) => {
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in and open a browser session',
        body: loginBody,
        response: { 200: sessionSchema },
      },
      config: {
        public: true,
        skipCsrf: true,
        rateLimit: { max: opts.loginPerMinute, timeWindow: '1 minute' },
      },
    },
    async (req, reply) => {
      const result = await login(app.vigie, req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, result.cookie, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: secure(req),
        expires: new Date(result.expiresAt),
      });
      return sessionView(req, reply, {
        ...result.principal,
        permissions: new Set(permissionsOf(result.principal.role)),
      });
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: { tags: ['auth'], summary: 'Who am I', response: { 200: sessionSchema } },
      config: { permission: 'self:use' },
    },
    async (req, reply) => sessionView(req, reply, req.principal!),
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Close the browser session' }, config: { permission: 'self:use' } },
    async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) await deleteSession(app.vigie, cookie);
      await app.vigie.ledger.record({
        actor: actorOf(req.principal),
        action: 'auth.logout',
        target: `user:${req.principal!.userId}`,
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );
};

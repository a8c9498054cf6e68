import type { FastifyInstance } from 'fastify';
import { ensureAdmin, type Vigie } from '../../src/core/index.js';
import { buildApp } from '../../src/server/app.js';
import { type Engine, openTestVigie } from './vigie.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  vigie: Vigie;
  adminPassword: string;
  close(): Promise<void>;
}

/** The real app on 127.0.0.1, a random port and a fresh workspace with an `admin` user. */
export async function startTestServer(
  options: {
    engine?: Engine;
    rateLimitPerMinute?: number;
    loginRateLimitPerMinute?: number;
    consoleRoot?: string;
    listen?: boolean;
  } = {},
): Promise<TestServer> {
  const t = await openTestVigie(options.engine ?? 'sqlite', { VIGIE_ADMIN_PASSWORD: ADMIN_PASSWORD });
  await ensureAdmin(t.vigie);
  const app = await buildApp(t.vigie, {
    logger: false,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10_000,
    ...(options.consoleRoot ? { consoleRoot: options.consoleRoot } : {}),
    // No DNS in tests: names do not exist, so mail authentication and posture see empty zones.
    shield: {
      resolver: async () => {
        throw Object.assign(new Error('no such name'), { code: 'ENOTFOUND' });
      },
      dnsQuery: async () => [],
    },
  });
  let url = '';
  if (options.listen !== false) url = await app.listen({ host: '127.0.0.1', port: 0 });
  else await app.ready();
  return {
    url,
    app,
    vigie: t.vigie,
    adminPassword: ADMIN_PASSWORD,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}

/** Logs in through the API and returns what a browser would hold: the cookies and the CSRF token. */
export async function loginAs(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return {
    cookie,
    csrf: res.json().csrfToken as string,
    headers: { cookie, 'x-csrf-token': res.json().csrfToken as string },
  };
}

import type { Permission, Principal, Vigie } from '../core/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyInstance {
    vigie: Vigie;
    /** Every route with the permission it declared: the role x route matrix test walks it. */
    routeCatalog: RouteInfo[];
  }
  interface FastifyContextConfig {
    /** The permission a route needs. Every route declares one, or `public: true`. */
    permission?: Permission;
    public?: boolean;
    /** Browser-session requests that change state need the CSRF header, except these (login). */
    skipCsrf?: boolean;
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  permission: Permission | undefined;
  public: boolean;
}

export const SESSION_COOKIE = 'vigie_session';

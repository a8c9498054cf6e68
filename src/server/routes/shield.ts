import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, actorOf } from '../../core/index.js';
import {
  acknowledgeAlert,
  analyseEmail,
  analysePosture,
  analysisFilterSchema,
  checkWatchList,
  createDnsQuery,
  type DnsQuery,
  getEmailAnalysis,
  listAlerts,
  listEmailAnalyses,
  listWatched,
  MAX_MESSAGE_BYTES,
  permute,
  protectionSchema,
  type Resolver,
  recordEmailAnalysis,
  setShieldProtection,
  shieldProtection,
  unwatchDomain,
  watchDomain,
  watchInputSchema,
} from '../../shield/index.js';
import { idParams } from './schemas.js';
import { mailboxRoutes } from './shield-mailbox.js';

export interface ShieldRouteOptions {
  /** DNS for mail authentication (mailauth); tests pass a function, default live DNS. */
  resolver?: Resolver;
  /** DNS for posture and the watch list; default the system's resolvers. */
  dnsQuery?: DnsQuery;
}

const MESSAGE_TYPES = ['message/rfc822', 'application/octet-stream', 'text/plain'];

export const shieldRoutes: FastifyPluginAsyncZod<ShieldRouteOptions> = async (app, opts) => {
  // Raw messages arrive as bytes; only this plugin accepts these content types.
  app.addContentTypeParser(
    MESSAGE_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_MESSAGE_BYTES },
    (_req, body, done) => done(null, body),
  );
  const dns = () => opts.dnsQuery ?? createDnsQuery({});

  app.post(
    '/api/v1/shield/emails',
    {
      bodyLimit: MAX_MESSAGE_BYTES,
      schema: {
        tags: ['shield'],
        summary: 'Analyse a raw e-mail (send it as message/rfc822); links are never fetched',
        querystring: z.object({
          offline: z.enum(['true', 'false']).default('false'),
          locale: z.enum(['en', 'fr']).default('en'),
        }),
      },
      config: { permission: 'email:submit' },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the raw message as message/rfc822');
      }
      const analysis = await analyseEmail(req.body, {
        offline: req.query.offline === 'true',
        resolver: opts.resolver,
        locale: req.query.locale,
        protection: await shieldProtection(app.vigie),
      });
      const id = await recordEmailAnalysis(app.vigie, req.principal, analysis, 'upload');
      return reply.code(201).send({ id, ...analysis });
    },
  );
  app.get(
    '/api/v1/shield/emails',
    {
      schema: {
        tags: ['shield'],
        summary: 'Analysed e-mails, newest first',
        querystring: analysisFilterSchema,
      },
      config: { permission: 'threats:read' },
    },
    async (req) => ({ analyses: await listEmailAnalyses(app.vigie, req.query) }),
  );
  app.get(
    '/api/v1/shield/emails/:id',
    {
      schema: { tags: ['shield'], summary: 'One analysis', params: idParams },
      config: { permission: 'threats:read' },
    },
    async (req) => ({ analysis: await getEmailAnalysis(app.vigie, req.params.id) }),
  );

  app.get(
    '/api/v1/shield/protection',
    {
      schema: { tags: ['shield'], summary: 'Protected brands, their domains, and VIP names' },
      config: { permission: 'threats:read' },
    },
    async () => ({ protection: await shieldProtection(app.vigie) }),
  );
  app.put(
    '/api/v1/shield/protection',
    {
      schema: { tags: ['shield'], summary: 'Replace the protected brands and VIPs', body: protectionSchema },
      config: { permission: 'threats:manage' },
    },
    async (req) => ({ protection: await setShieldProtection(app.vigie, req.principal, req.body) }),
  );

  app.get(
    '/api/v1/shield/domains/permutations',
    {
      schema: {
        tags: ['shield'],
        summary: 'Lookalike permutations of a domain (no DNS)',
        querystring: z.object({ domain: z.string().min(3).max(253) }),
      },
      config: { permission: 'threats:read' },
    },
    async (req) => ({ permutations: permute(req.query.domain).slice(0, 20_000) }),
  );
  app.get(
    '/api/v1/shield/domains/posture',
    {
      schema: {
        tags: ['shield'],
        summary: 'Spoofability of a domain and the records to publish',
        querystring: z.object({ domain: z.string().min(3).max(253) }),
      },
      config: { permission: 'threats:read' },
    },
    async (req) => {
      const result = await analysePosture(req.query.domain, dns());
      await app.vigie.ledger.record({
        actor: actorOf(req.principal),
        action: 'shield.posture',
        target: `domain:${result.domain}`,
        details: { verdict: result.verdict },
      });
      return result;
    },
  );

  app.get(
    '/api/v1/shield/watch',
    {
      schema: { tags: ['shield'], summary: 'Watched brand domains' },
      config: { permission: 'threats:read' },
    },
    async () => ({
      watched: await listWatched(app.vigie),
    }),
  );
  app.post(
    '/api/v1/shield/watch',
    {
      schema: {
        tags: ['shield'],
        summary: 'Watch a brand domain for registered lookalikes',
        body: watchInputSchema,
      },
      config: { permission: 'threats:manage' },
    },
    async (req, reply) =>
      reply.code(201).send({ watched: await watchDomain(app.vigie, req.principal, req.body) }),
  );
  app.delete(
    '/api/v1/shield/watch/:id',
    {
      schema: { tags: ['shield'], summary: 'Stop watching a domain', params: idParams },
      config: { permission: 'threats:manage' },
    },
    async (req, reply) => {
      await unwatchDomain(app.vigie, req.principal, req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/shield/watch/check',
    {
      schema: { tags: ['shield'], summary: 'Re-check the watch list now (DNS)' },
      config: { permission: 'threats:manage' },
    },
    async (req) => checkWatchList(app.vigie, req.principal, dns()),
  );
  app.get(
    '/api/v1/shield/alerts',
    { schema: { tags: ['shield'], summary: 'Lookalike alerts' }, config: { permission: 'threats:read' } },
    async () => ({
      alerts: await listAlerts(app.vigie),
    }),
  );
  app.post(
    '/api/v1/shield/alerts/:id/acknowledge',
    {
      schema: { tags: ['shield'], summary: 'Acknowledge an alert', params: idParams },
      config: { permission: 'threats:manage' },
    },
    async (req, reply) => {
      await acknowledgeAlert(app.vigie, req.principal, req.params.id);
      return reply.code(204).send();
    },
  );
  await app.register(mailboxRoutes, opts);
};

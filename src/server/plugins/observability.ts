import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { AppError } from '../../core/index.js';

/** /healthz (the process answers), /readyz (the database answers) and Prometheus /metrics. */
async function observabilityPlugin(app: FastifyInstance): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigie_' });
  const duration = new Histogram({
    name: 'vigie_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  app.addHook('onResponse', async (req, reply) => {
    // The route pattern, never the raw URL: ids and query strings stay out of label values.
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/healthz', { config: { public: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, logLevel: 'warn' }, async () => {
    try {
      await sql`select 1`.execute(app.vigie.db);
    } catch {
      throw new AppError('NOT_READY', 'the database does not answer');
    }
    return { status: 'ready' };
  });
  app.get('/metrics', { config: { public: true }, logLevel: 'warn' }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

export default fp(observabilityPlugin, { name: 'vigie-observability' });

import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/index.js';
import {
  batchFilterSchema,
  decideBatch,
  type EventBatch,
  eventInputSchema,
  getBatch,
  type ImportReport,
  type IngestResult,
  importEvents,
  ingestValid,
  listBatches,
  MAX_API_EVENTS,
  renderReasons,
} from '../../integrity/index.js';
import { idParams } from './schemas.js';

/** A JSON batch of MAX_API_EVENTS events of bounded fields stays well under this. */
const MAX_EVENTS_BODY = 8 * 1024 * 1024;
/** Uploads larger than this go through the CLI, which streams files of any size. */
export const MAX_EVENTS_UPLOAD_BYTES = 50 * 1024 * 1024;
const UPLOAD_TYPES: Record<string, 'csv' | 'jsonl'> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
};

const locale = z.enum(['en', 'fr']).default('en');
const tags = ['integrity'];

type Locale = 'en' | 'fr';
const explainBatch = (b: EventBatch, l: Locale) => ({ ...b, reasons: renderReasons(b.reasons, l) });
const explainIngest = (r: IngestResult, l: Locale) => ({ ...r, reasons: renderReasons(r.reasons, l) });
const explainImport = (r: ImportReport, l: Locale) => ({
  ...r,
  batches: r.batches.map((b) => ({ ...b, reasons: renderReasons(b.reasons, l) })),
});

/** Behavioural events in, poisoning quarantine out: batches, their reasons, release and purge. */
export const integrityRoutes: FastifyPluginAsyncZod = async (app) => {
  // Event files arrive as bytes; only this plugin accepts these content types.
  app.addContentTypeParser(
    Object.keys(UPLOAD_TYPES),
    { parseAs: 'buffer', bodyLimit: MAX_EVENTS_UPLOAD_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/events',
    {
      bodyLimit: MAX_EVENTS_BODY,
      schema: {
        tags,
        summary: `Ingest a batch of up to ${MAX_API_EVENTS} events; repeated event ids are skipped and reported`,
        querystring: z.object({ locale }),
        body: z.object({ events: z.array(eventInputSchema).min(1).max(MAX_API_EVENTS) }).strict(),
      },
      config: { permission: 'customers:manage' },
    },
    async (req, reply) => {
      const result = await ingestValid(app.vigie, req.principal, req.body.events, { source: 'api' });
      return reply.code(result.batchId ? 201 : 200).send(explainIngest(result, req.query.locale));
    },
  );

  app.post(
    '/api/v1/events/import',
    {
      bodyLimit: MAX_EVENTS_UPLOAD_BYTES,
      schema: {
        tags,
        summary:
          'Import an event file (text/csv with header event_id,customer_id,type,item,value,occurred_at, or application/x-ndjson), checked batch by batch, with a validation report',
        querystring: z.object({
          locale,
          batchSize: z.coerce.number().int().min(100).max(100_000).default(50_000),
        }),
      },
      config: { permission: 'customers:manage' },
    },
    async (req, reply) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!Buffer.isBuffer(req.body) || req.body.length === 0 || !UPLOAD_TYPES[type])
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as text/csv or application/x-ndjson');
      const report = await importEvents(app.vigie, req.principal, Readable.from([req.body]), {
        source: 'file',
        format: UPLOAD_TYPES[type],
        batchSize: req.query.batchSize,
      });
      return reply.code(report.batches.length ? 201 : 200).send(explainImport(report, req.query.locale));
    },
  );

  app.get(
    '/api/v1/integrity/batches',
    {
      schema: {
        tags,
        summary: 'Event batches, newest first, with their status and reasons',
        querystring: batchFilterSchema.extend({ locale }),
      },
      config: { permission: 'integrity:read' },
    },
    async (req) => {
      const { locale: l, ...filter } = req.query;
      return { batches: (await listBatches(app.vigie, filter)).map((b) => explainBatch(b, l)) };
    },
  );
  app.get(
    '/api/v1/integrity/batches/:id',
    {
      schema: { tags, summary: 'One event batch', params: idParams, querystring: z.object({ locale }) },
      config: { permission: 'integrity:read' },
    },
    async (req) => ({ batch: explainBatch(await getBatch(app.vigie, req.params.id), req.query.locale) }),
  );
  for (const decision of ['release', 'purge'] as const) {
    app.post(
      `/api/v1/integrity/batches/:id/${decision}`,
      {
        schema: {
          tags,
          summary:
            decision === 'release'
              ? 'Release a quarantined batch: its events may be used'
              : 'Purge a quarantined batch: its events are deleted',
          params: idParams,
          querystring: z.object({ locale }),
        },
        config: { permission: 'integrity:manage' },
      },
      async (req) => ({
        batch: explainBatch(
          await decideBatch(app.vigie, req.principal, req.params.id, decision),
          req.query.locale,
        ),
      }),
    );
  }
};

import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/index.js';
import {
  accessExport,
  consentInputSchema,
  eraseSubject,
  findInputSchema,
  findSubjects,
  getConsents,
  getProfile,
  getRetention,
  importCustomers,
  purgeExpiredCustomers,
  rectifyInputSchema,
  rectifyProfile,
  retentionSchema,
  setConsent,
  setRetention,
  subjectSchema,
} from '../../integrity/vault/index.js';

/** Uploads larger than this go through the CLI, which streams files of any size. */
export const MAX_IMPORT_UPLOAD_BYTES = 20 * 1024 * 1024;
const IMPORT_TYPES: Record<string, 'csv' | 'json'> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'json',
  'application/octet-stream': 'json',
};

const subjectParams = z.object({ subject: subjectSchema });
const tags = ['customers'];

/** The customer vault: imports, lookups by blind index, consent, data subject requests, retention. */
export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = { permission: 'customers:read' as const };
  const manage = { permission: 'customers:manage' as const };
  // Import files arrive as bytes; only this plugin accepts these content types.
  app.addContentTypeParser(
    Object.keys(IMPORT_TYPES),
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_UPLOAD_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/customers/import',
    {
      bodyLimit: MAX_IMPORT_UPLOAD_BYTES,
      schema: {
        tags,
        summary:
          'Import profiles (text/csv, or JSON array / JSON lines as application/x-ndjson); all or nothing, with a validation report',
        querystring: z.object({
          format: z.enum(['csv', 'json']).optional(),
          dryRun: z.enum(['true', 'false']).default('false'),
        }),
      },
      config: manage,
    },
    async (req) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!Buffer.isBuffer(req.body) || req.body.length === 0 || !IMPORT_TYPES[type])
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as text/csv or application/x-ndjson');
      const report = await importCustomers(app.vigie, req.principal, Readable.from([req.body]), {
        format: req.query.format ?? IMPORT_TYPES[type]!,
        dryRun: req.query.dryRun === 'true',
      });
      if (!report.ok)
        throw new AppError(
          'VALIDATION',
          `${report.invalidRows || 'some'} invalid row(s): nothing was imported`,
          {
            report,
          },
        );
      return { report };
    },
  );
  // POST, not GET: the e-mail stays out of URLs and access logs.
  app.post(
    '/api/v1/customers/find',
    {
      schema: { tags, summary: 'Find customers by e-mail or phone (blind index)', body: findInputSchema },
      config: read,
    },
    async (req) => ({ subjects: await findSubjects(app.vigie, req.principal, req.body) }),
  );
  app.get(
    '/api/v1/customers/retention',
    { schema: { tags, summary: 'Retention period of customer profiles' }, config: read },
    async () => ({ retention: await getRetention(app.vigie) }),
  );
  app.put(
    '/api/v1/customers/retention',
    { schema: { tags, summary: 'Set the retention period (days)', body: retentionSchema }, config: manage },
    async (req) => ({ retention: await setRetention(app.vigie, req.principal, req.body) }),
  );
  app.post(
    '/api/v1/customers/purge-expired',
    { schema: { tags, summary: 'Delete the profiles past the retention period now' }, config: manage },
    async (req) => purgeExpiredCustomers(app.vigie, req.principal),
  );
  app.get(
    '/api/v1/customers/:subject',
    {
      schema: { tags, summary: 'A profile, decrypted (the reading is recorded)', params: subjectParams },
      config: manage,
    },
    async (req) => ({ customer: await getProfile(app.vigie, req.principal, req.params.subject) }),
  );
  app.patch(
    '/api/v1/customers/:subject',
    {
      schema: {
        tags,
        summary: 'Rectify a profile (null removes a field)',
        params: subjectParams,
        body: rectifyInputSchema,
      },
      config: manage,
    },
    async (req) => ({
      customer: await rectifyProfile(app.vigie, req.principal, req.params.subject, req.body),
    }),
  );
  app.delete(
    '/api/v1/customers/:subject',
    {
      schema: {
        tags,
        summary: 'Erase a data subject everywhere (the per-subject key is destroyed)',
        params: subjectParams,
      },
      config: manage,
    },
    async (req) => eraseSubject(app.vigie, req.principal, req.params.subject),
  );
  app.post(
    '/api/v1/customers/:subject/access',
    {
      schema: { tags, summary: 'Access request: everything held about the subject', params: subjectParams },
      config: manage,
    },
    async (req) => accessExport(app.vigie, req.principal, req.params.subject),
  );
  app.get(
    '/api/v1/customers/:subject/consents',
    { schema: { tags, summary: 'Consent per purpose', params: subjectParams }, config: read },
    async (req) => ({ consents: await getConsents(app.vigie, req.params.subject) }),
  );
  app.put(
    '/api/v1/customers/:subject/consents',
    {
      schema: {
        tags,
        summary: 'Give or withdraw consent for a purpose',
        params: subjectParams,
        body: consentInputSchema,
      },
      config: manage,
    },
    async (req) => ({ consents: await setConsent(app.vigie, req.principal, req.params.subject, req.body) }),
  );
};

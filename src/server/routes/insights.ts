import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditExposure,
  computeInputSchema,
  computeRecommendations,
  computeSegments,
  decideSegmentUse,
  decisionInputSchema,
  exposureAuditInputSchema,
  getAudit,
  getSegment,
  insightsSettingsSchema,
  listAudits,
  listSegments,
  listSegmentUses,
  readInsightsSettings,
  recommendForSubject,
  recommendOptionsSchema,
  requestSegmentUse,
  segmentsCsv,
  storedRecommendations,
  subjectParamSchema,
  useInputSchema,
  writeInsightsSettings,
} from '../../integrity/insights/index.js';
import { idParams } from './schemas.js';

const tags = ['insights'];

/** Segments, the bias audit before targeting, reviews of held uses, and recommendations. */
export const insightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = { permission: 'customers:read' as const };
  const manage = { permission: 'customers:manage' as const };
  const fairness = { permission: 'fairness:read' as const };
  const review = { permission: 'targeting:review' as const };

  app.get(
    '/api/v1/insights/settings',
    { schema: { tags, summary: 'k-anonymity and fairness gate' }, config: fairness },
    async () => ({
      settings: await readInsightsSettings(app.vigie),
    }),
  );
  app.put(
    '/api/v1/insights/settings',
    {
      schema: { tags, summary: 'Change k-anonymity and the fairness gate', body: insightsSettingsSchema },
      config: { permission: 'settings:manage' },
    },
    async (req) => ({ settings: await writeInsightsSettings(app.vigie, req.principal, req.body) }),
  );
  app.get(
    '/api/v1/segments',
    { schema: { tags, summary: 'Segments (sizes under k suppressed, no figures once stale)' }, config: read },
    async () => ({
      segments: await listSegments(app.vigie),
    }),
  );
  app.get(
    '/api/v1/segments/export',
    { schema: { tags, summary: 'Segments as CSV (k-anonymous, formula-safe)' }, config: read },
    async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="vigie-segments.csv"')
        .send(await segmentsCsv(app.vigie)),
  );
  app.post(
    '/api/v1/segments/compute',
    {
      schema: {
        tags,
        summary: 'Compute RFM segments, clusters or a propensity segment',
        body: computeInputSchema,
      },
      config: manage,
    },
    async (req) => ({ segments: await computeSegments(app.vigie, req.principal, req.body) }),
  );
  app.get(
    '/api/v1/segments/:id',
    { schema: { tags, summary: 'One segment and its uses', params: idParams }, config: read },
    async (req) => ({
      segment: await getSegment(app.vigie, req.params.id),
      uses: await listSegmentUses(app.vigie, { segmentId: req.params.id }),
    }),
  );
  app.post(
    '/api/v1/segments/:id/uses',
    {
      schema: {
        tags,
        summary: 'Request a targeting use: the bias audit runs first',
        params: idParams,
        body: useInputSchema,
      },
      config: manage,
    },
    async (req, reply) =>
      reply.code(201).send(await requestSegmentUse(app.vigie, req.principal, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/segment-uses',
    {
      schema: {
        tags,
        summary: 'Targeting uses',
        querystring: z.object({ status: z.enum(['approved', 'review', 'rejected', 'stale']).optional() }),
      },
      config: fairness,
    },
    async (req) => ({
      uses: await listSegmentUses(app.vigie, req.query.status ? { status: req.query.status } : {}),
    }),
  );
  app.post(
    '/api/v1/segment-uses/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject a use held for review (with a comment)',
        params: idParams,
        body: decisionInputSchema,
      },
      config: review,
    },
    async (req) => ({ use: await decideSegmentUse(app.vigie, req.principal, req.params.id, req.body) }),
  );
  app.get(
    '/api/v1/fairness-audits',
    {
      schema: {
        tags,
        summary: 'Bias audits, newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
      config: fairness,
    },
    async (req) => ({ audits: await listAudits(app.vigie, req.query.limit) }),
  );
  app.get(
    '/api/v1/fairness-audits/:id',
    { schema: { tags, summary: 'One bias audit', params: idParams }, config: fairness },
    async (req) => ({
      audit: await getAudit(app.vigie, req.params.id),
    }),
  );
  app.get(
    '/api/v1/recommendations/:subject',
    {
      schema: {
        tags,
        summary: 'Recommendations for a subject, computed now',
        params: z.object({ subject: subjectParamSchema }),
        querystring: z.object({ n: z.coerce.number().int().min(1).max(50).default(10) }),
      },
      config: read,
    },
    async (req) => ({
      ...(await recommendForSubject(app.vigie, req.params.subject, { n: req.query.n })),
      stored: await storedRecommendations(app.vigie, req.params.subject),
    }),
  );
  app.post(
    '/api/v1/recommendations/compute',
    {
      schema: {
        tags,
        summary: 'Recompute and store every consenting subject’s recommendations',
        body: recommendOptionsSchema,
      },
      config: manage,
    },
    async (req) => {
      const r = await computeRecommendations(app.vigie, req.principal, req.body);
      return { subjects: r.subjects, computedAt: r.computedAt };
    },
  );
  app.post(
    '/api/v1/recommendations/exposure-audit',
    {
      schema: {
        tags,
        summary: 'Bias audit of who is shown an item in the stored recommendations (k-anonymous)',
        body: exposureAuditInputSchema,
      },
      config: fairness,
    },
    async (req) => ({ audit: await auditExposure(app.vigie, req.principal, req.body) }),
  );
};

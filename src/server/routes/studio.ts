import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addComment,
  brandKitToYaml,
  commentSchema,
  createDraft,
  createDraftSchema,
  diffQuerySchema,
  diffVersions,
  editDraft,
  editDraftSchema,
  exportApprovedDraft,
  exportRequestSchema,
  getBrandKit,
  getBrandKitYaml,
  getDraft,
  getProviderSettings,
  getStudioPolicy,
  importBrandKit,
  listDrafts,
  listDraftsSchema,
  llamaCppSettingsSchema,
  MAX_BRAND_KIT_BYTES,
  openaiSettingsSchema,
  reviewSchema,
  setLlamaCppSettings,
  setOpenAISettings,
  setStudioPolicy,
  studioPolicySchema,
  transition,
  verifyPublished,
  verifyRequestSchema,
} from '../../studio/index.js';
import { idParams } from './schemas.js';
import { studioStreamRoutes } from './studio-stream.js';

/** Exported content plus its manifest: up to 5 MB for the public verification. */
const VERIFY_BODY_LIMIT = 5 * 1024 * 1024 + 128 * 1024;
const VERIFY_PER_MINUTE = 30;

export const studioRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['studio'];
  app.get(
    '/api/v1/studio/brand-kit',
    {
      schema: { tags, summary: 'The brand kit as YAML and as data (facts are Guard’s approved facts)' },
      config: { permission: 'brand:read' },
    },
    async () => {
      const kit = await getBrandKit(app.vigie);
      return { yaml: brandKitToYaml(kit), kit };
    },
  );
  app.put(
    '/api/v1/studio/brand-kit',
    {
      bodyLimit: MAX_BRAND_KIT_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: 'Import a brand kit from YAML',
        body: z.object({ yaml: z.string().max(MAX_BRAND_KIT_BYTES) }),
      },
      config: { permission: 'brand:write' },
    },
    async (req) => {
      await importBrandKit(app.vigie, req.principal, req.body.yaml);
      return { yaml: await getBrandKitYaml(app.vigie) };
    },
  );
  app.get(
    '/api/v1/studio/policy',
    { schema: { tags, summary: 'Review and disclosure policy' }, config: { permission: 'policies:read' } },
    async () => getStudioPolicy(app.vigie),
  );
  app.put(
    '/api/v1/studio/policy',
    {
      schema: { tags, summary: 'Replace the review and disclosure policy', body: studioPolicySchema },
      config: { permission: 'policies:write' },
    },
    async (req) => setStudioPolicy(app.vigie, req.principal, req.body),
  );
  app.get(
    '/api/v1/studio/providers',
    {
      schema: { tags, summary: 'Model provider settings (keys are never returned)' },
      config: { permission: 'settings:manage' },
    },
    async () => getProviderSettings(app.vigie),
  );
  app.put(
    '/api/v1/studio/providers/openai',
    {
      schema: {
        tags,
        summary: 'Configure an OpenAI-compatible endpoint; the key is sealed in the vault',
        body: openaiSettingsSchema,
      },
      config: { permission: 'settings:manage' },
    },
    async (req) => setOpenAISettings(app.vigie, req.principal, req.body),
  );

  await app.register(studioStreamRoutes);
  app.put(
    '/api/v1/studio/providers/llamacpp',
    {
      schema: {
        tags,
        summary: 'Set the local GGUF model of the llamacpp provider',
        body: llamaCppSettingsSchema,
      },
      config: { permission: 'settings:manage' },
    },
    async (req) => setLlamaCppSettings(app.vigie, req.principal, req.body),
  );

  app.post(
    '/api/v1/studio/drafts',
    {
      schema: { tags, summary: 'Draft from a brief, checked by Guard', body: createDraftSchema },
      config: { permission: 'drafts:write' },
    },
    async (req, reply) => reply.code(201).send(await createDraft(app.vigie, req.principal, req.body)),
  );
  app.get(
    '/api/v1/studio/drafts',
    {
      schema: { tags, summary: 'Drafts, newest first', querystring: listDraftsSchema },
      config: { permission: 'drafts:write' },
    },
    async (req) => ({ drafts: await listDrafts(app.vigie, req.query) }),
  );
  app.get(
    '/api/v1/studio/drafts/:id',
    {
      schema: {
        tags,
        summary: 'A draft with its variants, findings, history and comments',
        params: idParams,
      },
      config: { permission: 'drafts:write' },
    },
    async (req) => getDraft(app.vigie, req.params.id),
  );
  app.put(
    '/api/v1/studio/drafts/:id',
    {
      bodyLimit: 512 * 1024,
      schema: {
        tags,
        summary: 'The author picks a variant or writes a new version',
        params: idParams,
        body: editDraftSchema,
      },
      config: { permission: 'drafts:write' },
    },
    async (req) => editDraft(app.vigie, req.principal, req.params.id, req.body),
  );
  app.get(
    '/api/v1/studio/drafts/:id/diff',
    {
      schema: {
        tags,
        summary: 'Unified diff between two versions',
        params: idParams,
        querystring: diffQuerySchema,
      },
      config: { permission: 'drafts:write' },
    },
    async (req) => diffVersions(app.vigie, req.params.id, req.query),
  );
  app.post(
    '/api/v1/studio/drafts/:id/comments',
    {
      schema: { tags, summary: 'Comment on a draft', params: idParams, body: commentSchema },
      config: { permission: 'drafts:write' },
    },
    async (req) => addComment(app.vigie, req.principal, req.params.id, req.body),
  );
  app.post(
    '/api/v1/studio/drafts/:id/submit',
    {
      schema: {
        tags,
        summary: 'Send a draft to review (author)',
        params: idParams,
        body: reviewSchema.optional(),
      },
      config: { permission: 'drafts:write' },
    },
    async (req) => transition(app.vigie, req.principal, req.params.id, 'submit', req.body ?? {}),
  );
  app.post(
    '/api/v1/studio/drafts/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a draft (not one’s own)',
        params: idParams,
        body: reviewSchema.optional(),
      },
      config: { permission: 'drafts:review' },
    },
    async (req) => transition(app.vigie, req.principal, req.params.id, 'approve', req.body ?? {}),
  );
  app.post(
    '/api/v1/studio/drafts/:id/request-changes',
    {
      schema: {
        tags,
        summary: 'Send a draft back to its author',
        params: idParams,
        body: reviewSchema.optional(),
      },
      config: { permission: 'drafts:review' },
    },
    async (req) => transition(app.vigie, req.principal, req.params.id, 'request-changes', req.body ?? {}),
  );
  app.post(
    '/api/v1/studio/drafts/:id/export',
    {
      schema: {
        tags,
        summary: 'Export an approved draft with disclosure and a signed manifest',
        params: idParams,
        body: exportRequestSchema,
      },
      config: { permission: 'drafts:write' },
    },
    async (req) => exportApprovedDraft(app.vigie, req.principal, req.params.id, req.body),
  );

  app.post(
    '/api/v1/provenance/verify',
    {
      bodyLimit: VERIFY_BODY_LIMIT,
      schema: {
        tags: ['provenance'],
        summary: 'Is this text exactly what was approved, and by whom?',
        body: verifyRequestSchema,
      },
      config: { public: true, skipCsrf: true, rateLimit: { max: VERIFY_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (req) => verifyPublished(app.vigie, req.body),
  );
};

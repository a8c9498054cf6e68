import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createToken, listTokens, newTokenSchema, revokeToken } from '../../core/index.js';
import { idParams, tokenSchema } from './schemas.js';

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { permission: 'tokens:manage' as const };
  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'List API tokens',
        response: { 200: z.object({ tokens: z.array(tokenSchema) }) },
      },
      config,
    },
    async () => ({ tokens: await listTokens(app.vigie) }),
  );
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token (the secret is shown once)',
        body: newTokenSchema,
        response: { 201: z.object({ token: tokenSchema, secret: z.string() }) },
      },
      config,
    },
    async (req, reply) => reply.code(201).send(await createToken(app.vigie, req.principal!, req.body)),
  );
  app.delete(
    '/api/v1/tokens/:id',
    { schema: { tags: ['tokens'], summary: 'Revoke an API token', params: idParams }, config },
    async (req, reply) => {
      await revokeToken(app.vigie, req.principal!, req.params.id);
      return reply.code(204).send();
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rewrapAll, rotateDataKey } from '../../core/index.js';

export const keyRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { permission: 'keys:manage' as const };
  app.get(
    '/api/v1/keys',
    {
      schema: {
        tags: ['keys'],
        summary: 'Data key versions and the ledger signing key',
        response: {
          200: z.object({
            dataKeyVersion: z.number(),
            versions: z.array(z.number()),
            signing: z.object({ keyId: z.string(), publicKey: z.string(), fingerprint: z.string() }),
          }),
        },
      },
      config,
    },
    async () => {
      await app.vigie.keyring.reload();
      return {
        dataKeyVersion: app.vigie.keyring.dataKeyVersion,
        versions: app.vigie.keyring.dataKeyVersions,
        signing: app.vigie.keyring.signingPublicKey,
      };
    },
  );
  app.post(
    '/api/v1/keys/rotate',
    {
      schema: {
        tags: ['keys'],
        summary: 'Add a data key version and make it current',
        response: { 200: z.object({ version: z.number() }) },
      },
      config,
    },
    async (req) => ({ version: await rotateDataKey(app.vigie, req.principal) }),
  );
  app.post(
    '/api/v1/keys/rewrap',
    {
      schema: {
        tags: ['keys'],
        summary: 'Move ciphertexts to the current data key (resumable; bounded per call)',
        response: { 200: z.object({ rewrapped: z.number(), remaining: z.number(), version: z.number() }) },
      },
      config,
    },
    // Bounded so one request stays short; the console calls again while `remaining` > 0.
    async (req) => rewrapAll(app.vigie, req.principal, { maxRows: 5000 }),
  );
};

import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actorOf,
  anchorSchema,
  entryFilterSchema,
  exportLines,
  listEntries,
  verifyLedger,
} from '../../core/index.js';

const headSchema = z.object({
  treeSize: z.number(),
  rootHash: z.string(),
  issuedAt: z.string(),
  signature: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
});

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = { permission: 'ledger:read' as const };
  app.get(
    '/api/v1/audit/entries',
    {
      schema: {
        tags: ['audit'],
        summary: 'Ledger entries, newest first, with filters',
        querystring: entryFilterSchema,
        response: { 200: z.object({ entries: z.array(entrySchema), nextBefore: z.number().nullable() }) },
      },
      config: read,
    },
    async (req) => listEntries(app.vigie.db, req.query),
  );
  app.get(
    '/api/v1/audit/head',
    {
      schema: { tags: ['audit'], summary: 'The latest signed tree head', response: { 200: headSchema } },
      config: read,
    },
    async () => ({
      ...(await app.vigie.ledger.head()),
      publicKey: app.vigie.keyring.signingPublicKey.publicKey,
    }),
  );
  app.get(
    '/api/v1/audit/proof/:seq',
    {
      schema: {
        tags: ['audit'],
        summary: 'Inclusion proof of an entry (RFC 6962)',
        params: z.object({ seq: z.coerce.number().int().min(0) }),
        querystring: z.object({ treeSize: z.coerce.number().int().min(1).optional() }),
        response: {
          200: z.object({
            seq: z.number(),
            treeSize: z.number(),
            leafHash: z.string(),
            proof: z.array(z.string()),
            rootHash: z.string(),
          }),
        },
      },
      config: read,
    },
    async (req) => app.vigie.ledger.inclusionProof(req.params.seq, req.query.treeSize),
  );
  app.get(
    '/api/v1/audit/consistency',
    {
      schema: {
        tags: ['audit'],
        summary: 'Consistency proof between two tree sizes (RFC 6962)',
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: z.object({ from: z.number(), to: z.number(), proof: z.array(z.string()) }) },
      },
      config: read,
    },
    async (req) => app.vigie.ledger.consistencyProof(req.query.from, req.query.to),
  );
  app.post(
    '/api/v1/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Recompute the whole ledger and check every signed head (and, given one, an anchor)',
        // No body (the console's plain verify) arrives as null.
        body: z.object({ anchor: anchorSchema.optional() }).strict().nullish(),
        response: {
          200: z.object({
            ok: z.boolean(),
            treeSize: z.number(),
            entriesChecked: z.number(),
            headsChecked: z.number(),
            firstBad: z.object({ seq: z.number(), reason: z.string() }).nullable(),
            anchor: z
              .object({
                ok: z.boolean(),
                treeSize: z.number(),
                issuedAt: z.string(),
                reason: z.string().nullable(),
              })
              .optional(),
          }),
        },
      },
      config: { permission: 'ledger:verify' },
    },
    async (req) => {
      const result = await verifyLedger(app.vigie, { anchor: req.body?.anchor });
      await app.vigie.ledger.record({
        actor: actorOf(req.principal),
        action: 'audit.verify',
        details: {
          ok: result.ok,
          treeSize: result.treeSize,
          firstBad: result.firstBad?.seq ?? null,
          ...(result.anchor ? { anchor: { treeSize: result.anchor.treeSize, ok: result.anchor.ok } } : {}),
        },
      });
      return result;
    },
  );
  app.get(
    '/api/v1/audit/export',
    {
      schema: { tags: ['audit'], summary: 'JSON-lines export with the signed head, verifiable offline' },
      config: { permission: 'ledger:export' },
    },
    async (req, reply) => {
      const head = await app.vigie.ledger.head();
      await app.vigie.ledger.record({
        actor: actorOf(req.principal),
        action: 'audit.export',
        details: { treeSize: head.treeSize },
      });
      const lines = exportLines(app.vigie.db, head, app.vigie.keyring.signingPublicKey.publicKey);
      const body = Readable.from(
        (async function* () {
          for await (const line of lines) yield `${line}\n`;
        })(),
      );
      return reply
        .type('application/x-ndjson')
        .header('content-disposition', `attachment; filename="vigie-ledger-${head.treeSize}.jsonl"`)
        .send(body);
    },
  );
};

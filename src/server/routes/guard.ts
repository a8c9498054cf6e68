import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addKnownValues,
  brandRulesSchema,
  brandRulesToYaml,
  buildCatalog,
  createFact,
  deleteFact,
  deleteKnownValue,
  factInputSchema,
  getBrandRules,
  getPolicyOverrideYaml,
  knownValueInputSchema,
  listFacts,
  listKnownValues,
  parseBrandRulesYaml,
  policyToYaml,
  redactRequestSchema,
  redactText,
  restoreRequestSchema,
  restoreText,
  scanRequestSchema,
  scanText,
  setBrandRules,
  setPolicyOverride,
  updateFact,
  workspacePolicy,
} from '../../guard/index.js';
import { idParams } from './schemas.js';

/** Text bodies up to 4 MiB; larger documents go through the CLI, which streams files. */
const TEXT_BODY_LIMIT = 4 * 1024 * 1024;

export const guardRoutes: FastifyPluginAsyncZod = async (app) => {
  const scan = { permission: 'guard:scan' as const };
  app.post(
    '/api/v1/guard/scan',
    {
      bodyLimit: TEXT_BODY_LIMIT,
      schema: { tags: ['guard'], summary: 'Scan a text with the workspace policy', body: scanRequestSchema },
      config: scan,
    },
    async (req) => scanText(app.vigie, req.principal, req.body),
  );
  app.post(
    '/api/v1/guard/redact',
    {
      bodyLimit: TEXT_BODY_LIMIT,
      schema: {
        tags: ['guard'],
        summary: 'Pseudonymise personal data and secrets; the mapping stays in the vault',
        body: redactRequestSchema,
      },
      config: scan,
    },
    async (req) => redactText(app.vigie, req.principal, req.body),
  );
  app.post(
    '/api/v1/guard/restore',
    {
      bodyLimit: TEXT_BODY_LIMIT,
      schema: {
        tags: ['guard'],
        summary: 'Put the original values back into a text',
        body: restoreRequestSchema,
      },
      config: scan,
    },
    async (req) => restoreText(app.vigie, req.principal, req.body),
  );
  app.get(
    '/api/v1/guard/catalog',
    {
      schema: { tags: ['guard'], summary: 'Every detector: id, category, languages, description, example' },
      config: { permission: 'self:use' },
    },
    async () => ({ detectors: buildCatalog() }),
  );

  app.get(
    '/api/v1/guard/policy',
    {
      schema: { tags: ['guard'], summary: 'The workspace override and the effective policy, as YAML' },
      config: { permission: 'policies:read' },
    },
    async () => ({
      override: await getPolicyOverrideYaml(app.vigie),
      effective: policyToYaml(await workspacePolicy(app.vigie)),
    }),
  );
  app.put(
    '/api/v1/guard/policy',
    {
      schema: {
        tags: ['guard'],
        summary: 'Replace the workspace policy override (YAML)',
        body: z.object({ yaml: z.string().max(256 * 1024) }),
      },
      config: { permission: 'policies:write' },
    },
    async (req) => {
      const effective = await setPolicyOverride(app.vigie, req.principal, req.body.yaml);
      return { override: req.body.yaml.trim(), effective: policyToYaml(effective) };
    },
  );

  app.get(
    '/api/v1/guard/brand',
    {
      schema: {
        tags: ['guard'],
        summary: 'Brand rules (terminology, competitors, banned phrases), as JSON and YAML',
      },
      config: { permission: 'brand:read' },
    },
    async () => {
      const rules = await getBrandRules(app.vigie);
      return { rules, yaml: brandRulesToYaml(rules) };
    },
  );
  app.put(
    '/api/v1/guard/brand',
    {
      schema: {
        tags: ['guard'],
        summary: 'Replace the brand rules, from JSON rules or a YAML import',
        body: z.union([
          z.object({ rules: brandRulesSchema }),
          z.object({ yaml: z.string().max(256 * 1024) }),
        ]),
      },
      config: { permission: 'brand:write' },
    },
    async (req) => {
      const input = 'yaml' in req.body ? parseBrandRulesYaml(req.body.yaml) : req.body.rules;
      const rules = await setBrandRules(app.vigie, req.principal, input);
      return { rules, yaml: brandRulesToYaml(rules) };
    },
  );

  app.get(
    '/api/v1/guard/facts',
    { schema: { tags: ['guard'], summary: 'Approved facts' }, config: { permission: 'brand:read' } },
    async () => ({ facts: await listFacts(app.vigie) }),
  );
  app.post(
    '/api/v1/guard/facts',
    {
      schema: { tags: ['guard'], summary: 'Add an approved fact', body: factInputSchema },
      config: { permission: 'brand:write' },
    },
    async (req, reply) =>
      reply.code(201).send({ fact: await createFact(app.vigie, req.principal, req.body) }),
  );
  app.put(
    '/api/v1/guard/facts/:id',
    {
      schema: {
        tags: ['guard'],
        summary: 'Update an approved fact',
        params: idParams,
        body: factInputSchema,
      },
      config: { permission: 'brand:write' },
    },
    async (req) => ({ fact: await updateFact(app.vigie, req.principal, req.params.id, req.body) }),
  );
  app.delete(
    '/api/v1/guard/facts/:id',
    {
      schema: { tags: ['guard'], summary: 'Delete an approved fact', params: idParams },
      config: { permission: 'brand:write' },
    },
    async (req, reply) => {
      await deleteFact(app.vigie, req.principal, req.params.id);
      return reply.code(204).send();
    },
  );

  const settings = { permission: 'settings:manage' as const };
  app.get(
    '/api/v1/guard/known-values',
    { schema: { tags: ['guard'], summary: 'Registered known values (masked)' }, config: settings },
    async () => ({ knownValues: await listKnownValues(app.vigie) }),
  );
  app.post(
    '/api/v1/guard/known-values',
    {
      schema: {
        tags: ['guard'],
        summary: 'Register values Guard must always find',
        body: z.object({ values: z.array(knownValueInputSchema).min(1).max(10_000) }),
      },
      config: settings,
    },
    async (req, reply) =>
      reply.code(201).send(await addKnownValues(app.vigie, req.principal, req.body.values)),
  );
  app.delete(
    '/api/v1/guard/known-values/:id',
    { schema: { tags: ['guard'], summary: 'Remove a known value', params: idParams }, config: settings },
    async (req, reply) => {
      await deleteKnownValue(app.vigie, req.principal, req.params.id);
      return reply.code(204).send();
    },
  );
};

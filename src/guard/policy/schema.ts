/**
 * The policy's shape. A full policy (the default file) and a workspace override (any subset, merged
 * over the default) are validated by zod at the boundary; unknown keys are rejected so a typo in a
 * workspace file is an error, not a silently ignored rule.
 */
import { z } from 'zod';

export const actions = ['allow', 'warn', 'redact', 'review', 'block'] as const;
export type Action = (typeof actions)[number];

const categories = ['pii', 'secret', 'injection', 'language', 'claim', 'brand', 'disclosure'] as const;

const actionSchema = z.enum(actions);
const severitySchema = z.enum(['info', 'warn', 'high']);
const ruleId = z.string().regex(/^[a-z]{1,32}\.[a-z0-9.-]{1,96}$/, 'a rule id such as pii.email');
/** Severity overrides may name a rule or a whole category. */
const ruleOrCategory = z.string().regex(/^[a-z]{1,32}(?:\.[a-z0-9.-]{1,96})?$/, 'a rule id or a category');
const score = z.number().min(-100).max(206.835);

export const profilePolicySchema = z.strictObject({
  default: actionSchema,
  minConfidence: z.number().min(0).max(1).default(0),
  categories: z.partialRecord(z.enum(categories), actionSchema).default({}),
  rules: z.record(ruleId, actionSchema).default({}),
  severity: z.record(ruleOrCategory, severitySchema).default({}),
});

export const policySchema = z.strictObject({
  version: z.literal(1),
  readability: z.strictObject({ en: score.optional(), fr: score.optional() }).default({}),
  profiles: z.strictObject({
    input: profilePolicySchema,
    ingested: profilePolicySchema,
    output: profilePolicySchema,
    publish: profilePolicySchema,
  }),
});

export type Policy = z.infer<typeof policySchema>;
export type ProfilePolicy = z.infer<typeof profilePolicySchema>;

const profileOverrideSchema = z.strictObject({
  default: actionSchema.optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  categories: z.partialRecord(z.enum(categories), actionSchema).optional(),
  rules: z.record(ruleId, actionSchema).optional(),
  severity: z.record(ruleOrCategory, severitySchema).optional(),
});

/** What a workspace may change; `readability: { en: null }` switches a minimum off. */
export const policyOverrideSchema = z.strictObject({
  version: z.literal(1).optional(),
  readability: z
    .strictObject({ en: score.nullable().optional(), fr: score.nullable().optional() })
    .optional(),
  profiles: z
    .strictObject({
      input: profileOverrideSchema.optional(),
      ingested: profileOverrideSchema.optional(),
      output: profileOverrideSchema.optional(),
      publish: profileOverrideSchema.optional(),
    })
    .optional(),
});

export type PolicyOverride = z.infer<typeof policyOverrideSchema>;

/** Reading policies from YAML, the shipped default, and merging a workspace override over it. */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Profile } from '../types.js';
import { type Policy, type PolicyOverride, policyOverrideSchema, policySchema } from './schema.js';

const MAX_POLICY_BYTES = 256 * 1024;
const profiles: Profile[] = ['input', 'ingested', 'output', 'publish'];

function parseYaml<T>(yamlText: string, schema: z.ZodType<T>, what: string): T {
  if (yamlText.length > MAX_POLICY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `${what} is too large`);
  let raw: unknown;
  try {
    // yaml caps alias expansion by default (maxAliasCount), which stops "billion laughs" documents.
    raw = parse(yamlText);
  } catch (err) {
    throw new AppError('VALIDATION', `${what} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  return validate(raw ?? {}, schema, what);
}

function validate<T>(raw: unknown, schema: z.ZodType<T>, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new AppError('VALIDATION', `${what} is invalid at ${where}: ${issue?.message ?? 'unknown error'}`);
  }
  return parsed.data;
}

export function parsePolicy(yamlText: string): Policy {
  return parseYaml(yamlText, policySchema, 'Policy');
}

export function parsePolicyOverride(yamlText: string): PolicyOverride {
  return parseYaml(yamlText, policyOverrideSchema, 'Policy override');
}

let cachedDefault: Policy | undefined;

/** The shipped default policy (default-policy.yaml), parsed once. Callers must not mutate it. */
export function defaultPolicy(): Policy {
  cachedDefault ??= parsePolicy(readFileSync(new URL('./default-policy.yaml', import.meta.url), 'utf8'));
  return cachedDefault;
}

/** A new policy: `override` wins key by key; maps (categories, rules, severity) are merged entry by entry. */
export function mergePolicy(base: Policy, override: PolicyOverride): Policy {
  const readability = { ...base.readability };
  for (const lang of ['en', 'fr'] as const) {
    const value = override.readability?.[lang];
    if (value === null) delete readability[lang];
    else if (value !== undefined) readability[lang] = value;
  }
  const merged: Policy = { version: 1, readability, profiles: { ...base.profiles } };
  for (const profile of profiles) {
    const b = base.profiles[profile];
    const o = override.profiles?.[profile];
    if (!o) continue;
    merged.profiles[profile] = {
      default: o.default ?? b.default,
      minConfidence: o.minConfidence ?? b.minConfidence,
      categories: { ...b.categories, ...o.categories },
      rules: { ...b.rules, ...o.rules },
      severity: { ...b.severity, ...o.severity },
    };
  }
  return merged;
}

/** The default policy with a workspace's override (YAML text or an already parsed object) applied. */
export function loadPolicy(override?: string | PolicyOverride): Policy {
  if (override === undefined) return defaultPolicy();
  const parsed =
    typeof override === 'string'
      ? parsePolicyOverride(override)
      : validate(override, policyOverrideSchema, 'Policy override');
  return mergePolicy(defaultPolicy(), parsed);
}

export function policyToYaml(policy: Policy | PolicyOverride): string {
  return stringify(policy);
}

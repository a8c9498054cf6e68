import YAML from 'yaml';
import { z } from 'zod';
import type { Principal } from '../../core/access/permissions.js';
import { AppError } from '../../core/errors.js';
import { readSetting, writeSetting } from '../../core/settings.js';
import type { Vigie } from '../../core/workspace.js';
import { loadPolicy, type Policy, parsePolicyOverride } from '../policy/index.js';
import type { BrandRules } from '../types.js';

const POLICY_KEY = 'guard.policy';
const BRAND_KEY = 'guard.brand';

/** The workspace's policy override as YAML ('' when the default policy applies unchanged). */
export async function getPolicyOverrideYaml(vigie: Vigie): Promise<string> {
  return (await readSetting(vigie.db, POLICY_KEY)) ?? '';
}

export async function setPolicyOverride(
  vigie: Vigie,
  actor: Principal | undefined,
  yamlText: string,
): Promise<Policy> {
  const text = yamlText.trim();
  if (text) {
    try {
      parsePolicyOverride(text);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('VALIDATION', `invalid policy: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  await writeSetting(vigie, actor, POLICY_KEY, text, 'guard.policy.update');
  return loadPolicy(text || undefined);
}

export async function workspacePolicy(vigie: Vigie): Promise<Policy> {
  const override = await getPolicyOverrideYaml(vigie);
  return loadPolicy(override || undefined);
}

const phrase = z.string().trim().min(1).max(200);
export const brandRulesSchema = z.strictObject({
  terminology: z
    .array(
      z.strictObject({
        preferred: phrase,
        deprecated: z.array(phrase).min(1).max(50),
        note: z.string().max(500).optional(),
      }),
    )
    .max(1000)
    .default([]),
  competitors: z.array(phrase).max(1000).default([]),
  bannedPhrases: z
    .array(z.strictObject({ phrase, reason: z.string().max(500).optional() }))
    .max(1000)
    .default([]),
});

export const emptyBrandRules = (): BrandRules => ({ terminology: [], competitors: [], bannedPhrases: [] });

export async function getBrandRules(vigie: Vigie): Promise<BrandRules> {
  const raw = await readSetting(vigie.db, BRAND_KEY);
  return raw ? brandRulesSchema.parse(JSON.parse(raw)) : emptyBrandRules();
}

export async function setBrandRules(
  vigie: Vigie,
  actor: Principal | undefined,
  rules: unknown,
): Promise<BrandRules> {
  const parsed = brandRulesSchema.parse(rules);
  await writeSetting(vigie, actor, BRAND_KEY, JSON.stringify(parsed), 'guard.brand.update');
  return parsed;
}

/** Brand rules as YAML, for export and import. */
export function brandRulesToYaml(rules: BrandRules): string {
  return YAML.stringify(rules);
}

export function parseBrandRulesYaml(text: string): BrandRules {
  let value: unknown;
  try {
    value = YAML.parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new AppError('VALIDATION', `invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  return brandRulesSchema.parse(value ?? {});
}

/**
 * Model provider settings per workspace. The API key is sealed in the vault (row = provider name)
 * and never leaves this module except into the provider itself: views only say whether one is set.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { AppError } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { sha256Hex } from '../provenance.js';
import { LLAMACPP_PACKAGE, LLAMACPP_VERSION } from '../providers/llamacpp.js';
import { openaiConfigSchema } from '../providers/openai.js';
import { getProvider } from '../providers/registry.js';
import type { Provider } from '../providers/types.js';

const KEY_FIELD = { table: 'studio_providers', column: 'api_key' };

export const openaiSettingsSchema = openaiConfigSchema.extend({
  /** Omitted: keep the stored key. */
  apiKey: z.string().min(1).max(4000).optional(),
});
export type OpenAISettingsInput = z.input<typeof openaiSettingsSchema>;

export const llamaCppSettingsSchema = z.strictObject({
  /** An absolute path to a GGUF file on the server. */
  modelPath: z
    .string()
    .trim()
    .min(1)
    .max(4096)
    .refine(isAbsolute, 'give an absolute path')
    .refine((p) => p.toLowerCase().endsWith('.gguf'), 'give a .gguf file'),
  contextSize: z.number().int().min(256).max(131_072).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(16).max(32_000).optional(),
});
export type LlamaCppSettings = z.output<typeof llamaCppSettingsSchema>;

/** What is missing before the llamacpp provider can draft; the console shows it next to the settings. */
export interface LlamaCppStatus {
  runtimeInstalled: boolean;
  modelFound: boolean;
  /** English, one line each: what to do. */
  problems: string[];
}

/** Looks for the optional package without loading it (loading starts native code). */
function runtimeInstalled(): boolean {
  const paths = createRequire(import.meta.url).resolve.paths(LLAMACPP_PACKAGE) ?? [];
  return paths.some((dir) => existsSync(join(dir, LLAMACPP_PACKAGE, 'package.json')));
}

export function llamaCppStatus(modelPath: string): LlamaCppStatus {
  const status = { runtimeInstalled: runtimeInstalled(), modelFound: existsSync(modelPath) };
  const problems: string[] = [];
  if (!status.runtimeInstalled)
    problems.push(`${LLAMACPP_PACKAGE} is not installed: npm i ${LLAMACPP_PACKAGE}@${LLAMACPP_VERSION}`);
  if (!status.modelFound) problems.push('The model file is missing: download a GGUF model and set its path');
  return { ...status, problems };
}

export interface ProviderSettingsView {
  openai: (Omit<z.output<typeof openaiConfigSchema>, 'apiKey'> & { hasApiKey: boolean }) | null;
  llamacpp: (LlamaCppSettings & LlamaCppStatus) | null;
}

export async function getProviderSettings(vigie: Vigie): Promise<ProviderSettingsView> {
  const rows = await vigie.db
    .selectFrom('studio_providers')
    .selectAll()
    .where('name', 'in', ['openai', 'llamacpp'])
    .execute();
  const openai = rows.find((r) => r.name === 'openai');
  const llama = rows.find((r) => r.name === 'llamacpp');
  const llamaConfig = llama ? llamaCppSettingsSchema.parse(JSON.parse(llama.config)) : null;
  return {
    openai: openai ? { ...JSON.parse(openai.config), hasApiKey: openai.api_key_enc !== null } : null,
    llamacpp: llamaConfig ? { ...llamaConfig, ...llamaCppStatus(llamaConfig.modelPath) } : null,
  };
}

/** Sets the local GGUF model; saved even when the file is not there yet, and the view says so. */
export async function setLlamaCppSettings(
  vigie: Vigie,
  actor: Principal | undefined,
  input: z.input<typeof llamaCppSettingsSchema>,
): Promise<ProviderSettingsView> {
  const config = llamaCppSettingsSchema.parse(input);
  const values = { config: JSON.stringify(config), api_key_enc: null, updated_at: nowIso() };
  await vigie.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('studio_providers')
      .values({ name: 'llamacpp', ...values })
      .onConflict((oc) => oc.column('name').doUpdateSet(values))
      .execute();
    // The path may name a person's home directory: the ledger keeps only the file's hash.
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'studio.provider.update',
        target: 'provider:llamacpp',
        details: { modelPathSha256: sha256Hex(config.modelPath) },
      },
    ]);
  });
  return getProviderSettings(vigie);
}

export async function setOpenAISettings(
  vigie: Vigie,
  actor: Principal | undefined,
  input: OpenAISettingsInput,
): Promise<ProviderSettingsView> {
  const { apiKey, ...config } = openaiSettingsSchema.parse(input);
  const now = nowIso();
  await vigie.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('studio_providers')
      .select('api_key_enc')
      .where('name', '=', 'openai')
      .executeTakeFirst();
    const sealed = apiKey
      ? vigie.keyring.seal(apiKey, { ...KEY_FIELD, row: 'openai' })
      : (existing?.api_key_enc ?? null);
    const values = { config: JSON.stringify(config), api_key_enc: sealed, updated_at: now };
    await tx
      .insertInto('studio_providers')
      .values({ name: 'openai', ...values })
      .onConflict((oc) => oc.column('name').doUpdateSet(values))
      .execute();
    await vigie.ledger.append(tx, [
      {
        actor: actorOf(actor),
        action: 'studio.provider.update',
        target: 'provider:openai',
        details: { keyChanged: Boolean(apiKey), hasApiKey: sealed !== null },
      },
    ]);
  });
  return getProviderSettings(vigie);
}

/** The provider a request names, configured from the workspace settings. */
export async function workspaceProvider(vigie: Vigie, name: string): Promise<Provider> {
  if (name === 'composer') return getProvider(name);
  const row =
    name === 'openai' || name === 'llamacpp'
      ? await vigie.db.selectFrom('studio_providers').selectAll().where('name', '=', name).executeTakeFirst()
      : undefined;
  // A request naming a provider the workspace has not set up is the caller's mistake, not a server fault.
  if (!row) throw new AppError('VALIDATION', `The ${name} provider is not configured for this workspace`);
  if (name === 'llamacpp') {
    const config = llamaCppSettingsSchema.parse(JSON.parse(row.config));
    // Checked before drafting so the answer is a clear 503, not a failure deep in the model call.
    const { problems } = llamaCppStatus(config.modelPath);
    if (problems.length > 0) throw new AppError('NOT_READY', problems.join('; '));
    return getProvider(name, { llamacpp: config });
  }
  const apiKey = row.api_key_enc
    ? await vigie.keyring.open(row.api_key_enc, { ...KEY_FIELD, row: 'openai' })
    : 'not-needed';
  return getProvider(name, { openai: { ...JSON.parse(row.config), apiKey } });
}

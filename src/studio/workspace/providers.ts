/**
 * Model provider settings per workspace. The API key is sealed in the vault (row = provider name)
 * and never leaves this module except into the provider itself: views only say whether one is set.
 */
import { z } from 'zod';
import { actorOf, type Principal } from '../../core/access/permissions.js';
import { nowIso } from '../../core/db/index.js';
import { AppError } from '../../core/errors.js';
import type { Vigie } from '../../core/workspace.js';
import { openaiConfigSchema } from '../providers/openai.js';
import { getProvider } from '../providers/registry.js';
import type { Provider } from '../providers/types.js';

const KEY_FIELD = { table: 'studio_providers', column: 'api_key' };

export const openaiSettingsSchema = openaiConfigSchema.extend({
  /** Omitted: keep the stored key. */
  apiKey: z.string().min(1).max(4000).optional(),
});
export type OpenAISettingsInput = z.input<typeof openaiSettingsSchema>;

export interface ProviderSettingsView {
  openai: (Omit<z.output<typeof openaiConfigSchema>, 'apiKey'> & { hasApiKey: boolean }) | null;
}

export async function getProviderSettings(vigie: Vigie): Promise<ProviderSettingsView> {
  const row = await vigie.db
    .selectFrom('studio_providers')
    .selectAll()
    .where('name', '=', 'openai')
    .executeTakeFirst();
  return { openai: row ? { ...JSON.parse(row.config), hasApiKey: row.api_key_enc !== null } : null };
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
    name === 'openai'
      ? await vigie.db
          .selectFrom('studio_providers')
          .selectAll()
          .where('name', '=', 'openai')
          .executeTakeFirst()
      : undefined;
  // A request naming a provider the workspace has not set up is the caller's mistake, not a server fault.
  if (!row) throw new AppError('VALIDATION', `The ${name} provider is not configured for this workspace`);
  const apiKey = row.api_key_enc
    ? await vigie.keyring.open(row.api_key_enc, { ...KEY_FIELD, row: 'openai' })
    : 'not-needed';
  return getProvider(name, { openai: { ...JSON.parse(row.config), apiKey } });
}

import { z } from 'zod';
import type { Principal } from '../../../core/access/permissions.js';
import { readSetting, type Vigie, writeSetting } from '../../../core/index.js';
import { FOUR_FIFTHS } from '../../fairness.js';
import { DEFAULT_K } from '../k-anonymity.js';

/** Workspace policy for insights: the k of k-anonymity and the fairness gate before targeting. */
export const insightsSettingsSchema = z.strictObject({
  kAnonymity: z.number().int().min(2).max(1000).default(DEFAULT_K),
  /** Largest demographic parity difference (max - min selection rate) a use passes with. */
  maxParityDifference: z.number().min(0).max(1).default(0.1),
  /** Smallest selection-rate ratio to the most selected group (the four-fifths rule at 0.8). */
  minParityRatio: z.number().min(0).max(1).default(FOUR_FIFTHS),
  /** Protected attributes tried in order: the first with at least two groups is audited. */
  protectedAttributes: z
    .array(z.enum(['gender', 'age_band']))
    .min(1)
    .max(2)
    .default(['gender', 'age_band']),
});
export type InsightsSettings = z.output<typeof insightsSettingsSchema>;

const KEY = 'insights';

export async function readInsightsSettings(vigie: Vigie): Promise<InsightsSettings> {
  const raw = await readSetting(vigie.db, KEY);
  return insightsSettingsSchema.parse(raw ? JSON.parse(raw) : {});
}

export async function writeInsightsSettings(
  vigie: Vigie,
  actor: Principal | undefined,
  input: z.input<typeof insightsSettingsSchema>,
): Promise<InsightsSettings> {
  const settings = insightsSettingsSchema.parse(input);
  await writeSetting(vigie, actor, KEY, JSON.stringify(settings), 'insights.settings.update');
  return settings;
}

/** Studio's review and disclosure policy, one workspace setting. */
import { z } from 'zod';
import type { Principal } from '../../core/access/permissions.js';
import { readSetting, writeSetting } from '../../core/settings.js';
import type { Vigie } from '../../core/workspace.js';
import { disclosureWordingSchema } from '../disclosure.js';

const POLICY_KEY = 'studio.policy';

export const studioPolicySchema = z.strictObject({
  /** Approval needs the draft to pass a `publish` scan without `block` or `review` findings. */
  requireCleanPublishScan: z.boolean().default(false),
  /** Approval needs the `reviewer` role: an admin's `drafts:review` is then not enough. */
  requireReviewerRole: z.boolean().default(false),
  /** Replaces the default AI disclosure wording (EU AI Act Article 50 by default). */
  disclosure: disclosureWordingSchema.optional(),
});
export type StudioPolicy = z.output<typeof studioPolicySchema>;

export async function getStudioPolicy(vigie: Vigie): Promise<StudioPolicy> {
  const raw = await readSetting(vigie.db, POLICY_KEY);
  return studioPolicySchema.parse(raw ? JSON.parse(raw) : {});
}

export async function setStudioPolicy(
  vigie: Vigie,
  actor: Principal | undefined,
  input: unknown,
): Promise<StudioPolicy> {
  const policy = studioPolicySchema.parse(input);
  await writeSetting(vigie, actor, POLICY_KEY, JSON.stringify(policy), 'studio.policy.update');
  return policy;
}

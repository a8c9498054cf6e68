import { z } from 'zod';
import type { Principal } from '../../core/access/permissions.js';
import { readSetting, writeSetting } from '../../core/settings.js';
import type { Vigie } from '../../core/workspace.js';
import type { Protection } from '../email/types.js';

const KEY = 'shield.protection';
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/, 'a domain such as example.com');

/** What the workspace protects: its brands with their sending domains, and the people fraudsters impersonate. */
export const protectionSchema = z.strictObject({
  brands: z
    .array(
      z.strictObject({
        name: z.string().trim().min(2).max(100),
        aliases: z.array(z.string().trim().min(2).max(100)).max(50).default([]),
        domains: z.array(domain).min(1).max(100),
      }),
    )
    .max(100)
    .default([]),
  vips: z.array(z.string().trim().min(3).max(120)).max(500).default([]),
  authservIds: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[^\s;]{1,253}$/, 'a server name such as mx.example.com'),
    )
    .max(20)
    .default([]),
});

export async function shieldProtection(vigie: Vigie): Promise<Protection> {
  const raw = await readSetting(vigie.db, KEY);
  return raw ? protectionSchema.parse(JSON.parse(raw)) : { brands: [], vips: [], authservIds: [] };
}

export async function setShieldProtection(
  vigie: Vigie,
  actor: Principal | undefined,
  input: unknown,
): Promise<Protection> {
  const parsed = protectionSchema.parse(input);
  await writeSetting(vigie, actor, KEY, JSON.stringify(parsed), 'shield.protection.update');
  return parsed;
}

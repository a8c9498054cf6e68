import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../core/index.js';

/** Response schemas: they document the API and make sure no other field is ever serialised. */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const sessionSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    role: z.enum(ROLES),
    displayName: z.string().nullable(),
    email: z.string().nullable(),
    locale: z.string().nullable(),
  }),
  csrfToken: z.string(),
  permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS])),
});

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const idParams = z.object({ id: z.string().uuid() });

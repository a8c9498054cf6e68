import { createHash, randomBytes } from 'node:crypto';

/** Opaque bearer secrets (session cookies, API tokens) are stored only as SHA-256 digests. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

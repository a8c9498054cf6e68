// Token state as shown in the list. Pure so the precedence (revoked beats expired) is tested.

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(
  token: { revokedAt: string | null; expiresAt: string | null },
  now: Date = new Date(),
): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** Expiry choices offered when creating a token, in days (the server accepts 1 to 366). */
export const TOKEN_EXPIRY_DAYS = [7, 30, 90, 180, 365] as const;
export const DEFAULT_TOKEN_EXPIRY_DAYS = 90;

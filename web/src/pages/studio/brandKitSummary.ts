// Pure helpers for the brand kit panel: no React, so tests import them directly.

/** The server's own limit (MAX_BRAND_KIT_BYTES in src/studio/brand-kit.ts): larger YAML is refused here first. */
export const MAX_KIT_YAML_BYTES = 512 * 1024;

/** A fact is "expiring" when it lapses within this many days: time to renew it before drafts lose it. */
export const EXPIRING_SOON_DAYS = 30;

export interface FactExpiry {
  total: number;
  /** Valid with no expiry date, or lapsing after the "soon" window. */
  active: number;
  expiringSoon: number;
  expired: number;
  /** The earliest expiry date still ahead, if any. */
  nextExpiry?: string;
}

/** Counts the kit's facts by expiry state; a fact whose date cannot be parsed counts as expired (briefs refuse it). */
export function factExpiry(
  facts: readonly { expiresAt?: string | null | undefined }[],
  now = new Date(),
): FactExpiry {
  const soon = now.getTime() + EXPIRING_SOON_DAYS * 86_400_000;
  const result: FactExpiry = { total: facts.length, active: 0, expiringSoon: 0, expired: 0 };
  let next = Number.POSITIVE_INFINITY;
  for (const fact of facts) {
    if (!fact.expiresAt) {
      result.active++;
      continue;
    }
    const at = Date.parse(fact.expiresAt);
    if (Number.isNaN(at) || at <= now.getTime()) result.expired++;
    else {
      if (at <= soon) result.expiringSoon++;
      else result.active++;
      if (at < next) {
        next = at;
        result.nextExpiry = fact.expiresAt;
      }
    }
  }
  return result;
}

/** UTF-8 size, as the server measures it (a file's `size` is bytes already; pasted text is not). */
export const yamlBytes = (text: string): number => new TextEncoder().encode(text).length;

// Pure logic of the console's brand kit panel: fact expiry counts and the client-side size limit.
import { describe, expect, it } from 'vitest';
import { MAX_BRAND_KIT_BYTES } from '../src/studio/brand-kit.js';
import {
  EXPIRING_SOON_DAYS,
  factExpiry,
  MAX_KIT_YAML_BYTES,
  yamlBytes,
} from '../web/src/pages/studio/brandKitSummary.js';

const now = new Date('2026-06-01T00:00:00.000Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

describe('brand kit panel', () => {
  it('counts facts as active, expiring soon or expired, and finds the next expiry', () => {
    const facts = [
      {},
      { expiresAt: inDays(400) },
      { expiresAt: inDays(EXPIRING_SOON_DAYS - 1) },
      { expiresAt: inDays(3) },
      { expiresAt: inDays(-1) },
      { expiresAt: now.toISOString() },
      { expiresAt: 'not a date' },
    ];
    expect(factExpiry(facts, now)).toEqual({
      total: 7,
      active: 2,
      expiringSoon: 2,
      expired: 3,
      nextExpiry: inDays(3),
    });
  });

  it('has no next expiry when nothing lapses', () => {
    expect(factExpiry([{}, { expiresAt: null }], now)).toEqual({
      total: 2,
      active: 2,
      expiringSoon: 0,
      expired: 0,
    });
    expect(factExpiry([], now)).toEqual({ total: 0, active: 0, expiringSoon: 0, expired: 0 });
  });

  it('measures pasted YAML in UTF-8 bytes against the server’s own limit', () => {
    expect(MAX_KIT_YAML_BYTES).toBe(MAX_BRAND_KIT_BYTES);
    expect(yamlBytes('name: Vigie')).toBe(11);
    expect(yamlBytes('name: Équipe')).toBe(13);
  });
});

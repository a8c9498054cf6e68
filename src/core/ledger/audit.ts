import type { Vigie } from '../workspace.js';
import { type Anchor, type AnchorCheck, checkAnchor } from './anchor.js';
import { type VerifyResult, verifyStoredLedger } from './verify.js';

export interface VerifyOptions {
  onProgress?: (checked: number, total: number) => void;
  /** A head saved outside the workspace that the ledger must still contain. */
  anchor?: Anchor;
}

export type LedgerVerification = VerifyResult & { anchor?: AnchorCheck };

/**
 * Verifies the stored ledger against the workspace's signing keys (derived from the sealed private keys)
 * and, when given one, against an anchor; `ok` covers both.
 */
export async function verifyLedger(vigie: Vigie, options: VerifyOptions = {}): Promise<LedgerVerification> {
  await vigie.keyring.reload();
  const keys = vigie.keyring.verificationKeys();
  const result = await verifyStoredLedger(vigie.db, keys, options.onProgress);
  if (!options.anchor) return result;
  const anchor = await checkAnchor(vigie.ledger, keys, options.anchor);
  return { ...result, ok: result.ok && anchor.ok, anchor };
}

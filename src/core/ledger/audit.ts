import type { Vigie } from '../workspace.js';
import { type VerifyResult, verifyStoredLedger } from './verify.js';

/** Verifies the stored ledger against the workspace's signing keys (derived from the sealed private keys). */
export async function verifyLedger(
  vigie: Vigie,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  await vigie.keyring.reload();
  return verifyStoredLedger(vigie.db, vigie.keyring.verificationKeys(), onProgress);
}

import { publicKeyFromRaw } from '../crypto/keyring.js';
import type { Vigie } from '../workspace.js';
import { type VerifyResult, verifyStoredLedger } from './verify.js';

/** Verifies the stored ledger against the workspace's signing keys. */
export async function verifyLedger(
  vigie: Vigie,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  const rows = await vigie.db
    .selectFrom('keys')
    .select(['id', 'public_key'])
    .where('purpose', '=', 'signing')
    .execute();
  const keys = new Map(
    rows
      .filter((r) => r.public_key)
      .map((r) => [r.id, publicKeyFromRaw(Buffer.from(r.public_key!, 'base64'))]),
  );
  return verifyStoredLedger(vigie.db, keys, onProgress);
}

/**
 * Anchors: a signed head kept outside the workspace (printed by `vigie audit head --format json`, mailed
 * to an auditor, stored in another system). Verification alone cannot see a ledger rolled back to an
 * older genuine state or wiped and restarted; an anchor can, because the ledger must still contain it.
 */
import { type KeyObject, verify as verifySignature } from 'node:crypto';
import { z } from 'zod';
import { headMessage } from './entry.js';
import type { Ledger } from './ledger.js';

export const anchorSchema = z.object({
  treeSize: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  rootHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 root hash in lowercase hex'),
  issuedAt: z.string().min(1).max(64),
  signature: z.string().min(1).max(256),
  keyId: z.string().min(1).max(128),
});
export type Anchor = z.output<typeof anchorSchema>;

export interface AnchorCheck {
  ok: boolean;
  treeSize: number;
  issuedAt: string;
  /** Why the anchor does not hold; null when it does. */
  reason: string | null;
}

/** Does the ledger still contain the anchored head, exactly? */
export async function checkAnchor(
  ledger: Ledger,
  keys: Map<string, KeyObject>,
  anchor: Anchor,
): Promise<AnchorCheck> {
  const fail = (reason: string): AnchorCheck => ({
    ok: false,
    treeSize: anchor.treeSize,
    issuedAt: anchor.issuedAt,
    reason,
  });
  const key = keys.get(anchor.keyId);
  if (!key) return fail(`the anchor is signed by key ${anchor.keyId}, which this workspace does not hold`);
  if (!verifySignature(null, headMessage(anchor), key, Buffer.from(anchor.signature, 'base64'))) {
    return fail('the anchor signature is invalid: it is not a head this workspace signed');
  }
  const size = await ledger.size();
  if (size < anchor.treeSize) {
    return fail(
      `the ledger holds ${size} entries, fewer than the ${anchor.treeSize} of the anchored head: it was rolled back or wiped`,
    );
  }
  let root: string;
  try {
    root = (await ledger.rootAt(anchor.treeSize)).toString('hex');
  } catch {
    root = '';
  }
  if (root !== anchor.rootHash) {
    return fail(
      `the first ${anchor.treeSize} entries no longer match the anchored head: the ledger was rewritten`,
    );
  }
  return { ok: true, treeSize: anchor.treeSize, issuedAt: anchor.issuedAt, reason: null };
}

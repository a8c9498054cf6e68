// What the console checks by itself about the ledger, from data the API serves: an entry's leaf hash
// from its content, the audit path up to the root, and the Ed25519 signature of the tree head.
// The byte formats mirror src/core/ledger/entry.ts; test/web-ledger-check.test.ts holds them equal.
// (Relative imports in web/src/lib carry .js so that Node tests can import these modules too.)
import { base64ToBytes, bytesToHex, equalBytes, hexToBytes } from './bytes.js';
import { hashLeaf, rootFromInclusionProof, type Sha256 } from './merkle.js';

/** JSON with keys sorted at every level, as the server hashes entries. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

export interface HashedEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: unknown;
}

export function entryBytes(entry: HashedEntry): Uint8Array {
  const { seq, at, actor, action, target, details } = entry;
  return new TextEncoder().encode(canonicalJson({ seq, at, actor, action, target, details }));
}

export function headMessage(head: { treeSize: number; rootHash: string; issuedAt: string }): Uint8Array {
  return new TextEncoder().encode(`vigie/sth/v1\n${head.treeSize}\n${head.rootHash}\n${head.issuedAt}\n`);
}

export interface ProofInput {
  seq: number;
  treeSize: number;
  leafHash: string;
  proof: readonly string[];
  rootHash: string;
}

export type InclusionVerdict =
  | { ok: true }
  | { ok: false; reason: 'malformed' | 'leafMismatch' | 'rootMismatch' | 'invalidPath' };

/**
 * Checks that `proof` puts `entry` (when given) in the tree of `proof.rootHash`: the entry hashes to
 * the proof's leaf, and the audit path climbs from that leaf to the root.
 */
export async function checkInclusion(
  sha256: Sha256,
  proof: ProofInput,
  entry?: HashedEntry,
): Promise<InclusionVerdict> {
  const leaf = hexToBytes(proof.leafHash);
  const root = hexToBytes(proof.rootHash);
  const path = proof.proof.map(hexToBytes);
  if (!leaf || !root || path.some((hash) => hash === undefined)) return { ok: false, reason: 'malformed' };
  if (entry) {
    const computedLeaf = await hashLeaf(sha256, entryBytes(entry));
    if (bytesToHex(computedLeaf) !== bytesToHex(leaf)) return { ok: false, reason: 'leafMismatch' };
  }
  try {
    const computedRoot = await rootFromInclusionProof(
      sha256,
      BigInt(proof.seq),
      BigInt(proof.treeSize),
      leaf,
      path as Uint8Array[],
    );
    return equalBytes(computedRoot, root) ? { ok: true } : { ok: false, reason: 'rootMismatch' };
  } catch {
    return { ok: false, reason: 'invalidPath' };
  }
}

export type Ed25519Verify = (
  publicKey: Uint8Array,
  signature: Uint8Array,
  message: Uint8Array,
) => Promise<boolean>;

export type SignatureVerdict = 'valid' | 'invalid' | 'malformed';

export async function checkHeadSignature(
  verify: Ed25519Verify,
  head: { treeSize: number; rootHash: string; issuedAt: string; signature: string; publicKey: string },
): Promise<SignatureVerdict> {
  const publicKey = base64ToBytes(head.publicKey);
  const signature = base64ToBytes(head.signature);
  if (publicKey?.length !== 32 || signature?.length !== 64) return 'malformed';
  return (await verify(publicKey, signature, headMessage(head))) ? 'valid' : 'invalid';
}

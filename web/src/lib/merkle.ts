// RFC 6962 Merkle hashing and inclusion-proof checking, so the console can check the server's proofs
// itself instead of trusting them. The algorithm is transparency-dev/merkle proof/verify.go
// (RootFromInclusionProof); hashing is injected so this stays pure (WebCrypto in the browser).

export const HASH_SIZE = 32;
/** RFC 6962 domain separation: leaves and interior nodes can never hash alike. */
export const LEAF_PREFIX = 0x00;
export const NODE_PREFIX = 0x01;

export type Sha256 = (data: Uint8Array) => Promise<Uint8Array>;

export type ProofProblem = 'indexOutOfRange' | 'wrongProofSize' | 'badHashSize';

export class ProofError extends Error {
  readonly problem: ProofProblem;
  constructor(problem: ProofProblem, message: string) {
    super(message);
    this.name = 'ProofError';
    this.problem = problem;
  }
}

function prefixed(prefix: number, ...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(1 + parts.reduce((sum, part) => sum + part.length, 0));
  out[0] = prefix;
  let offset = 1;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export const hashLeaf = (sha256: Sha256, data: Uint8Array) => sha256(prefixed(LEAF_PREFIX, data));

export const hashChildren = (sha256: Sha256, left: Uint8Array, right: Uint8Array) =>
  sha256(prefixed(NODE_PREFIX, left, right));

function bitLength(value: bigint): number {
  let bits = 0;
  for (let rest = value; rest > 0n; rest >>= 1n) bits += 1;
  return bits;
}

function onesCount(value: bigint): number {
  let ones = 0;
  for (let rest = value; rest > 0n; rest >>= 1n) ones += Number(rest & 1n);
  return ones;
}

/**
 * The root a proof leads to. Sizes and indexes are bigints because the bit arithmetic must hold
 * beyond 2^32 (JavaScript's bitwise operators work on 32 bits).
 */
export async function rootFromInclusionProof(
  sha256: Sha256,
  index: bigint,
  size: bigint,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Promise<Uint8Array> {
  if (index < 0n || index >= size)
    throw new ProofError('indexOutOfRange', `index ${index} is not below size ${size}`);
  if (leafHash.length !== HASH_SIZE) throw new ProofError('badHashSize', 'the leaf hash is not 32 bytes');
  if (proof.some((hash) => hash.length !== HASH_SIZE))
    throw new ProofError('badHashSize', 'a proof hash is not 32 bytes');
  // The path first climbs the part of the tree shared with the last leaf (inner), then the
  // right border of perfect subtrees (border).
  const inner = bitLength(index ^ (size - 1n));
  const border = onesCount(index >> BigInt(inner));
  if (proof.length !== inner + border) {
    throw new ProofError('wrongProofSize', `expected ${inner + border} hashes, got ${proof.length}`);
  }
  let node = leafHash;
  for (let level = 0; level < inner; level += 1) {
    const sibling = proof[level] as Uint8Array;
    node =
      ((index >> BigInt(level)) & 1n) === 0n
        ? await hashChildren(sha256, node, sibling)
        : await hashChildren(sha256, sibling, node);
  }
  for (const sibling of proof.slice(inner)) node = await hashChildren(sha256, sibling, node);
  return node;
}

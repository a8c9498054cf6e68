import { createHash } from 'node:crypto';

/**
 * RFC 6962 / RFC 9162 Merkle tree maths, pure. Storage keeps the hash of every perfect subtree as a
 * node (level, index): node (l, i) covers leaves [i * 2^l, (i + 1) * 2^l). Any other range is hashed
 * from its decomposition into perfect subtrees, so a proof needs O(log n) stored nodes, never a
 * recomputation of the tree.
 */
export const LEAF_PREFIX = 0x00;
export const NODE_PREFIX = 0x01;
export const HASH_SIZE = 32;
export const EMPTY_ROOT = createHash('sha256').digest();

export function hashLeaf(data: Uint8Array): Buffer {
  return createHash('sha256').update(Uint8Array.of(LEAF_PREFIX)).update(data).digest();
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Uint8Array.of(NODE_PREFIX)).update(left).update(right).digest();
}

export interface NodeId {
  level: number;
  index: number;
}

export interface Range {
  start: number;
  end: number;
}

/** Largest power of two strictly less than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The perfect subtrees covering [start, end), left to right; start must be aligned as in RFC 6962 splits. */
export function decompose(range: Range): NodeId[] {
  const out: NodeId[] = [];
  let { start } = range;
  const { end } = range;
  while (start < end) {
    // Largest aligned power of two that starts at `start` and fits.
    let size = 1;
    while (start % (size * 2) === 0 && start + size * 2 <= end) size *= 2;
    out.push({ level: Math.log2(size), index: start / size });
    start += size;
  }
  return out;
}

/** Hash of a range from its perfect subtrees (as returned by `decompose`), folding right to left. */
export function hashFromNodes(nodes: Buffer[]): Buffer {
  if (nodes.length === 0) return EMPTY_ROOT;
  let acc = nodes[nodes.length - 1]!;
  for (let i = nodes.length - 2; i >= 0; i--) acc = hashChildren(nodes[i]!, acc);
  return acc;
}

/** Ranges whose hashes form the inclusion proof of leaf `index` in a tree of `size` (RFC 6962 PATH). */
export function inclusionRanges(index: number, size: number): Range[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`index ${index} is outside a tree of size ${size}`);
  const path: Range[] = [];
  let start = 0;
  let end = size;
  let m = index;
  const stack: Range[] = [];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      stack.push({ start: start + k, end });
      end = start + k;
    } else {
      stack.push({ start, end: start + k });
      start += k;
      m -= k;
    }
  }
  // PATH lists the deepest sibling first.
  for (let i = stack.length - 1; i >= 0; i--) path.push(stack[i]!);
  return path;
}

/** Ranges whose hashes form the consistency proof between sizes m and n (RFC 6962 PROOF). */
export function consistencyRanges(m: number, n: number): Range[] {
  if (!(m > 0 && m <= n)) throw new RangeError(`no consistency proof from size ${m} to ${n}`);
  const out: Range[] = [];
  const sub = (m2: number, start: number, end: number, whole: boolean): void => {
    const n2 = end - start;
    if (m2 === n2) {
      if (!whole) out.push({ start, end });
      return;
    }
    const k = splitPoint(n2);
    if (m2 <= k) {
      sub(m2, start, start + k, whole);
      out.push({ start: start + k, end });
    } else {
      sub(m2 - k, start + k, end, false);
      out.push({ start, end: start + k });
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** Perfect subtrees covering [0, size): the compact state a writer needs to append and compute roots. */
export function frontierNodes(size: number): NodeId[] {
  return decompose({ start: 0, end: size });
}

/** Typed verification errors, so callers and tests can tell a bad proof from a mismatching root. */
export class ProofError extends Error {
  override name = 'ProofError';
}

export class RootMismatchError extends ProofError {
  constructor(
    readonly computed: Buffer,
    readonly expected: Uint8Array,
  ) {
    super(
      `calculated root ${computed.toString('hex')} does not match expected root ${Buffer.from(expected).toString('hex')}`,
    );
    this.name = 'RootMismatchError';
  }
}

function popcount(x: number): number {
  let n = 0;
  while (x > 0) {
    n += x % 2;
    x = Math.floor(x / 2);
  }
  return n;
}

function trailingZeros(x: number): number {
  let n = 0;
  while (x > 0 && x % 2 === 0) {
    n++;
    x /= 2;
  }
  return n;
}

// Bit operations on JS numbers are 32-bit; these work up to 2^53 through arithmetic instead.
function bit(x: number, i: number): number {
  return Math.floor(x / 2 ** i) % 2;
}

function xorBitLength(a: number, b: number): number {
  let len = 0;
  for (let i = 0; i < 53; i++) if (bit(a, i) !== bit(b, i)) len = i + 1;
  return len;
}

function decompInclusion(index: number, size: number): { inner: number; border: number } {
  const inner = xorBitLength(index, size - 1);
  return { inner, border: popcount(Math.floor(index / 2 ** inner)) };
}

function chainInner(seed: Buffer, proof: Uint8Array[], index: number): Buffer {
  proof.forEach((h, i) => {
    seed = bit(index, i) === 0 ? hashChildren(seed, h) : hashChildren(h, seed);
  });
  return seed;
}

function chainInnerRight(seed: Buffer, proof: Uint8Array[], index: number): Buffer {
  proof.forEach((h, i) => {
    if (bit(index, i) === 1) seed = hashChildren(h, seed);
  });
  return seed;
}

function chainBorderRight(seed: Buffer, proof: Uint8Array[]): Buffer {
  for (const h of proof) seed = hashChildren(h, seed);
  return seed;
}

function checkHashes(proof: Uint8Array[]): void {
  for (const h of proof) if (h.length !== HASH_SIZE) throw new ProofError(`proof hash of ${h.length} bytes`);
}

export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: Uint8Array[],
): Buffer {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0))
    throw new ProofError('bad index');
  if (index >= size) throw new ProofError(`index is beyond size: ${index} >= ${size}`);
  if (leafHash.length !== HASH_SIZE) throw new ProofError(`leaf hash of ${leafHash.length} bytes`);
  checkHashes(proof);
  const { inner, border } = decompInclusion(index, size);
  if (proof.length !== inner + border)
    throw new ProofError(`wrong proof size ${proof.length}, want ${inner + border}`);
  const res = chainInner(Buffer.from(leafHash), proof.slice(0, inner), index);
  return chainBorderRight(res, proof.slice(inner));
}

export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
): void {
  const computed = rootFromInclusionProof(index, size, leafHash, proof);
  if (!computed.equals(root)) throw new RootMismatchError(computed, root);
}

export function verifyConsistency(
  size1: number,
  size2: number,
  proof: Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  if (size2 < size1) throw new ProofError(`size2 (${size2}) < size1 (${size1})`);
  // A consistency proof from the empty tree proves nothing; we refuse it rather than accept anything.
  if (size1 === 0) throw new ProofError('consistency from an empty tree is not a proof');
  if (size1 === size2) {
    if (proof.length > 0) throw new ProofError('size1 = size2, but proof is not empty');
    if (!Buffer.from(root1).equals(root2)) throw new RootMismatchError(Buffer.from(root1), root2);
    return;
  }
  if (proof.length === 0) throw new ProofError('empty proof');
  checkHashes(proof);
  const decomp = decompInclusion(size1 - 1, size2);
  const shift = trailingZeros(size1);
  const inner = decomp.inner - shift;
  let seed: Buffer;
  let start: number;
  if (size1 === 2 ** shift) {
    seed = Buffer.from(root1);
    start = 0;
  } else {
    seed = Buffer.from(proof[0]!);
    start = 1;
  }
  if (proof.length !== start + inner + decomp.border) {
    throw new ProofError(`wrong proof size ${proof.length}, want ${start + inner + decomp.border}`);
  }
  const rest = proof.slice(start);
  const mask = Math.floor((size1 - 1) / 2 ** shift);
  const hash1 = chainBorderRight(chainInnerRight(seed, rest.slice(0, inner), mask), rest.slice(inner));
  if (!hash1.equals(root1)) throw new RootMismatchError(hash1, root1);
  const hash2 = chainBorderRight(chainInner(seed, rest.slice(0, inner), mask), rest.slice(inner));
  if (!hash2.equals(root2)) throw new RootMismatchError(hash2, root2);
}

/** Reference root of a list of leaf hashes, computed recursively: for tests and offline verification. */
export function rootOfLeaves(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  // Iterative: fold each leaf into a frontier of perfect subtrees.
  const stack: { size: number; hash: Buffer }[] = [];
  for (const leaf of leaves) {
    let node = { size: 1, hash: leaf };
    while (stack.length > 0 && stack[stack.length - 1]!.size === node.size) {
      const left = stack.pop()!;
      node = { size: node.size * 2, hash: hashChildren(left.hash, node.hash) };
    }
    stack.push(node);
  }
  return hashFromNodes(stack.map((s) => s.hash));
}

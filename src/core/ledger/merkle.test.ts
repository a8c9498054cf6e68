import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import {
  consistencyRanges,
  decompose,
  hashFromNodes,
  hashLeaf,
  inclusionRanges,
  rootOfLeaves,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

// Leaf inputs of the reference tree of the transparency-dev vectors (shared/data README).
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const leafHashes = LEAVES.map((h) => hashLeaf(Buffer.from(h, 'hex')));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : name.endsWith('.json') ? [p] : [];
  });
}

const b64 = (s: string | null) => Buffer.from(s ?? '', 'base64');

/** Hash of a range computed from the leaves directly, as the stored nodes would give it. */
function rangeHash(leaves: Buffer[], start: number, end: number): Buffer {
  return hashFromNodes(
    decompose({ start, end }).map(({ level, index }) =>
      rootOfLeaves(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level)),
    ),
  );
}

describe('RFC 6962 Merkle tree', () => {
  it('computes the reference root of the eight leaves', () => {
    expect(rootOfLeaves(leafHashes).toString('hex')).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
  });

  it('builds inclusion and consistency proofs that verify for every size up to 40', () => {
    const leaves = Array.from({ length: 40 }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));
    for (let n = 1; n <= leaves.length; n++) {
      const root = rootOfLeaves(leaves.slice(0, n));
      for (let m = 0; m < n; m++) {
        const proof = inclusionRanges(m, n).map((r) => rangeHash(leaves, r.start, r.end));
        verifyInclusion(m, n, leaves[m]!, proof, root);
      }
      for (let m = 1; m <= n; m++) {
        const proof = consistencyRanges(m, n).map((r) => rangeHash(leaves, r.start, r.end));
        verifyConsistency(m, n, proof, rootOfLeaves(leaves.slice(0, m)), root);
      }
    }
  });

  const dir = sharedData('merkle');
  describe.skipIf(!dir)('transparency-dev vectors', () => {
    it('passes every inclusion vector', () => {
      const failures: string[] = [];
      for (const file of walk(join(dir!, 'inclusion'))) {
        const v = JSON.parse(readFileSync(file, 'utf8'));
        let err: unknown;
        try {
          verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), (v.proof ?? []).map(b64), b64(v.root));
        } catch (e) {
          err = e;
        }
        if (Boolean(err) !== v.wantErr) failures.push(`${file}: wantErr=${v.wantErr}, got ${String(err)}`);
      }
      expect(failures).toEqual([]);
    });

    it('passes every consistency vector', () => {
      const failures: string[] = [];
      for (const file of walk(join(dir!, 'consistency'))) {
        const v = JSON.parse(readFileSync(file, 'utf8'));
        let err: unknown;
        try {
          verifyConsistency(v.size1, v.size2, (v.proof ?? []).map(b64), b64(v.root1), b64(v.root2));
        } catch (e) {
          err = e;
        }
        if (Boolean(err) !== v.wantErr) failures.push(`${file}: wantErr=${v.wantErr}, got ${String(err)}`);
      }
      expect(failures).toEqual([]);
    });

    it('produces exactly the happy-path proofs of the vectors', () => {
      for (const file of walk(dir!).filter((f) => f.endsWith('happy-path.json') && f.includes('inclusion'))) {
        const v = JSON.parse(readFileSync(file, 'utf8'));
        const proof = inclusionRanges(v.leafIdx, v.treeSize).map((r) =>
          rangeHash(leafHashes, r.start, r.end),
        );
        expect(proof.map((p) => p.toString('base64'))).toEqual(v.proof ?? []);
      }
    });
  });
});

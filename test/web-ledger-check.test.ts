// The console checks ledger proofs and signed heads in the browser. These tests hold its code to
// the RFC 6962 vectors and to the server's own byte formats and proofs.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEntries } from '../src/core/index.js';
import {
  canonicalJson as coreCanonicalJson,
  entryBytes as coreEntryBytes,
  headMessage as coreHeadMessage,
} from '../src/core/ledger/entry.js';
import { hashLeaf as coreHashLeaf } from '../src/core/ledger/merkle.js';
import { base64ToBytes, bytesToHex, equalBytes, hexToBytes } from '../web/src/lib/bytes.js';
import {
  canonicalJson,
  checkHeadSignature,
  checkInclusion,
  entryBytes,
  headMessage,
} from '../web/src/lib/ledgerCheck.js';
import { hashLeaf, rootFromInclusionProof, type Sha256 } from '../web/src/lib/merkle.js';
import { ed25519Verify, sha256 as webSha256 } from '../web/src/lib/webCrypto.js';
import { sharedData } from './support/shared-data.js';
import { openTestVigie } from './support/vigie.js';

const nodeSha256: Sha256 = async (data) => new Uint8Array(createHash('sha256').update(data).digest());

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

const vectorsDir = sharedData('merkle/inclusion');

describe.skipIf(!vectorsDir)('inclusion proofs: RFC 6962 vectors (transparency-dev/merkle)', () => {
  it('accepts every valid proof and rejects every corrupted one', async () => {
    const files = jsonFiles(vectorsDir ?? '');
    expect(files.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const file of files) {
      const vector = JSON.parse(readFileSync(file, 'utf8')) as InclusionVector;
      const decode = (text: string) => base64ToBytes(text) ?? new Uint8Array();
      let accepted: boolean;
      try {
        const root = await rootFromInclusionProof(
          nodeSha256,
          BigInt(vector.leafIdx),
          BigInt(vector.treeSize),
          decode(vector.leafHash),
          (vector.proof ?? []).map(decode),
        );
        accepted = equalBytes(root, decode(vector.root));
      } catch {
        accepted = false;
      }
      if (accepted === vector.wantErr) failures.push(`${relative(vectorsDir ?? '', file)} (${vector.desc})`);
    }
    expect(failures).toEqual([]);
  });
});

describe('byte formats shared with the server', () => {
  it.each([
    null,
    42,
    'texte accentué ✓',
    { b: 1, a: [3, { z: null, y: 'x' }] },
    { nested: { deep: { keys: ['in', 'order'] } }, undefinedDropped: undefined },
    [],
    {},
  ])('canonical JSON of %j matches the server', (value) => {
    expect(canonicalJson(value)).toBe(coreCanonicalJson(value));
  });

  it('hashes an entry exactly as the server does', async () => {
    const entry = {
      seq: 7,
      at: '2026-11-29T00:00:00.000Z',
      actor: 'user:0b7c',
      action: 'user.role',
      target: 'user:12ab',
      details: { to: 'editor', from: 'reviewer', count: 2 },
    };
    expect(bytesToHex(entryBytes(entry))).toBe(coreEntryBytes(entry).toString('hex'));
    expect(bytesToHex(await hashLeaf(webSha256, entryBytes(entry)))).toBe(
      coreHashLeaf(coreEntryBytes(entry)).toString('hex'),
    );
  });

  it('signs the same head message as the server', () => {
    const head = { treeSize: 12, rootHash: 'ab'.repeat(32), issuedAt: '2026-11-29T00:00:00.000Z' };
    expect(bytesToHex(headMessage(head))).toBe(coreHeadMessage(head).toString('hex'));
  });

  it.each([
    ['00ff10', [0, 255, 16]],
    ['', []],
    ['0', undefined],
    ['zz', undefined],
    ['0g', undefined],
  ])('decodes hex %j', (hex, bytes) => {
    const decoded = hexToBytes(hex);
    expect(decoded ? [...decoded] : undefined).toEqual(bytes);
  });

  it('refuses oversized encodings', () => {
    expect(hexToBytes('00'.repeat(5000))).toBeUndefined();
    expect(base64ToBytes('A'.repeat(10_000))).toBeUndefined();
    expect(base64ToBytes('not base64!')).toBeUndefined();
  });
});

describe('head signatures', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const rawPublic = publicKey.export({ format: 'jwk' }).x ?? '';
  const publicBase64 = Buffer.from(rawPublic, 'base64url').toString('base64');
  const head = { treeSize: 3, rootHash: 'cd'.repeat(32), issuedAt: '2026-11-29T01:00:00.000Z' };
  const signature = sign(null, coreHeadMessage(head), privateKey).toString('base64');

  it.each([
    ['the signed head', {}, 'valid'],
    ['another tree size', { treeSize: 4 }, 'invalid'],
    ['another root', { rootHash: 'ce'.repeat(32) }, 'invalid'],
    ['another time', { issuedAt: '2026-11-29T01:00:01.000Z' }, 'invalid'],
    ['a truncated signature', { signature: signature.slice(0, 40) }, 'malformed'],
    ['a key of the wrong size', { publicKey: 'AAAA' }, 'malformed'],
  ])('finds %s %s', async (_name, change, verdict) => {
    const signed = { ...head, signature, publicKey: publicBase64, ...change };
    expect(await checkHeadSignature(ed25519Verify, signed)).toBe(verdict);
  });
});

describe('proofs from a real ledger', () => {
  let workspace: Awaited<ReturnType<typeof openTestVigie>>;

  beforeAll(async () => {
    workspace = await openTestVigie('sqlite');
    const inputs = Array.from({ length: 12 }, (_, i) => ({
      actor: 'cli',
      action: i % 2 ? 'user.create' : 'keys.rotate',
      target: `thing:${i}`,
      details: { i, note: 'é', nested: { b: i, a: [i] } },
    }));
    await workspace.vigie.ledger.record(inputs);
  });
  afterAll(async () => {
    await workspace?.close();
  });

  it('verifies every entry of the tree, and its signed head', async () => {
    const { vigie } = workspace;
    const head = await vigie.ledger.head();
    const { entries } = await listEntries(vigie.db, { limit: 500 });
    expect(entries.length).toBe(head.treeSize);
    for (const entry of entries) {
      const proof = await vigie.ledger.inclusionProof(entry.seq);
      expect(proof.rootHash).toBe(head.rootHash);
      expect(await checkInclusion(webSha256, proof, entry), `entry ${entry.seq}`).toEqual({ ok: true });
    }
    const signed = { ...head, publicKey: vigie.keyring.signingPublicKey.publicKey };
    expect(await checkHeadSignature(ed25519Verify, signed)).toBe('valid');
  });

  it('notices an edited entry, a corrupted path, a wrong root and garbage', async () => {
    const { vigie } = workspace;
    const { entries } = await listEntries(vigie.db, { limit: 500 });
    const entry = entries[3];
    if (!entry) throw new Error('no entry');
    const proof = await vigie.ledger.inclusionProof(entry.seq);
    const flip = (hex: string) => (hex.startsWith('0') ? `1${hex.slice(1)}` : `0${hex.slice(1)}`);
    const cases: Array<
      [string, Parameters<typeof checkInclusion>[1], Parameters<typeof checkInclusion>[2], string]
    > = [
      ['edited details', proof, { ...entry, details: { ...entry.details, i: 99 } }, 'leafMismatch'],
      ['another actor', proof, { ...entry, actor: 'user:someone' }, 'leafMismatch'],
      [
        'a flipped path hash',
        { ...proof, proof: [flip(proof.proof[0] ?? ''), ...proof.proof.slice(1)] },
        entry,
        'rootMismatch',
      ],
      ['another root', { ...proof, rootHash: flip(proof.rootHash) }, entry, 'rootMismatch'],
      ['a missing path hash', { ...proof, proof: proof.proof.slice(1) }, entry, 'invalidPath'],
      ['a leaf index past the tree', { ...proof, seq: proof.treeSize }, undefined, 'invalidPath'],
      ['non-hex hashes', { ...proof, leafHash: 'xyz' }, entry, 'malformed'],
    ];
    for (const [name, badProof, badEntry, reason] of cases) {
      expect(await checkInclusion(webSha256, badProof, badEntry), name).toEqual({ ok: false, reason });
    }
  });
});

import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  manifestSigningBytes,
  type SignedManifest,
  type Signer,
  sha256Hex,
  signManifest,
  verifyManifest,
} from './provenance.js';
import { sampleBrief } from './sample-briefs.js';

function keyPair(): { signer: Signer; publicKey: KeyObject; raw: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return {
    signer: (bytes) => ({ signature: sign(null, bytes, privateKey), keyId: 'signing:1' }),
    publicKey,
    raw: der.subarray(der.length - 32).toString('base64'),
  };
}

const CONTENT = Buffer.from('Paris, le 29 novembre 2026 – Vigie présente Studio.\n', 'utf8');

function signed(): { manifest: SignedManifest; keys: ReturnType<typeof keyPair> } {
  const keys = keyPair();
  const manifest = buildManifest({
    content: CONTENT,
    mediaType: 'text/plain; charset=utf-8',
    brief: sampleBrief('press-release', 'fr'),
    provider: 'openai',
    model: 'test-model',
    author: 'user:alice',
    reviewers: ['user:bob'],
    timestamps: { created: '2026-11-29T08:00:00Z', approved: '2026-11-29T09:00:00Z' },
    ledgerSeq: 42,
    involvement: 'generated',
  });
  return { manifest: signManifest(manifest, keys.signer, keys.raw), keys };
}

describe('buildManifest', () => {
  it('hashes the exact bytes and the brief, and records who, what and when', () => {
    const { manifest } = signed();
    // Known answer: SHA-256 of the UTF-8 bytes, computed independently here.
    expect(manifest.content).toEqual({
      sha256: sha256Hex(CONTENT),
      bytes: CONTENT.length,
      mediaType: 'text/plain; charset=utf-8',
    });
    expect(manifest.content.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.brief!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest).toMatchObject({
      provider: 'openai',
      model: 'test-model',
      author: 'user:alice',
      reviewers: ['user:bob'],
      ledgerSeq: 42,
      involvement: 'generated',
    });
    expect(manifest.signature).toMatchObject({ alg: 'Ed25519', keyId: 'signing:1' });
  });

  it('hashes the brief independently of key order', () => {
    const brief = sampleBrief('web-page', 'en');
    const reordered = Object.fromEntries(Object.entries(brief).reverse());
    const a = buildManifest({
      content: 'x',
      brief,
      provider: 'composer',
      model: null,
      author: 'a',
      involvement: 'none',
    });
    const b = buildManifest({
      content: 'x',
      brief: reordered as typeof brief,
      provider: 'composer',
      model: null,
      author: 'a',
      involvement: 'none',
    });
    expect(a.brief).toEqual(b.brief);
  });

  it('signs canonical JSON with sorted keys', () => {
    const { manifest } = signed();
    const bytes = manifestSigningBytes(manifest, manifest.signature).toString('utf8');
    expect(bytes.startsWith('{"author":"user:alice","brief":{"sha256":')).toBe(true);
    expect(bytes).toContain(
      `"signature":{"alg":"Ed25519","keyId":"signing:1","publicKey":"${manifest.signature.publicKey}"}`,
    );
    expect(bytes).not.toContain(manifest.signature.value);
  });
});

describe('verifyManifest', () => {
  it('accepts the exact content, with and without a trusted key', () => {
    const { manifest, keys } = signed();
    expect(verifyManifest(CONTENT, manifest)).toMatchObject({ ok: true });
    expect(verifyManifest(CONTENT, manifest, keys.publicKey)).toMatchObject({ ok: true });
    expect(verifyManifest(CONTENT, JSON.parse(JSON.stringify(manifest)), keys.raw)).toMatchObject({
      ok: true,
    });
  });

  it('fails on every single modified byte of the content', () => {
    const { manifest } = signed();
    for (let i = 0; i < CONTENT.length; i++) {
      const copy = Buffer.from(CONTENT);
      copy[i] = copy[i]! ^ 0x01;
      expect(verifyManifest(copy, manifest)).toEqual({ ok: false, reason: 'content-modified', manifest });
    }
    expect(verifyManifest(Buffer.concat([CONTENT, Buffer.from(' ')]), manifest).reason).toBe(
      'content-modified',
    );
    expect(verifyManifest(CONTENT.subarray(1), manifest).reason).toBe('content-modified');
  });

  it.each([
    ['a changed author', (m: SignedManifest) => ({ ...m, author: 'user:mallory' }), 'bad-signature'],
    [
      'an added reviewer',
      (m: SignedManifest) => ({ ...m, reviewers: [...m.reviewers, 'user:eve'] }),
      'bad-signature',
    ],
    ['a changed ledger sequence', (m: SignedManifest) => ({ ...m, ledgerSeq: 43 }), 'bad-signature'],
    [
      'a flipped signature byte',
      (m: SignedManifest) => {
        const sig = Buffer.from(m.signature.value, 'base64');
        sig[0] = sig[0]! ^ 1;
        return { ...m, signature: { ...m.signature, value: sig.toString('base64') } };
      },
      'bad-signature',
    ],
    [
      'a changed key id',
      (m: SignedManifest) => ({ ...m, signature: { ...m.signature, keyId: 'signing:2' } }),
      'bad-signature',
    ],
    [
      'a signature padded differently',
      (m: SignedManifest) => ({
        ...m,
        signature: { ...m.signature, value: `${m.signature.value.slice(0, -2)}=\u001d` },
      }),
      'malformed',
    ],
    ['no signature', (m: SignedManifest) => ({ ...m, signature: undefined }), 'unsigned'],
    ['an extra field', (m: SignedManifest) => ({ ...m, note: 'trust me' }), 'malformed'],
    [
      'a missing hash',
      (m: SignedManifest) => ({ ...m, content: { ...m.content, sha256: 'abc' } }),
      'malformed',
    ],
    ['not an object', () => 'manifest', 'malformed'],
  ])('fails on %s', (_name, tamper, reason) => {
    const { manifest } = signed();
    expect(verifyManifest(CONTENT, tamper(manifest)).reason).toBe(reason);
  });

  it('fails when signed by a key other than the trusted one, even if self-consistent', () => {
    const { manifest } = signed();
    const other = keyPair();
    expect(verifyManifest(CONTENT, manifest, other.publicKey)).toMatchObject({
      ok: false,
      reason: 'untrusted-key',
    });
    // An attacker who re-signs a modified manifest with their own key passes the signature check only.
    const forged = signManifest(
      { ...manifest, author: 'user:mallory', signature: undefined },
      other.signer,
      other.raw,
    );
    expect(verifyManifest(CONTENT, forged).ok).toBe(true);
    expect(verifyManifest(CONTENT, forged, manifest.signature.publicKey).reason).toBe('untrusted-key');
  });

  it('refuses a signer that does not match the public key given', () => {
    const a = keyPair();
    const b = keyPair();
    const manifest = buildManifest({
      content: CONTENT,
      provider: 'composer',
      model: null,
      author: 'a',
      involvement: 'none',
    });
    expect(() => signManifest(manifest, a.signer, b.raw)).toThrow(/did not sign with the key given/);
  });
});

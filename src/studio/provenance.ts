/**
 * Provenance manifests: what was published (SHA-256 of the exact exported bytes), from which brief,
 * by which provider and model, written by whom and approved by whom, when, and at which ledger entry;
 * signed with the workspace's Ed25519 key over canonical JSON (keys sorted at every level).
 * Anyone with the public key can check that a text is exactly what was approved.
 */
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { canonicalJson } from '../core/index.js';
import type { BriefInput } from './brief.js';
import type { Involvement } from './draft.js';

export const MANIFEST_TYPE = 'vigie-provenance';
export const SIGNATURE_ALG = 'Ed25519';
// An Ed25519 SPKI DER is this fixed 12-byte header followed by the 32-byte key (RFC 8410).
const ED25519_SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');

const signatureSchema = z.strictObject({
  alg: z.literal(SIGNATURE_ALG),
  keyId: z.string().min(1).max(200),
  /** Raw 32-byte public key, base64 (strict: a lenient decoder would ignore a changed byte). */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  /** Base64 signature over the canonical JSON of the manifest with `signature` holding all but `value`. */
  value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});

export const manifestSchema = z.strictObject({
  type: z.literal(MANIFEST_TYPE),
  version: z.literal(1),
  content: z.strictObject({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().min(0),
    mediaType: z.string().max(100),
  }),
  brief: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  provider: z.string().max(100),
  model: z.string().max(200).nullable(),
  involvement: z.enum(['none', 'assisted', 'generated']),
  author: z.string().max(200),
  reviewers: z.array(z.string().max(200)).max(50),
  timestamps: z.record(z.string().max(40), z.string().max(40)),
  ledgerSeq: z.number().int().min(0).nullable(),
  signature: signatureSchema.optional(),
});
export type Manifest = z.output<typeof manifestSchema>;
export type SignedManifest = Manifest & { signature: z.output<typeof signatureSchema> };

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface BuildManifestInput {
  /** The exact exported bytes (a string is taken as UTF-8). */
  content: Uint8Array | string;
  mediaType?: string;
  brief?: BriefInput | null;
  provider: string;
  model: string | null;
  author: string;
  reviewers?: string[];
  /** e.g. `{ created, submitted, approved, exported }`, ISO 8601. */
  timestamps?: Record<string, string>;
  ledgerSeq?: number | null;
  involvement: Involvement;
}

function bytesOf(content: Uint8Array | string): Uint8Array {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

export function buildManifest(input: BuildManifestInput): Manifest {
  const bytes = bytesOf(input.content);
  return {
    type: MANIFEST_TYPE,
    version: 1,
    content: { sha256: sha256Hex(bytes), bytes: bytes.length, mediaType: input.mediaType ?? 'text/plain' },
    brief: input.brief ? { sha256: sha256Hex(canonicalJson(input.brief)) } : null,
    provider: input.provider,
    model: input.model,
    involvement: input.involvement,
    author: input.author,
    reviewers: [...(input.reviewers ?? [])],
    timestamps: { ...(input.timestamps ?? {}) },
    ledgerSeq: input.ledgerSeq ?? null,
  };
}

/**
 * The bytes a signature covers: the manifest as canonical JSON, with its signature's algorithm, key id
 * and public key but not the signature value, so no field can change without breaking it.
 */
export function manifestSigningBytes(manifest: Manifest, key: { keyId: string; publicKey: string }): Buffer {
  const { signature: _omit, ...unsigned } = manifest;
  return Buffer.from(
    canonicalJson({
      ...unsigned,
      signature: { alg: SIGNATURE_ALG, keyId: key.keyId, publicKey: key.publicKey },
    }),
    'utf8',
  );
}

export type Signer = (bytes: Buffer) => { signature: Uint8Array; keyId: string };

function toKeyObject(publicKey: string | KeyObject): KeyObject {
  if (typeof publicKey !== 'string') return publicKey;
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== 32) throw new AppError('VALIDATION', 'An Ed25519 public key is 32 bytes (base64)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_HEADER, raw]), format: 'der', type: 'spki' });
}

function rawBase64(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32).toString('base64');
}

/**
 * The key id is part of what is signed, so it must be known first: a signer reports it with each
 * signature, and signing an empty message costs microseconds.
 */
function keyIdOf(sign: Signer): string {
  return sign(Buffer.alloc(0)).keyId;
}

/** Signs with the workspace key (`keyring.sign`), embedding the public key so anyone can verify. */
export function signManifest(
  manifest: Manifest,
  sign: Signer,
  publicKey: string | KeyObject,
): SignedManifest {
  const key = toKeyObject(publicKey);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new AppError('VALIDATION', 'The signing key must be Ed25519');
  const keyId = keyIdOf(sign);
  const publicKeyB64 = rawBase64(key);
  const bytes = manifestSigningBytes(manifest, { keyId, publicKey: publicKeyB64 });
  const { signature, keyId: usedKeyId } = sign(bytes);
  if (usedKeyId !== keyId) throw new AppError('INTEGRITY', 'The signer changed keys while signing');
  const signed = {
    ...manifest,
    signature: {
      alg: SIGNATURE_ALG,
      keyId,
      publicKey: publicKeyB64,
      value: Buffer.from(signature).toString('base64'),
    },
  } as SignedManifest;
  if (!verify(null, bytes, key, Buffer.from(signature))) {
    throw new AppError('INTEGRITY', 'The signer did not sign with the key given');
  }
  return signed;
}

export type VerifyReason = 'malformed' | 'content-modified' | 'unsigned' | 'bad-signature' | 'untrusted-key';

export interface VerifyResult {
  ok: boolean;
  reason?: VerifyReason;
  manifest?: Manifest;
}

/**
 * Checks content against a manifest: the content's hash and length, then the signature, then (when
 * given) that the signing key is the trusted one. Any modified byte, in the content or the manifest,
 * fails. Never throws on bad input: a verdict is the answer.
 */
export function verifyManifest(
  contentBytes: Uint8Array | string,
  manifest: unknown,
  trustedPublicKey?: string | KeyObject,
): VerifyResult {
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const m = parsed.data;
  const bytes = bytesOf(contentBytes);
  if (bytes.length !== m.content.bytes || sha256Hex(bytes) !== m.content.sha256) {
    return { ok: false, reason: 'content-modified', manifest: m };
  }
  if (!m.signature) return { ok: false, reason: 'unsigned', manifest: m };
  let key: KeyObject;
  try {
    key = toKeyObject(m.signature.publicKey);
  } catch {
    return { ok: false, reason: 'malformed', manifest: m };
  }
  const signed = manifestSigningBytes(m, m.signature);
  const valid = verify(null, signed, key, Buffer.from(m.signature.value, 'base64'));
  if (!valid) return { ok: false, reason: 'bad-signature', manifest: m };
  if (trustedPublicKey !== undefined) {
    let trusted: string;
    try {
      trusted = rawBase64(toKeyObject(trustedPublicKey));
    } catch {
      return { ok: false, reason: 'untrusted-key', manifest: m };
    }
    if (trusted !== m.signature.publicKey) return { ok: false, reason: 'untrusted-key', manifest: m };
  }
  return { ok: true, manifest: m };
}

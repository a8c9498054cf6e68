// The browser's WebCrypto behind the small signatures the ledger checks need.
import type { Ed25519Verify } from './ledgerCheck.js';
import type { Sha256 } from './merkle.js';

// Copies into a fresh ArrayBuffer: WebCrypto's typings refuse views over shared or offset buffers.
const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

export const sha256: Sha256 = async (data) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', buffer(data)));

export const ed25519Verify: Ed25519Verify = async (publicKey, signature, message) => {
  const key = await crypto.subtle.importKey('raw', buffer(publicKey), { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, buffer(signature), buffer(message));
};

/** Browsers before Chrome 137, Firefox 129 and Safari 17 have no Ed25519 in WebCrypto. */
export function isUnsupported(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotSupportedError';
}

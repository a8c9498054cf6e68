import { randomBytes } from 'node:crypto';
import { aeadOpen, aeadSeal, KEY_BYTES } from '../../core/crypto/aead.js';
import { AppError, type Vigie } from '../../core/index.js';
import type { Profile } from './model.js';

/**
 * Envelope encryption per data subject: each profile is sealed under its own random key, and that key
 * is sealed by the workspace keyring. Deleting the row destroys the only copy of the key (crypto-
 * shredding); the associated data binds the profile to its subject so it cannot be moved to another.
 */
const keyContext = (subject: string) => ({ table: 'customers', column: 'data_key', row: subject });
const profileAad = (subject: string) => Buffer.from(`vigie/customer-profile\x1f${subject}`);

export interface SealedProfile {
  key_enc: string;
  profile_enc: string;
}

export function sealProfile(vigie: Pick<Vigie, 'keyring'>, subject: string, profile: Profile): SealedProfile {
  const key = randomBytes(KEY_BYTES);
  const body = aeadSeal(key, Buffer.from(JSON.stringify(profile), 'utf8'), profileAad(subject));
  const sealed = {
    key_enc: vigie.keyring.seal(key.toString('base64'), keyContext(subject)),
    profile_enc: body.toString('base64'),
  };
  key.fill(0);
  return sealed;
}

export async function openProfile(
  vigie: Pick<Vigie, 'keyring'>,
  subject: string,
  sealed: SealedProfile,
): Promise<Profile> {
  const key = Buffer.from(await vigie.keyring.open(sealed.key_enc, keyContext(subject)), 'base64');
  const plain = aeadOpen(key, Buffer.from(sealed.profile_enc, 'base64'), profileAad(subject));
  key.fill(0);
  if (!plain) throw new AppError('DECRYPT_FAILED', `the profile of subject ${subject} does not authenticate`);
  return JSON.parse(plain.toString('utf8')) as Profile;
}

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import { KEY_BYTES } from './aead.js';

export const MASTER_KEY_FILE = 'master.key';

/** Accepts 32 bytes as base64 (44 chars) or hex (64 chars). */
export function parseMasterKey(text: string): Buffer {
  const t = text.trim();
  // Strict forms only: Node's base64 decoder skips stray characters, which would accept a passphrase.
  const hex = /^[0-9a-fA-F]{64}$/.test(t);
  if (!hex && !/^[A-Za-z0-9+/]{43}=$/.test(t)) {
    throw new AppError('CONFIG', 'VIGIE_MASTER_KEY must be 32 bytes, written as base64 or hex');
  }
  const key = hex ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new AppError('CONFIG', 'VIGIE_MASTER_KEY must be 32 bytes, written as base64 or hex');
  }
  return key;
}

/**
 * The master key comes from VIGIE_MASTER_KEY, else from a key file under VIGIE_HOME that is generated
 * on first use with mode 0600. It never touches the database.
 */
export function loadMasterKey(fromEnv: string | undefined, home: string): Buffer {
  if (fromEnv) return parseMasterKey(fromEnv);
  const file = join(home, MASTER_KEY_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return parseMasterKey(readFileSync(file, 'utf8'));
}

export function generateMasterKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.js';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 as const };

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export function checkPasswordStrength(password: string): void {
  if (password.length < PASSWORD_MIN) {
    throw new AppError('VALIDATION', `the password must have at least ${PASSWORD_MIN} characters`);
  }
  if (password.length > PASSWORD_MAX) {
    throw new AppError('VALIDATION', `the password must have at most ${PASSWORD_MAX} characters`);
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('vigie-timing-equaliser');
  await verifyPassword(await dummy, password);
}

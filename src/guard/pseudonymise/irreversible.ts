/** Operators that cannot be undone: mask, keyed hash and redact. Nothing of theirs enters the mapping. */
import { createHmac } from 'node:crypto';
import { AppError } from '../../core/errors.js';

export const REDACTED = '[REDACTED]';

/** `j***@e***.com`, `**** **** **** 1111`, `J*** D***`: enough to recognise, not to reuse. */
export function mask(value: string, entity: string): string {
  if (entity === 'EMAIL' && value.includes('@')) {
    const at = value.lastIndexOf('@');
    const domain = value.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    const tld = dot >= 0 ? domain.slice(dot) : '';
    return `${value[0] ?? ''}***@${domain[0] ?? ''}***${tld}`;
  }
  const digits = value.replace(/\D/g, '').length;
  if (digits >= 6 && digits >= value.replace(/[\s.\-/()+]/g, '').length - 4) {
    // Numbers: keep separators and the last four digits.
    let keep = 4;
    const out: string[] = [];
    for (let i = value.length - 1; i >= 0; i--) {
      const ch = value[i]!;
      if (/\d/.test(ch)) out.push(keep-- > 0 ? ch : '*');
      else if (/[A-Za-z]/.test(ch)) out.push('*');
      else out.push(ch);
    }
    return out.reverse().join('');
  }
  return value.replace(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu, (w) => `${[...w][0]}***`);
}

/** Keyed hash, stable for one key, so equal values stay linkable without being readable. */
export function keyedHash(value: string, entity: string, key: string | undefined): string {
  if (!key) throw new AppError('VALIDATION', 'The hash operator needs a key');
  const digest = createHmac('sha256', key).update(`${entity}\u0000${value}`).digest('hex');
  return `[${entity}_H:${digest.slice(0, 12)}]`;
}

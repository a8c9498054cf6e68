/**
 * Extra validations named by secret rules (`check`), and the helpers the generic detector shares.
 * Pure functions over the candidate value only.
 */

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// Values people write where a real secret would go: templates, masks, documentation words.
const PLACEHOLDER_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'changeme',
  'example',
  'placeholder',
  'redacted',
  'masked',
  'hidden',
  'null',
  'none',
  'undefined',
  'true',
  'false',
  'required',
  'optional',
  'motdepasse',
  'mot_de_passe',
  'yourpassword',
  'your_password',
  'mypassword',
  'token',
  'apikey',
  'api_key',
  'xxx',
]);

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^[<{[$%(]/.test(v) || /[>}\]]$/.test(v)) return true; // <pass>, {{PASS}}, ${PASS}, %PASS%
  if (/^(.)\1{2,}$/.test(v)) return true; // ****, xxxx, ....
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/^(?:your|my|the|votre|ton|mon)[_-]/.test(lower)) return true;
  return /^(?:x{3,}|\*{3,}|\.{3,}|…)$/.test(lower);
}

function decodeBase64UrlJson(part: string): unknown {
  try {
    const text = Buffer.from(part, 'base64url').toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A JWT's header decodes to a JSON object with `alg` and its payload to a JSON object. */
export function isJwt(value: string): boolean {
  const [header, payload] = value.split('.');
  if (!header || !payload) return false;
  const h = decodeBase64UrlJson(header);
  const p = decodeBase64UrlJson(payload);
  return typeof h === 'object' && h !== null && 'alg' in h && typeof p === 'object' && p !== null;
}

export const checks: Record<'jwt' | 'notPlaceholder', (value: string) => boolean> = {
  jwt: isJwt,
  notPlaceholder: (value) => !isPlaceholder(value),
};

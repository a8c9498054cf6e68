import { domainToASCII, domainToUnicode } from 'node:url';
import punycode from 'punycode/punycode.js';

/** RFC 1035 limits: a name is at most 253 characters, a label at most 63. */
export const MAX_DOMAIN_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

function isLdhChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

/**
 * dnstwist's VALID_FQDN_REGEX, written as a scan so it cannot backtrack:
 * `(?=^.{4,253}$)(^((?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z0-9-]{2,63}$)` (case-insensitive, so callers
 * pass lower-case names). The last label may start or end with a hyphen, as in dnstwist.
 */
export function isValidFqdn(name: string): boolean {
  const n = name.length;
  if (n < 4 || n > MAX_DOMAIN_LENGTH) return false;
  let labelStart = 0;
  let labels = 0;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? name.charCodeAt(i) : -1;
    if (code === 0x2e || code === -1) {
      const len = i - labelStart;
      const last = code === -1;
      if (len < (last ? 2 : 1) || len > MAX_LABEL_LENGTH) return false;
      if (!last && (name.charCodeAt(labelStart) === 0x2d || name.charCodeAt(i - 1) === 0x2d)) return false;
      labels++;
      labelStart = i + 1;
    } else if (!isLdhChar(code)) {
      return false;
    }
  }
  return labels >= 2;
}

/** Labels that will sit left of a suffix: each 1-63 letters, digits or inner hyphens. */
export function isValidLeftPart(part: string): boolean {
  let labelStart = 0;
  const n = part.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? part.charCodeAt(i) : 0x2e;
    if (code === 0x2e) {
      const len = i - labelStart;
      if (len < 1 || len > MAX_LABEL_LENGTH) return false;
      if (part.charCodeAt(labelStart) === 0x2d || part.charCodeAt(i - 1) === 0x2d) return false;
      labelStart = i + 1;
    } else if (!isLdhChar(code)) {
      return false;
    }
  }
  return true;
}

/**
 * IDNA 2008 hyphen rules that Python's `idna` (used by dnstwist) enforces and WHATWG's UTS #46
 * profile does not: no hyphen at either end, and `--` in positions 3-4 only for `xn--` labels.
 */
function hyphensOk(label: string): boolean {
  if (label.startsWith('-') || label.endsWith('-')) return false;
  return label.slice(2, 4) !== '--' || label.startsWith('xn--');
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Code points that IDNA accepts as they are (valid and unmapped under UTS #46, as checked once by
 * Node's own `domainToASCII`) and that cannot raise bidi or joiner rules: Latin, Greek, Cyrillic and
 * phonetic letters. A label made only of these can be punycoded directly, which is much faster than
 * a round trip through `domainToASCII` for each of the tens of thousands of homoglyph variants.
 */
const safeCache = new Map<number, boolean>();
function isSafeCodePoint(cp: number): boolean {
  let safe = safeCache.get(cp);
  if (safe === undefined) {
    const inScript =
      (cp >= 0xc0 && cp < 0x0530) ||
      (cp >= 0x1d00 && cp < 0x1f00) ||
      (cp >= 0x2c60 && cp < 0x2c80) ||
      (cp >= 0xa720 && cp < 0xa800);
    const c = String.fromCodePoint(cp);
    safe = inScript && /\p{L}/u.test(c) && domainToASCII(c) === `xn--${punycode.encode(c)}`;
    safeCache.set(cp, safe);
  }
  return safe;
}

function encodeNonAscii(label: string): string {
  for (const c of label) {
    const cp = c.codePointAt(0)!;
    if (cp > 0x7f && !isSafeCodePoint(cp)) return domainToASCII(label);
    if (cp <= 0x7f && !isLdhChar(cp)) return domainToASCII(label);
  }
  return `xn--${punycode.encode(label)}`;
}

/** One label to its ASCII (punycode) form, or undefined when IDNA refuses it. */
export function labelToAscii(label: string): string | undefined {
  if (label.length === 0) return undefined;
  const ascii = isAscii(label) ? label.toLowerCase() : encodeNonAscii(label);
  if (ascii === '' || ascii.includes('.') || !hyphensOk(ascii)) return undefined;
  if (ascii.startsWith('xn--') && isAscii(label) && domainToUnicode(ascii) === '') return undefined;
  return ascii;
}

/** A whole name to ASCII, label by label; undefined when any label is refused. */
export function toAsciiDomain(name: string): string | undefined {
  if (name.length === 0 || name.length > MAX_DOMAIN_LENGTH * 4) return undefined;
  const out: string[] = [];
  for (const label of name.split('.')) {
    const ascii = labelToAscii(label);
    if (ascii === undefined) return undefined;
    out.push(ascii);
  }
  return out.join('.');
}

/** A name to its Unicode form (punycode labels decoded); the input when it cannot be decoded. */
export function toUnicodeDomain(name: string): string {
  if (!name.includes('xn--')) return name;
  const unicode = domainToUnicode(name);
  return unicode === '' ? name : unicode;
}

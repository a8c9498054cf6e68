import { parse } from 'tldts';
import { AppError } from '../../core/errors.js';
import { isValidFqdn, MAX_DOMAIN_LENGTH, toAsciiDomain, toUnicodeDomain } from './idna.js';

/** A name cut as dnstwist cuts it: `mail.example.co.uk` -> `mail`, `example`, `co.uk`. */
export interface DomainParts {
  /** Labels left of the registrable domain, ASCII; '' when none. */
  subdomain: string;
  /** The registrable label in Unicode (punycode decoded), the part the fuzzers work on. */
  domain: string;
  /** The public suffix, ASCII (`com`, `co.uk`). */
  tld: string;
}

/**
 * Accepts a domain or a URL in Unicode or punycode, lower-cases it, and splits it with the public
 * suffix list (tldts, ICANN section only, like dnstwist's `tld` module). Throws VALIDATION on a name
 * that is not a valid host name.
 */
export function splitDomain(input: string): DomainParts {
  if (input.length > MAX_DOMAIN_LENGTH * 4) throw new AppError('VALIDATION', 'Domain name too long');
  let host = input.trim().toLowerCase();
  const scheme = host.indexOf('://');
  if (scheme >= 0) host = host.slice(scheme + 3);
  host = host.split(/[/?#]/, 1)[0] ?? '';
  host = host.slice(host.lastIndexOf('@') + 1).replace(/:\d{1,5}$/, '');
  if (host.endsWith('.')) host = host.slice(0, -1);
  const ascii = toAsciiDomain(host);
  if (ascii === undefined || !isValidFqdn(ascii)) throw new AppError('VALIDATION', 'Invalid domain name');
  const parsed = parse(ascii, { allowPrivateDomains: false });
  const tld = parsed.publicSuffix ?? '';
  const registrable = parsed.domain ?? '';
  if (!tld || !registrable || registrable === tld) {
    // Not under a known suffix: fall back to dnstwist's rsplit('.', 2).
    const labels = ascii.split('.');
    return {
      subdomain: labels.slice(0, -2).join('.'),
      domain: toUnicodeDomain(labels.at(-2) ?? ''),
      tld: labels.at(-1) ?? '',
    };
  }
  const label = registrable.slice(0, registrable.length - tld.length - 1);
  const subdomain =
    ascii.length > registrable.length ? ascii.slice(0, ascii.length - registrable.length - 1) : '';
  return { subdomain, domain: toUnicodeDomain(label), tld };
}

/** Joins parts as dnstwist does: empty parts are left out. */
export function joinDomain(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join('.');
}

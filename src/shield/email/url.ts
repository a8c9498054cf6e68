import { parse as parseDomain } from 'tldts';
import { unwrapLink } from './redirects.js';
import type { LinkInfo } from './types.js';

/**
 * Parses a link target without fetching it; only http(s) links with a host are kept. Security
 * rewriters and known open redirectors are peeled off, so the host is the real destination.
 */
export function linkInfo(
  href: string,
  text: string,
  source: LinkInfo['source'] = 'html',
): LinkInfo | undefined {
  if (href.length > 4096) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const { url, via } = unwrapLink(parsed);
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (!host) return undefined;
  const p = parseDomain(host, { allowPrivateDomains: true });
  return {
    href: url.href,
    text: text.slice(0, 500),
    host,
    registrable: (p.domain ?? host).toLowerCase(),
    via,
    source,
  };
}

// A URL in plain text: scheme, then characters that cannot end a sentence. Bounded, linear.
const TEXT_URL = /\bhttps?:\/\/[^\s<>"'()[\]{}]{1,2000}/gi;

export function extractTextLinks(text: string): LinkInfo[] {
  const out: LinkInfo[] = [];
  for (const m of text.slice(0, 1024 * 1024).matchAll(TEXT_URL)) {
    const href = m[0].replace(/[.,;:!?]{1,20}$/, '');
    const info = linkInfo(href, href, 'text');
    if (info) out.push(info);
    if (out.length >= 500) break;
  }
  return out;
}

/** The domain a link's visible text claims to go to, when the text looks like a URL or a domain. */
export function domainShownIn(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (t.length > 300 || /\s/.test(t)) return undefined;
  const candidate = t.replace(/^https?:\/\//, '').split(/[/?#]/)[0] ?? '';
  if (!/^[a-z0-9.-]{1,253}\.[a-z]{2,63}$/.test(candidate)) return undefined;
  const p = parseDomain(candidate, { allowPrivateDomains: true });
  return p.domain && p.isIcann !== null ? p.domain.toLowerCase() : undefined;
}

import { readFileSync } from 'node:fs';

interface Wrapper {
  host: string;
  path?: string;
  param?: string;
  encoding?: 'proofpoint-v2' | 'proofpoint-v3' | 'bing' | 'amp';
}

let data: { security: Wrapper[]; open: Wrapper[] } | undefined;

function load() {
  if (data) return data;
  const raw = JSON.parse(readFileSync(new URL('./data/links.json', import.meta.url), 'utf8')) as {
    securityWrappers: Wrapper[];
    openRedirects: Wrapper[];
  };
  data = { security: raw.securityWrappers, open: raw.openRedirects };
  return data;
}

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

function decodeProofpointV2(value: string): string {
  return value
    .replace(/-([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replaceAll('_', '/');
}

function decodeTarget(url: URL, w: Wrapper): string | undefined {
  switch (w.encoding) {
    case 'proofpoint-v3': {
      const m = /^\/v3\/__(.{1,4000}?)__;/.exec(url.pathname + url.search);
      return m?.[1];
    }
    case 'proofpoint-v2': {
      const v = url.searchParams.get(w.param ?? 'u');
      return v ? decodeProofpointV2(v) : undefined;
    }
    case 'bing': {
      const v = url.searchParams.get(w.param ?? 'u') ?? '';
      return v.startsWith('a1') ? Buffer.from(v.slice(2), 'base64url').toString('utf8') : undefined;
    }
    case 'amp': {
      const rest = url.pathname.slice((w.path ?? '').length);
      return rest ? `https://${rest}${url.search}` : undefined;
    }
    default: {
      const v = url.searchParams.get(w.param ?? '');
      return v ?? undefined;
    }
  }
}

function matches(url: URL, w: Wrapper): boolean {
  const host = url.hostname.toLowerCase();
  return within(host, w.host) && (!w.path || url.pathname.startsWith(w.path));
}

export interface Unwrapped {
  /** The final target as written inside the wrappers. */
  url: URL;
  /** Open redirectors crossed on the way (security rewriters are not listed: they are the reader's own). */
  via: string[];
}

/**
 * Peels security link rewriters (Safe Links, URL Defense...) and well-known open redirectors off a
 * link, without fetching anything: the target is read from the URL itself. At most 4 layers.
 */
export function unwrapLink(url: URL): Unwrapped {
  const d = load();
  const via: string[] = [];
  let current = url;
  for (let depth = 0; depth < 4; depth++) {
    const security = d.security.find((w) => matches(current, w));
    const open = security ? undefined : d.open.find((w) => matches(current, w));
    const wrapper = security ?? open;
    if (!wrapper) break;
    const target = decodeTarget(current, wrapper);
    let next: URL;
    try {
      next = new URL(target ?? '');
    } catch {
      break;
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') break;
    if (open) via.push(current.hostname.toLowerCase());
    current = next;
  }
  return { url: current, via };
}

import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { belongsTo } from './brands.js';
import type { RawReason } from './lures.js';
import type { LinkInfo, Protection } from './types.js';
import { domainShownIn } from './url.js';

interface LinkData {
  shorteners: string[];
  freeHosting: string[];
  fileSharing: string[];
  suspiciousTlds: string[];
  sensitivePathWords: string[];
  strictLoginPathWords: string[];
  compromisedSiteMarkers: string[];
}

let data:
  | {
      shorteners: Set<string>;
      free: string[];
      sharing: string[];
      tlds: Set<string>;
      pathWords: string[];
      loginWords: string[];
      kitMarkers: string[];
    }
  | undefined;

function load() {
  if (data) return data;
  const raw = JSON.parse(readFileSync(new URL('./data/links.json', import.meta.url), 'utf8')) as LinkData;
  data = {
    shorteners: new Set(raw.shorteners),
    free: raw.freeHosting,
    sharing: raw.fileSharing,
    tlds: new Set(raw.suspiciousTlds),
    pathWords: raw.sensitivePathWords,
    loginWords: raw.strictLoginPathWords,
    kitMarkers: raw.compromisedSiteMarkers,
  };
  return data;
}

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
type Brand = Protection['brands'][number];

/** Names the kind of place a link leads to, for the signals and for the combinations in scoring. */
export function linkHosting(host: string): 'free-hosting' | 'file-sharing' | 'shortener' | 'ip' | undefined {
  const d = load();
  if (isIP(host)) return 'ip';
  if (d.shorteners.has(host)) return 'shortener';
  if (d.free.some((f) => within(host, f))) return 'free-hosting';
  if (d.sharing.some((f) => within(host, f))) return 'file-sharing';
  return undefined;
}

/** Link signals, never fetching anything: only the URLs as written in the message. */
export function linkReasons(links: LinkInfo[], senderDomain: string, brands: Brand[] = []): RawReason[] {
  const d = load();
  const found = new Map<string, { points: number; evidence: string[] }>();
  const add = (id: string, points: number, evidence: string) => {
    const r = found.get(id) ?? { points, evidence: [] };
    r.points = Math.max(r.points, points);
    if (r.evidence.length < 3 && !r.evidence.includes(evidence)) r.evidence.push(evidence);
    found.set(id, r);
  };
  const sender = senderDomain.toLowerCase();
  const senderReg = sender.split('.').slice(-2).join('.');
  for (const link of links) {
    const ownSite = within(link.host, sender) || link.registrable === senderReg;
    const shown = domainShownIn(link.text);
    if (shown && shown !== link.registrable && !within(link.host, shown)) {
      // Showing a well-known brand's address while leading elsewhere is the textbook phishing link.
      const brand = brands.find((b) => belongsTo(shown, b) && !belongsTo(link.host, b));
      add('links.text-mismatch', brand ? 30 : 22, `${shown} → ${link.host}`);
    }
    const hosting = linkHosting(link.host);
    if (hosting === 'ip') add('links.raw-ip', 20, link.host);
    if (hosting === 'shortener') add('links.shortener', 8, link.host);
    if (hosting === 'free-hosting') add('links.free-hosting', 15, link.host);
    if (hosting === 'file-sharing' && !ownSite) add('links.file-sharing', 5, link.host);
    const tld = link.host.slice(link.host.lastIndexOf('.') + 1);
    const oddTld = d.tlds.has(tld) && !ownSite;
    if (oddTld) add('links.suspicious-tld', 8, link.host);
    if (link.via.length > 0) add('links.redirect', 12, `${link.via.join(' → ')} → ${link.host}`);
    let url: URL | undefined;
    try {
      url = new URL(link.href);
    } catch {
      url = undefined;
    }
    if (!url || ownSite) continue;
    const path = `${url.pathname}${url.search}`.toLowerCase();
    const word = d.pathWords.find((w) => path.includes(w));
    const shownPath = `${link.host}${url.pathname.slice(0, 60)}`;
    if (word && (hosting === 'free-hosting' || hosting === 'ip' || oddTld))
      add('links.sensitive-path', 10, shownPath);
    else if (d.loginWords.some((w) => path.includes(w))) add('links.sensitive-path', 6, shownPath);
    // Phishing kits live on hacked sites: a page deep in a CMS's code folders is not a page to visit.
    const pathname = url.pathname.toLowerCase();
    if (
      d.kitMarkers.some((m) => pathname.includes(m)) &&
      /\.(?:php|html?)$|\/$/.test(pathname) &&
      !pathname.includes('/uploads/')
    )
      add('links.compromised-site', 10, shownPath);
    if (link.via.length > 0) continue;
    // A full URL inside a parameter: an unknown redirector that hides where the click really goes.
    for (const value of url.searchParams.values()) {
      if (/^https?:\/\/|^https?%3a/i.test(value)) {
        let target = '';
        try {
          target = new URL(decodeURIComponent(value)).hostname;
        } catch {
          target = '';
        }
        if (target && target !== link.host) add('links.redirect', 6, `${link.host} → ${target}`);
        break;
      }
    }
  }
  return [...found].map(([id, r]) => ({
    id,
    group: 'links',
    points: r.points,
    where: 'link',
    evidence: r.evidence.join(', '),
  }));
}

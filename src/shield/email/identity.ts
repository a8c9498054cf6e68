import { readFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { parse } from 'tldts';
import { toUnicodeDomain } from '../domains/idna.js';
import {
  type CompiledProtectedDomains,
  compileProtectedDomains,
  matchLookalike,
} from '../lookalike/match.js';
import { belongsTo, brandText, builtinBrands, mentionsBrand } from './brands.js';
import type { RawReason } from './lures.js';
import { normaliseForMatching } from './text.js';
import type { ParsedEmail, Protection } from './types.js';

let freeMail: Set<string> | undefined;

/** Consumer webmail where anyone can open an address (data/free-mail.json). */
export function isFreeMail(domain: string): boolean {
  freeMail ??= new Set(
    (
      JSON.parse(readFileSync(new URL('./data/free-mail.json', import.meta.url), 'utf8')) as {
        domains: string[];
      }
    ).domains,
  );
  return freeMail.has(domain.toLowerCase());
}

const compiledCache = new Map<string, CompiledProtectedDomains>();

/** Protected domains compiled once per set (permutations are precomputed inside). */
function protectedDomains(protection: Protection): CompiledProtectedDomains {
  const key = protection.brands
    .flatMap((b) => b.domains)
    .sort()
    .join(',');
  let hit = compiledCache.get(key);
  if (!hit) {
    const domains = [...new Set([...protection.brands, ...builtinBrands()].flatMap((b) => b.domains))].sort();
    hit = compileProtectedDomains(domains);
    if (compiledCache.size > 20) compiledCache.clear();
    compiledCache.set(key, hit);
  }
  return hit;
}

function domainOf(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

// A domain written inside a display name, with or without a local part before it. Bounded labels.
const ADDRESS_IN_NAME =
  /(?:^|[\s<("'@])((?:[a-z0-9-]{1,63}\.){1,5}(?:com|net|org|fr|de|es|pt|br|uk|io|gov|gouv\.fr|info|co))\b/i;

function registrableOf(domain: string): string {
  return parse(domain, { allowPrivateDomains: true }).domain ?? domain;
}

function sameOrganisation(a: string, b: string): boolean {
  return registrableOf(a) === registrableOf(b);
}

type Brand = Protection['brands'][number];
const MAX_LINK_SITES = 12;

/**
 * A sender that names a brand from a domain we do not know, yet authenticates (DMARC pass) and links
 * only to that brand's own sites: most likely a marketing or notification domain the brand owns.
 * Phishing needs a click or a reply somewhere the attacker controls, so this lowers, never clears.
 */
function consistentWithBrand(mail: ParsedEmail, brand: Brand, dmarc: string): boolean {
  return (
    dmarc === 'pass' &&
    mail.links.length > 0 &&
    mail.links.every((l) => belongsTo(l.host, brand)) &&
    mail.replyTo.every((r) => r.domain === mail.from?.domain)
  );
}

export function identityReasons(mail: ParsedEmail, protection: Protection, dmarc = 'none'): RawReason[] {
  const out: RawReason[] = [];
  const brands = [...protection.brands, ...builtinBrands()];
  const fromDomain = domainOf(mail.from?.domain ?? '');
  const fromName = mail.from?.name ?? '';

  // A display name that names a brand (or a protected VIP) while the address is elsewhere.
  const preparedName = brandText(fromName, false);
  for (const brand of brands) {
    if (fromName && mentionsBrand(preparedName, brand, false) && !belongsTo(fromDomain, brand)) {
      out.push({
        id: 'impersonation.display-name',
        group: 'impersonation',
        points: consistentWithBrand(mail, brand, dmarc) ? 8 : 30,
        where: 'From',
        evidence: `${brand.name} (${fromDomain || 'no domain'})`,
      });
      break;
    }
  }
  // "service@paypal.com <x@elsewhere>": an address or domain in the display name that is not the sender's.
  // Only a full address, or a known brand's domain, reads as a claim ("CNET News.com" is just a name).
  const shown = ADDRESS_IN_NAME.exec(fromName);
  const shownAddress = shown?.[1]?.toLowerCase();
  const claims = shown?.[0].includes('@') || (shownAddress && brands.some((b) => belongsTo(shownAddress, b)));
  if (shownAddress && claims && fromDomain && !sameOrganisation(shownAddress, fromDomain)) {
    out.push({
      id: 'impersonation.name-address',
      group: 'impersonation',
      points: 25,
      where: 'From',
      evidence: `${shownAddress} ≠ ${fromDomain}`,
    });
  }
  const name = normaliseForMatching(fromName);
  const ownDomains = protection.brands.flatMap((b) => b.domains);
  for (const vip of protection.vips) {
    if (
      name.trim() &&
      name.includes(normaliseForMatching(vip)) &&
      !ownDomains.some((d) => fromDomain === d || fromDomain.endsWith(`.${d}`))
    ) {
      out.push({ id: 'impersonation.vip', group: 'impersonation', points: 35, where: 'From', evidence: vip });
      break;
    }
  }
  // The body speaks for a brand that neither the sender nor any link belongs to.
  if (!out.some((r) => r.id === 'impersonation.display-name')) {
    // Where a message introduces itself: the subject and its opening lines.
    const body = brandText(`${mail.subject}\n${mail.text.slice(0, 600)}`, true);
    for (const brand of brands) {
      const named = mentionsBrand(body, brand, true);
      if (!named || belongsTo(fromDomain, brand)) continue;
      if (mail.links.length > 0 && !mail.links.some((l) => belongsTo(l.host, brand))) {
        out.push({
          id: 'impersonation.body-brand',
          group: 'impersonation',
          points: 12,
          where: 'body',
          evidence: named,
        });
        break;
      }
    }
  }

  // Lookalike sender, reply-to, return-path and link domains.
  const compiled = protectedDomains(protection);
  const seen = new Set<string>();
  // A newsletter links to dozens of sites (ads included); a phish to one or two. Link lookalikes weigh
  // less than sender ones, and count only in messages with few linked sites.
  const linkHosts = new Set(mail.links.map((l) => l.registrable));
  const candidates: Array<{ where: string; domain: string }> = [
    { where: 'From', domain: fromDomain },
    ...mail.replyTo.map((r) => ({ where: 'Reply-To', domain: r.domain })),
    ...(mail.returnPath ? [{ where: 'Return-Path', domain: mail.returnPath.domain }] : []),
    // Links on the sender's own site were judged with the From domain.
    ...(linkHosts.size <= MAX_LINK_SITES
      ? mail.links
          .filter((l) => !sameOrganisation(l.host, fromDomain))
          .map((l) => ({ where: 'link', domain: l.host }))
      : []),
  ];
  for (const c of candidates) {
    const d = domainOf(c.domain);
    if (!d || seen.has(d)) continue;
    seen.add(d);
    // A brand's own domain or a webmail provider is not a lookalike of another brand's domain.
    const ownedByBrand = isFreeMail(d) || brands.some((b) => belongsTo(d, b));
    // mailparser may already have decoded an address to Unicode: both spellings are international names.
    const ascii = domainToASCII(d) || d;
    if (ascii.split('.').some((label) => label.startsWith('xn--'))) {
      out.push({
        id: 'impersonation.punycode',
        group: 'impersonation',
        points: 15,
        where: c.where,
        evidence: `${ascii} (${toUnicodeDomain(ascii)})`,
      });
    }
    const m = ownedByBrand ? undefined : matchLookalike(d, compiled);
    if (m) {
      const imitated = brands.find((b) => belongsTo(m.protectedDomain, b));
      const owned = c.where === 'From' && imitated && consistentWithBrand(mail, imitated, dmarc);
      out.push({
        id: 'impersonation.lookalike',
        group: 'impersonation',
        points: owned ? 8 : c.where === 'link' ? 20 : 35,
        where: c.where,
        evidence: `${d} ≈ ${m.protectedDomain} (${m.technique})`,
      });
    }
    if (out.filter((r) => r.id === 'impersonation.lookalike').length >= 2) break;
  }

  // Replies diverted to another domain (free webmail makes it worse).
  for (const r of mail.replyTo) {
    if (r.domain && fromDomain && !sameOrganisation(r.domain, fromDomain)) {
      out.push({
        id: 'impersonation.reply-to',
        group: 'impersonation',
        points: isFreeMail(r.domain) && !isFreeMail(fromDomain) ? 15 : 5,
        where: 'Reply-To',
        evidence: `${fromDomain} → ${r.domain}`,
      });
      break;
    }
  }
  return out;
}

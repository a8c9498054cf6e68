import { belongsTo, builtinBrands } from './brands.js';
import { isFreeMail } from './identity.js';
import type { RawReason } from './lures.js';
import type { ParsedEmail, Protection } from './types.js';

/** Lures that ask the reader to do something (urgency alone and greetings are only tone). */
const ACTION_LURES = new Set([
  'lures.suspension',
  'lures.credentials',
  'lures.payment-change',
  'lures.gift-card',
  'lures.parcel',
  'lures.tax-refund',
  'lures.prize',
  'lures.document-share',
  'lures.fine',
  'lures.callback',
  'lures.enable-content',
]);
const BRAND_CLAIMS = new Set([
  'impersonation.display-name',
  'impersonation.body-brand',
  'impersonation.lookalike',
  'impersonation.name-address',
  'impersonation.punycode',
]);
/** Places phishing sends the click to: a login page somewhere anyone can publish, or a hidden target. */
const RISKY_DESTINATIONS = new Set([
  'links.text-mismatch',
  'links.raw-ip',
  'links.shortener',
  'links.free-hosting',
  'links.suspicious-tld',
  'links.redirect',
  'links.sensitive-path',
  'links.compromised-site',
  'attachments.html-login',
  'attachments.html-smuggling',
  'attachments.html',
  'attachments.qr-link',
  'attachments.executable',
  'attachments.macro',
  'attachments.disk-image',
  'attachments.encrypted-archive',
  'attachments.double-extension',
]);

// An international or national phone number as written in callback scams. Bounded, linear.
const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{2,4}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})?/;

/**
 * Signals that mean little alone but a lot together, as SpamAssassin's meta rules: a brand claim with
 * a request and a click elsewhere, a request with a risky destination, money talk with a diverted reply.
 */
export function combinationReasons(
  reasons: RawReason[],
  mail: ParsedEmail,
  protection: Protection,
): RawReason[] {
  const out: RawReason[] = [];
  const lure = reasons.find((r) => ACTION_LURES.has(r.id));
  const claim = reasons.find((r) => BRAND_CLAIMS.has(r.id));
  const risky = reasons.find((r) => RISKY_DESTINATIONS.has(r.id));
  const fromDomain = mail.from?.domain ?? '';
  if (claim && lure) {
    const brands = [...protection.brands, ...builtinBrands()];
    // Links on the sender's own domain count too: an impersonator's domain is not the brand's.
    const offBrand = mail.links.find((l) => !brands.some((b) => belongsTo(l.host, b)));
    // The attacker's channel: a link elsewhere, a risky attachment, or a phone number to call.
    const target =
      offBrand?.host ??
      reasons.find((r) => r.group === 'attachments')?.evidence ??
      (lure.id === 'lures.callback' && PHONE.test(mail.text.slice(0, 100_000)) ? 'phone number' : undefined);
    if (target || claim.id === 'impersonation.lookalike')
      out.push({
        id: 'context.brand-lure-link',
        group: 'context',
        points: 20,
        where: offBrand ? 'link' : claim.where,
        evidence: `${claim.evidence} + "${lure.evidence}" + ${target ?? fromDomain}`,
      });
  }
  // A sender that names a brand in its From line, whose links all lead away from that brand.
  const senderClaim = reasons.find((r) => r.id === 'impersonation.display-name');
  if (senderClaim && senderClaim.points >= 20 && mail.links.length > 0) {
    const brands = [...protection.brands, ...builtinBrands()];
    const away = mail.links.every((l) => !brands.some((b) => belongsTo(l.host, b)));
    if (away)
      out.push({
        id: 'context.brand-offsite-link',
        group: 'context',
        points: 12,
        where: 'link',
        evidence: `${senderClaim.evidence} → ${mail.links[0]!.host}`,
      });
  }
  if (lure && risky)
    out.push({
      id: 'context.lure-risky-link',
      group: 'context',
      points: 15,
      where: risky.where,
      evidence: `"${lure.evidence}" + ${risky.evidence}`,
    });
  const money = reasons.find((r) => r.id === 'lures.payment-change' || r.id === 'lures.gift-card');
  if (money) {
    const diverted = mail.replyTo.find((r) => isFreeMail(r.domain) && r.domain !== fromDomain);
    const vip = reasons.find((r) => r.id === 'impersonation.vip' || r.id === 'impersonation.lookalike');
    const where = diverted ? 'Reply-To' : vip ? vip.where : isFreeMail(fromDomain) ? 'From' : '';
    if (where)
      out.push({
        id: 'context.bec',
        group: 'context',
        points: 25,
        where,
        evidence: `"${money.evidence}" + ${diverted?.domain ?? (vip ? vip.evidence : fromDomain)}`,
      });
  }
  return out;
}

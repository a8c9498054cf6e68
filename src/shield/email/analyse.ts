import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { attachmentReasons } from './attachments.js';
import { authFromHeader, authLive, authReasons, type Resolver } from './auth.js';
import { builtinBrands } from './brands.js';
import { combinationReasons } from './combinations.js';
import { identityReasons } from './identity.js';
import { linkReasons } from './link-signals.js';
import { lureReasons, type RawReason } from './lures.js';
import { renderReason } from './messages.js';
import { parseEmail } from './parse.js';
import { trickReasons } from './tricks.js';
import type { EmailAnalysis, EmailVerdict, Protection, SignalGroup } from './types.js';

export interface AnalyseOptions {
  /** No DNS: authentication comes from the receiving server's Authentication-Results header. */
  offline?: boolean;
  /** DNS resolver for SPF/DKIM/DMARC (tests pass a function; default live DNS). */
  resolver?: Resolver;
  protection?: Protection;
  locale?: 'en' | 'fr';
}

/** Each group contributes at most this much, so one noisy family of signals cannot decide alone. */
const GROUP_CAP: Record<SignalGroup, number> = {
  impersonation: 55,
  links: 45,
  lures: 40,
  html: 30,
  attachments: 50,
  authentication: 40,
  context: 35,
};

export const PHISHING_AT = 60;
export const SUSPICIOUS_AT = 30;

export function verdictOf(score: number): EmailVerdict {
  return score >= PHISHING_AT ? 'phishing' : score >= SUSPICIOUS_AT ? 'suspicious' : 'clean';
}

export function scoreOf(reasons: RawReason[]): number {
  const byGroup = new Map<SignalGroup, number>();
  for (const r of reasons) byGroup.set(r.group, (byGroup.get(r.group) ?? 0) + r.points);
  let total = 0;
  for (const [group, points] of byGroup) total += Math.min(points, GROUP_CAP[group]);
  // Lures alone are everyday language; they weigh fully only with a technical signal beside them.
  const technical = reasons.some((r) => r.group !== 'lures');
  if (!technical) total = Math.min(total, SUSPICIOUS_AT + 5);
  return Math.min(100, Math.round(total));
}

/** Analyses one raw message: score 0-100, verdict and the reasons, each with its evidence. */
export async function analyseEmail(raw: Buffer, options: AnalyseOptions = {}): Promise<EmailAnalysis> {
  const started = performance.now();
  const mail = await parseEmail(raw);
  const protection = options.protection ?? { brands: [], vips: [] };
  const fromDomain = mail.from?.domain ?? '';
  const body = mail.text || '';
  const auth = options.offline
    ? authFromHeader(mail.authenticationResults, fromDomain, mail.receivedSpf, protection.authservIds)
    : await authLive(raw, fromDomain, options.resolver);
  const reasons: RawReason[] = [
    ...identityReasons(mail, protection, auth.dmarc),
    ...linkReasons(mail.links, fromDomain, [...protection.brands, ...builtinBrands()]),
    ...lureReasons(mail.subject, body),
    ...trickReasons(mail, body),
    ...attachmentReasons(mail.attachments, mail.qrCodes, mail.links),
  ];
  const claimed = reasons.find((r) => r.id === 'impersonation.display-name')?.evidence.split(' (')[0];
  reasons.push(...authReasons(auth, claimed));
  reasons.push(...combinationReasons(reasons, mail, protection));
  const score = scoreOf(reasons);
  const locale = options.locale ?? 'en';
  return {
    score,
    verdict: verdictOf(score),
    reasons: reasons
      .sort((a, b) => b.points - a.points)
      .map((r) => ({ ...r, message: renderReason(r.id, r.evidence, locale) })),
    subject: mail.subject,
    from: mail.from?.address ?? '',
    auth,
    messageSha256: createHash('sha256').update(raw).digest('hex'),
    stats: {
      bytes: raw.length,
      ms: +(performance.now() - started).toFixed(2),
      links: mail.links.length,
      attachments: mail.attachments.length,
    },
  };
}

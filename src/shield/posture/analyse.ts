import { AppError } from '../../core/errors.js';
import { DnsLookupError, type DnsQuery } from '../dns.js';
import { isValidFqdn, toAsciiDomain } from '../domains/idna.js';
import { checkBimi } from './bimi.js';
import { checkDkim } from './dkim.js';
import { checkDmarc, type DmarcCheck } from './dmarc.js';
import { checkMtaSts, checkTlsRpt } from './mail-tls.js';
import { type Message, message } from './messages.js';
import { checkSpf } from './spf.js';
import type { DnsFix, PostureCheck } from './types.js';

export type SpoofabilityVerdict = 'spoofable' | 'partially-protected' | 'protected';

export interface PostureOptions {
  /** DKIM selectors from the workspace settings, tried before the common ones. */
  dkimSelectors?: readonly string[];
}

export interface PostureResult {
  domain: string;
  verdict: SpoofabilityVerdict;
  /** Why the verdict, in EN and FR. */
  summary: Message;
  checks: PostureCheck[];
  /** Every record to publish, across checks. */
  fixes: DnsFix[];
}

async function mxCheck(query: DnsQuery, domain: string): Promise<PostureCheck> {
  const mx = await query(domain, 'MX');
  const nullMx = mx.length === 1 && (mx[0] === '' || mx[0] === '.');
  const check: PostureCheck = { id: 'mx', status: 'info', records: mx, messages: [], fixes: [] };
  if (mx.length === 0 || nullMx) check.messages.push(message('mx.none', { domain }));
  return check;
}

/**
 * The spoofability verdict follows DMARC, the only thing receivers enforce: no DMARC, p=none, pct=0
 * or a broken SPF with no enforcing DMARC -> spoofable; quarantine, pct<100, a weaker sp= or SPF
 * trouble -> partially protected; p=reject on all mail with sound SPF -> protected.
 */
function verdictOf(spf: PostureCheck, dmarc: DmarcCheck): SpoofabilityVerdict {
  const p = dmarc.effectivePolicy;
  if (p === undefined || p === 'none' || dmarc.pct === 0) return 'spoofable';
  const subWeak = dmarc.subdomainPolicy === 'none';
  if (p === 'reject' && dmarc.pct === 100 && spf.status !== 'fail' && !subWeak) return 'protected';
  return 'partially-protected';
}

async function guarded(check: () => Promise<PostureCheck>, id: PostureCheck['id']): Promise<PostureCheck> {
  try {
    return await check();
  } catch (err) {
    if (!(err instanceof DnsLookupError)) throw err;
    return {
      id,
      status: 'warn',
      records: [],
      messages: [message('check.lookup-failed', { check: id })],
      fixes: [],
    };
  }
}

/**
 * Checks how well `domain` resists spoofing and what to publish to fix it. `query` answers TXT, MX
 * and CNAME (and A for SPF void lookups); pass `createDnsQuery()` for live DNS or a function over
 * fixtures in tests. Throws VALIDATION on an invalid domain.
 */
export async function analysePosture(
  domain: string,
  query: DnsQuery,
  options: PostureOptions = {},
): Promise<PostureResult> {
  const ascii = toAsciiDomain(domain.trim().toLowerCase().replace(/\.$/, ''));
  if (ascii === undefined || !isValidFqdn(ascii)) throw new AppError('VALIDATION', 'Invalid domain name');
  const mx = await guarded(() => mxCheck(query, ascii), 'mx');
  const hasMx =
    mx.records.length > 0 && !(mx.records.length === 1 && (mx.records[0] === '' || mx.records[0] === '.'));
  const [spf, dmarc, dkim, mtaSts, tlsRpt] = await Promise.all([
    guarded(() => checkSpf(query, ascii, hasMx), 'spf'),
    checkDmarc(query, ascii),
    guarded(() => checkDkim(query, ascii, options.dkimSelectors), 'dkim'),
    guarded(() => checkMtaSts(query, ascii, hasMx), 'mta-sts'),
    guarded(() => checkTlsRpt(query, ascii, hasMx), 'tls-rpt'),
  ]);
  const lookupFailed = (c: PostureCheck) => c.messages.some((m) => m.id.endsWith('lookup-failed'));
  if (lookupFailed(spf) && lookupFailed(dmarc)) {
    // Without answers we cannot tell: never call a domain spoofable because the network is down.
    throw new AppError('NOT_READY', `DNS lookups for ${ascii} failed: check the network or the name server`);
  }
  const bimi = await guarded(() => checkBimi(query, ascii, dmarc.effectivePolicy), 'bimi');
  const verdict = verdictOf(spf, dmarc);
  const { effectivePolicy: _p, pct: _pct, subdomainPolicy: _sp, ...dmarcCheck } = dmarc;
  const checks = [mx, spf, dmarcCheck, dkim, mtaSts, tlsRpt, bimi];
  return {
    domain: ascii,
    verdict,
    summary: message(`verdict.${verdict}`, { domain: ascii }),
    checks,
    fixes: checks.flatMap((c) => c.fixes),
  };
}

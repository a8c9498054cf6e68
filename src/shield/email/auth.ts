import { authenticate } from 'mailauth';
import type { RawReason } from './lures.js';
import type { AuthSummary } from './types.js';

export type Resolver = (name: string, rrtype: string) => Promise<unknown>;

/** Longest Authentication-Results value read; real ones are a few hundred bytes. */
const MAX_HEADER = 16_384;
const RESINFO = /^([a-z0-9-]{1,40})\s*=\s*([a-z]{1,20})/i;

/**
 * The `;`-separated parts of an Authentication-Results value, with RFC 5322 comments `( )` removed and
 * `;` inside quoted strings ignored, in one linear pass: a sender chooses what our server copies into
 * comments and property values (`(... envelope from dmarc=pass@evil.example)`), so only text at the
 * start of a part may name a method.
 */
export function resinfoParts(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  const text = header.slice(0, MAX_HEADER);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && (quoted || depth > 0)) {
      if (depth === 0) current += c + (text[i + 1] ?? '');
      i++;
    } else if (depth > 0) {
      if (c === '(') depth++;
      else if (c === ')') depth--;
    } else if (quoted) {
      current += c;
      if (c === '"') quoted = false;
    } else if (c === '(') {
      depth = 1;
      current += ' ';
    } else if (c === '"') {
      quoted = true;
      current += c;
    } else if (c === ';') {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts;
}

/** `method -> result` of the first resinfo naming each method. */
function resultsOf(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of resinfoParts(header)) {
    const m = RESINFO.exec(part);
    if (m && !out.has(m[1]!.toLowerCase())) out.set(m[1]!.toLowerCase(), m[2]!.toLowerCase());
  }
  return out;
}

/** The authserv-id a header starts with (RFC 8601: `mx.example.com 1; spf=pass ...`), lower-cased. */
export function authservIdOf(header: string): string {
  return (/^\s*([^\s;]{1,253})/.exec(header)?.[1] ?? '').toLowerCase();
}

/**
 * Offline: the receiving server's verdicts, from its Authentication-Results header (the topmost), or
 * at least its Received-SPF line when that is all it recorded. With `trusted` authserv-ids, only the
 * topmost header one of them wrote counts, and Received-SPF (which names no server) is ignored: a
 * sender can forge any header written before the mail reached the workspace's own servers.
 */
export function authFromHeader(
  all: string[],
  fromDomain: string,
  spfLines: string[] = [],
  trusted: readonly string[] = [],
): AuthSummary {
  const headers = trusted.length > 0 ? all.filter((h) => trusted.includes(authservIdOf(h))).slice(0, 1) : all;
  const receivedSpf = trusted.length > 0 ? [] : spfLines;
  const results = resultsOf(headers[0] ?? '');
  const get = (k: string) => results.get(k) ?? 'none';
  const spfLine = /^\s*([a-z]+)/i.exec(receivedSpf[0] ?? '')?.[1]?.toLowerCase();
  return {
    source: headers.length > 0 || spfLine ? 'header' : 'none',
    spf: headers.length > 0 ? get('spf') : (spfLine ?? 'none'),
    dkim: get('dkim'),
    dmarc: get('dmarc'),
    arc: get('arc'),
    compauth: get('compauth'),
    domain: fromDomain,
  };
}

/** mailauth reports each check as an object with `status.result`, or `false` when skipped. */
function resultOf(check: unknown): string {
  return (check as { status?: { result?: string } } | false | undefined)
    ? ((check as { status?: { result?: string } }).status?.result ?? 'none')
    : 'none';
}

/**
 * mailauth reports a body changed after signing as `neutral` ("body hash did not verify"); RFC 6376
 * counts it as a failed signature, and so do we: the content is not what the domain signed.
 */
function dkimResultOf(check: unknown): string {
  const status = (check as { status?: { result?: string; comment?: string } } | undefined)?.status;
  if (status?.result === 'neutral' && /body hash did not verify/i.test(status.comment ?? '')) return 'fail';
  return resultOf(check);
}

/** Live (or with a resolver in tests): SPF, DKIM, DMARC and ARC computed by mailauth. */
export async function authLive(raw: Buffer, fromDomain: string, resolver?: Resolver): Promise<AuthSummary> {
  const res = await authenticate(raw, {
    trustReceived: true,
    disableBimi: true,
    ...(resolver ? { resolver: resolver as never } : {}),
  });
  const dkim = ((res.dkim?.results ?? []) as unknown[]).map(dkimResultOf);
  return {
    source: resolver ? 'resolver' : 'live',
    spf: resultOf(res.spf),
    dkim: dkim.includes('pass') ? 'pass' : (dkim[0] ?? 'none'),
    dmarc: resultOf(res.dmarc),
    arc: resultOf(res.arc),
    compauth: 'none',
    domain: fromDomain,
  };
}

export function authReasons(auth: AuthSummary, claimsBrand: string | undefined): RawReason[] {
  const out: RawReason[] = [];
  const fail = (r: string) => r === 'fail' || r === 'softfail' || r === 'permerror';
  if (fail(auth.dmarc))
    out.push({
      id: 'authentication.dmarc-fail',
      group: 'authentication',
      points: 25,
      where: 'Authentication-Results',
      evidence: `${auth.dmarc}, ${auth.domain}`,
    });
  if (auth.compauth === 'fail' && !fail(auth.dmarc))
    out.push({
      id: 'authentication.compauth-fail',
      group: 'authentication',
      points: 20,
      where: 'Authentication-Results',
      evidence: `compauth=fail, ${auth.domain}`,
    });
  if (fail(auth.spf))
    out.push({
      id: 'authentication.spf-fail',
      group: 'authentication',
      points: auth.spf === 'softfail' ? 5 : 10,
      where: 'Authentication-Results',
      evidence: auth.spf,
    });
  if (fail(auth.dkim))
    out.push({
      id: 'authentication.dkim-fail',
      group: 'authentication',
      points: 8,
      where: 'Authentication-Results',
      evidence: auth.dkim,
    });
  if (
    claimsBrand &&
    (fail(auth.dmarc) ||
      (auth.dmarc === 'none' && auth.dkim !== 'pass' && auth.spf !== 'pass' && auth.source !== 'none'))
  ) {
    out.push({
      id: 'authentication.brand-unauthenticated',
      group: 'authentication',
      points: 15,
      where: 'From',
      evidence: claimsBrand,
    });
  }
  return out;
}

import { getDomain } from 'tldts';
import { DnsLookupError, type DnsQuery } from '../dns.js';
import { message } from './messages.js';
import { parseTags, recordsWithVersion } from './tags.js';
import type { CheckStatus, PostureCheck } from './types.js';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface DmarcRecord {
  p: DmarcPolicy | undefined;
  sp: DmarcPolicy | undefined;
  pct: number;
  rua: string[];
  ruf: string[];
  adkim: 'r' | 's';
  aspf: 'r' | 's';
  /** False when receivers would discard the record (bad version or policy): no policy applies. */
  usable: boolean;
  errors: string[];
}

const POLICIES = new Set(['none', 'quarantine', 'reject']);
const STRENGTH: Record<DmarcPolicy, number> = { none: 0, quarantine: 1, reject: 2 };

function uris(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u.length > 0)
    .slice(0, 20);
}

/** RFC 7489 section 6.3 tags, with the defaults receivers use. */
export function parseDmarc(record: string): DmarcRecord {
  const { tags, order, errors } = parseTags(record);
  let usable = true;
  if (order[0] !== 'v' || tags.get('v') !== 'DMARC1') {
    errors.push('v=DMARC1 must be the first tag');
    usable = false;
  }
  const policy = (name: string): DmarcPolicy | undefined => {
    const v = tags.get(name)?.toLowerCase();
    if (v === undefined) return undefined;
    if (!POLICIES.has(v)) {
      errors.push(`${name}=${v.slice(0, 20)} is not none, quarantine or reject`);
      return undefined;
    }
    return v as DmarcPolicy;
  };
  const p = policy('p');
  if (!tags.has('p')) errors.push('the p= tag is missing');
  if (p === undefined) usable = false;
  const sp = policy('sp');
  let pct = 100;
  const rawPct = tags.get('pct');
  if (rawPct !== undefined) {
    if (/^\d{1,3}$/.test(rawPct) && Number(rawPct) <= 100) pct = Number(rawPct);
    else errors.push(`pct=${rawPct.slice(0, 10)} is not a number from 0 to 100`);
  }
  const align = (name: string): 'r' | 's' => {
    const v = tags.get(name)?.toLowerCase();
    if (v === undefined || v === 'r') return 'r';
    if (v === 's') return 's';
    errors.push(`${name}=${v.slice(0, 10)} is not r or s`);
    return 'r';
  };
  const rua = uris(tags.get('rua'));
  const ruf = uris(tags.get('ruf'));
  for (const u of [...rua, ...ruf])
    if (!/^(mailto|https?):/i.test(u)) errors.push(`${u.slice(0, 60)} is not a mailto: URI`);
  return { p, sp, pct, rua, ruf, adkim: align('adkim'), aspf: align('aspf'), usable, errors };
}

function mailtoDomain(uri: string): string | undefined {
  const m = /^mailto:[^@\s]{1,64}@([^!\s,]{1,253})/i.exec(uri);
  return m?.[1]?.toLowerCase();
}

async function lookupDmarc(query: DnsQuery, domain: string): Promise<string[]> {
  return recordsWithVersion(await query(`_dmarc.${domain}`, 'TXT'), 'v=DMARC1');
}

export interface DmarcCheck extends PostureCheck {
  /** The policy that applies to this domain (sp= when inherited from the organisational domain). */
  effectivePolicy: DmarcPolicy | undefined;
  pct: number;
  subdomainPolicy: DmarcPolicy | undefined;
}

export async function checkDmarc(query: DnsQuery, domain: string): Promise<DmarcCheck> {
  const check: DmarcCheck = {
    id: 'dmarc',
    status: 'pass',
    records: [],
    messages: [],
    fixes: [],
    effectivePolicy: undefined,
    pct: 100,
    subdomainPolicy: undefined,
  };
  const target = `_dmarc.${domain}`;
  const orgDomain = getDomain(domain) ?? domain;
  let records: string[];
  let inherited = false;
  try {
    records = await lookupDmarc(query, domain);
    if (records.length === 0 && orgDomain !== domain) {
      records = await lookupDmarc(query, orgDomain);
      inherited = records.length > 0;
    }
  } catch (err) {
    if (!(err instanceof DnsLookupError)) throw err;
    check.status = 'warn';
    check.messages.push(message('dmarc.lookup-failed'));
    return check;
  }
  check.records = records;
  const reportTo = `mailto:dmarc-reports@${orgDomain}`;
  const fixWith = (rua: string[], ruf: string[]): void => {
    const parts = [
      'v=DMARC1',
      'p=reject',
      'sp=reject',
      'adkim=s',
      'aspf=s',
      `rua=${(rua.length ? rua : [reportTo]).join(',')}`,
    ];
    if (ruf.length) parts.push(`ruf=${ruf.join(',')}`);
    check.fixes.push({ type: 'TXT', name: target, value: parts.join('; '), message: message('fix.dmarc') });
  };
  if (records.length === 0) {
    check.status = 'fail';
    check.messages.push(message('dmarc.missing', { domain }));
    fixWith([], []);
    return check;
  }
  if (records.length > 1) {
    check.status = 'fail';
    check.messages.push(message('dmarc.multiple', { count: records.length }));
    fixWith(parseDmarc(records[0]!).rua, []);
    return check;
  }
  const d = parseDmarc(records[0]!);
  if (inherited) check.messages.push(message('dmarc.inherited', { domain: orgDomain }));
  for (const e of d.errors) check.messages.push(message('dmarc.syntax', { detail: e }));
  const effective = inherited ? (d.sp ?? d.p) : d.p;
  check.effectivePolicy = d.usable ? effective : undefined;
  check.pct = d.pct;
  check.subdomainPolicy = d.sp ?? d.p;
  const statuses: CheckStatus[] = [d.errors.length ? 'fail' : 'pass'];
  const p = check.effectivePolicy;
  if (p === 'reject') check.messages.push(message('dmarc.p-reject'));
  else if (p === 'quarantine') {
    check.messages.push(message('dmarc.p-quarantine'));
    statuses.push('warn');
  } else if (p === 'none') {
    check.messages.push(message('dmarc.p-none'));
    statuses.push('fail');
  } else statuses.push('fail');
  if (d.pct < 100) {
    check.messages.push(message('dmarc.pct', { pct: d.pct }));
    statuses.push(d.pct === 0 ? 'fail' : 'warn');
  }
  if (!inherited && d.p && d.sp && STRENGTH[d.sp] < STRENGTH[d.p]) {
    check.messages.push(message('dmarc.sp-weaker', { sp: d.sp, p: d.p }));
    statuses.push('warn');
  }
  if (d.rua.length === 0) {
    check.messages.push(message('dmarc.no-rua'));
    statuses.push('warn');
  }
  if (d.adkim === 'r' || d.aspf === 'r')
    check.messages.push(message('dmarc.relaxed', { adkim: d.adkim, aspf: d.aspf }));
  // RFC 7489 7.1: a report address in another organisation must consent with a TXT record.
  for (const uri of d.rua) {
    const dest = mailtoDomain(uri);
    if (!dest || getDomain(dest) === orgDomain) continue;
    const record = `${orgDomain}._report._dmarc.${dest}`;
    let ok = true;
    try {
      ok = recordsWithVersion(await query(record, 'TXT'), 'v=DMARC1').length > 0;
    } catch {
      ok = true; // unknown: do not blame the domain for a failed lookup
    }
    if (!ok) {
      check.messages.push(message('dmarc.rua-unauthorised', { target: dest, domain: orgDomain, record }));
      check.fixes.push({
        type: 'TXT',
        name: record,
        value: 'v=DMARC1',
        message: message('fix.dmarc-report-auth', { target: dest }),
      });
      statuses.push('warn');
    }
  }
  check.status = statuses.includes('fail') ? 'fail' : statuses.includes('warn') ? 'warn' : 'pass';
  const spWeaker = Boolean(!inherited && d.p && d.sp && STRENGTH[d.sp] < STRENGTH[d.p]);
  if (p !== 'reject' || d.pct < 100 || d.errors.length > 0 || spWeaker || d.rua.length === 0)
    fixWith(d.rua, d.ruf);
  return check;
}

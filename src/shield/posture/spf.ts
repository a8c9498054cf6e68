import { DnsLookupError, type DnsQuery } from '../dns.js';
import { type Message, message } from './messages.js';
import { recordsWithVersion } from './tags.js';
import type { DnsFix, PostureCheck } from './types.js';

/** RFC 7208 4.6.4: at most 10 mechanisms or modifiers that query DNS, and at most 2 void lookups. */
export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LIMIT = 2;
const MAX_DEPTH = 12;
const MAX_TERMS = 100;

export type SpfAll = '-all' | '~all' | '?all' | '+all' | undefined;

export interface SpfEvaluation {
  lookups: number;
  voidLookups: number;
  /** The `all` of the top record, or of the redirect chain when it has none. */
  all: SpfAll;
  messages: Message[];
  permerror: boolean;
  usesPtr: boolean;
}

const MECHANISMS = new Set(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
const TERM = /^([+\-~?]?)([a-z][a-z0-9_.-]{0,30})(?:([:=/])(.*))?$/i;

async function spfRecords(query: DnsQuery, domain: string): Promise<string[]> {
  return recordsWithVersion(await query(domain, 'TXT'), 'v=spf1');
}

interface State {
  query: DnsQuery;
  lookups: number;
  voidLookups: number;
  messages: Message[];
  permerror: boolean;
  usesPtr: boolean;
  macroNoted: boolean;
}

function hasMacro(spec: string | undefined): boolean {
  return spec?.includes('%') ?? false;
}

async function isVoid(state: State, name: string, type: 'A' | 'MX'): Promise<boolean> {
  try {
    return (await state.query(name, type)).length === 0;
  } catch {
    return false;
  }
}

/** Walks one record and, recursively, its includes and redirect. Returns that record's `all`. */
async function walk(state: State, domain: string, record: string, chain: string[]): Promise<SpfAll> {
  const terms = record
    .trim()
    .split(/\s+/)
    .slice(1, MAX_TERMS + 1);
  let all: SpfAll;
  let redirect: string | undefined;
  for (const term of terms) {
    const m = TERM.exec(term);
    if (!m) {
      state.messages.push(message('spf.syntax', { domain, term: term.slice(0, 80) }));
      state.permerror = true;
      continue;
    }
    const qualifier = m[1] || '+';
    const name = m[2]!.toLowerCase();
    const sep = m[3];
    const value = m[4];
    if (sep === '=') {
      if (name === 'redirect') redirect = value;
      continue; // exp= and unknown modifiers are allowed and cost nothing here
    }
    if (
      !MECHANISMS.has(name) ||
      (name === 'all' && sep) ||
      ((name === 'include' || name === 'exists') && !value)
    ) {
      state.messages.push(message('spf.syntax', { domain, term: term.slice(0, 80) }));
      state.permerror = true;
      continue;
    }
    if (name === 'all') {
      all = `${qualifier}all` as SpfAll;
      continue;
    }
    if (name === 'ip4' || name === 'ip6') continue;
    state.lookups++;
    if (name === 'ptr') state.usesPtr = true;
    const target = sep === ':' && value ? value.split('/')[0]! : domain;
    if (hasMacro(target)) {
      if (!state.macroNoted) state.messages.push(message('spf.macro', { term: term.slice(0, 80) }));
      state.macroNoted = true;
      continue;
    }
    if (name === 'a' || name === 'exists') {
      if (await isVoid(state, target, 'A')) state.voidLookups++;
    } else if (name === 'mx') {
      if (await isVoid(state, target, 'MX')) state.voidLookups++;
    } else if (name === 'include') {
      await follow(state, target, chain, false);
    }
  }
  if (redirect !== undefined && all === undefined) {
    state.lookups++;
    if (hasMacro(redirect)) return undefined;
    return follow(state, redirect, chain, true);
  }
  return all;
}

async function follow(state: State, target: string, chain: string[], isRedirect: boolean): Promise<SpfAll> {
  const key = target.toLowerCase().replace(/\.$/, '');
  if (chain.includes(key) || chain.length >= MAX_DEPTH) {
    state.messages.push(message('spf.loop', { domain: key }));
    state.permerror = true;
    return undefined;
  }
  let records: string[];
  try {
    records = await spfRecords(state.query, key);
  } catch (err) {
    if (!(err instanceof DnsLookupError)) throw err;
    state.messages.push(message('spf.lookup-failed', { domain: key }));
    return undefined;
  }
  if (records.length !== 1) {
    if (records.length === 0) state.voidLookups++;
    state.messages.push(
      records.length === 0
        ? message('spf.include-missing', { domain: key })
        : message('spf.multiple', { count: records.length }),
    );
    state.permerror = true;
    return undefined;
  }
  const all = await walk(state, key, records[0]!, [...chain, key]);
  return isRedirect ? all : undefined;
}

/** Counts lookups through includes and redirects (with loop protection) and finds the `all`. */
export async function evaluateSpf(query: DnsQuery, domain: string, record: string): Promise<SpfEvaluation> {
  const state: State = {
    query,
    lookups: 0,
    voidLookups: 0,
    messages: [],
    permerror: false,
    usesPtr: false,
    macroNoted: false,
  };
  const all = await walk(state, domain, record, [domain]);
  return {
    lookups: state.lookups,
    voidLookups: state.voidLookups,
    all,
    messages: state.messages,
    permerror: state.permerror,
    usesPtr: state.usesPtr,
  };
}

/** The record to publish: the current one with a strict `-all`, or a minimal one. */
function fixedRecord(current: string | undefined, hasMx: boolean): string {
  if (!current) return hasMx ? 'v=spf1 mx -all' : 'v=spf1 -all';
  const terms = current
    .trim()
    .split(/\s+/)
    .filter((t) => !/^[+\-~?]?all$/i.test(t) && !/^redirect=/i.test(t));
  return [...terms, '-all'].join(' ');
}

export async function checkSpf(query: DnsQuery, domain: string, hasMx: boolean): Promise<PostureCheck> {
  const found = await spfRecords(query, domain);
  const check: PostureCheck = { id: 'spf', status: 'pass', records: found, messages: [], fixes: [] };
  const fix = (value: string, id: 'fix.spf' | 'fix.spf-flatten' = 'fix.spf'): DnsFix => ({
    type: 'TXT',
    name: domain,
    value,
    message: message(id, { domain }),
  });
  if (found.length === 0) {
    check.status = 'fail';
    check.messages.push(message('spf.missing', { domain }));
    check.fixes.push(fix(fixedRecord(undefined, hasMx)));
    return check;
  }
  if (found.length > 1) {
    check.status = 'fail';
    check.messages.push(message('spf.multiple', { count: found.length }));
    const merged = new Set<string>();
    for (const r of found)
      for (const t of r.trim().split(/\s+/).slice(1)) if (!/^[+\-~?]?all$/i.test(t)) merged.add(t);
    check.fixes.push(fix(['v=spf1', ...merged, '-all'].join(' ')));
    return check;
  }
  const record = found[0]!;
  const ev = await evaluateSpf(query, domain, record);
  check.messages.push(...ev.messages);
  let status: PostureCheck['status'] = ev.permerror ? 'fail' : 'pass';
  if (ev.lookups > SPF_LOOKUP_LIMIT) {
    status = 'fail';
    check.messages.push(message('spf.too-many-lookups', { count: ev.lookups }));
    check.fixes.push(fix(record, 'fix.spf-flatten'));
  } else {
    check.messages.push(message('spf.lookups', { count: ev.lookups }));
  }
  if (ev.voidLookups > SPF_VOID_LIMIT) {
    status = 'fail';
    check.messages.push(message('spf.too-many-void', { count: ev.voidLookups }));
  }
  if (ev.usesPtr && status === 'pass') status = 'warn';
  if (ev.usesPtr) check.messages.push(message('spf.ptr'));
  if (ev.all === '-all') check.messages.push(message('spf.all-fail'));
  else if (ev.all === '~all') {
    check.messages.push(message('spf.all-softfail'));
    if (status === 'pass') status = 'warn';
  } else {
    check.messages.push(
      ev.all === '+all'
        ? message('spf.all-pass', { domain })
        : message('spf.all-neutral', { all: ev.all ?? '?all' }),
    );
    status = 'fail';
  }
  if (ev.all !== '-all' && !ev.permerror) check.fixes.push(fix(fixedRecord(record, hasMx)));
  check.status = status;
  return check;
}

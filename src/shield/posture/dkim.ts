import { createPublicKey } from 'node:crypto';
import type { DnsQuery } from '../dns.js';
import { message } from './messages.js';
import { parseTags } from './tags.js';
import type { PostureCheck } from './types.js';

/** Selectors of common senders (Google, Microsoft 365, Mailchimp, SendGrid, Amazon SES, Zoho...). */
export const COMMON_DKIM_SELECTORS = [
  'google',
  'selector1',
  'selector2',
  'k1',
  'k2',
  'k3',
  's1',
  's2',
  'default',
  'mail',
  'dkim',
  'smtp',
  'email',
  'mandrill',
  'mxvault',
  'zoho',
  'zmail',
  'protonmail',
  'protonmail2',
  'protonmail3',
  'fm1',
  'fm2',
  'fm3',
  'mailjet',
  'sendinblue',
  'mailo',
  'key1',
  'key2',
  'sig1',
  'everlytickey1',
  'everlytickey2',
  'scph0919',
] as const;
const MAX_SELECTORS = 64;
const SELECTOR = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

export interface DkimKey {
  selector: string;
  record: string;
  keyType: string;
  bits?: number;
  revoked: boolean;
  error?: string;
}

/** Reads a DKIM key record (RFC 6376 3.6.1); RSA sizes come from the key itself. */
export function parseDkimKey(selector: string, record: string): DkimKey {
  const { tags } = parseTags(record);
  const keyType = (tags.get('k') ?? 'rsa').toLowerCase();
  const p = (tags.get('p') ?? '').replace(/\s+/g, '');
  const v = tags.get('v');
  const out: DkimKey = { selector, record, keyType, revoked: false };
  if (v !== undefined && v !== 'DKIM1') return { ...out, error: `v=${v.slice(0, 10)}` };
  if (!tags.has('p')) return { ...out, error: 'no p= tag' };
  if (p === '') return { ...out, revoked: true };
  if (!/^[A-Za-z0-9+/]{1,4096}={0,2}$/.test(p)) return { ...out, error: 'p= is not base64' };
  if (keyType === 'ed25519') return { ...out, bits: 256 };
  if (keyType !== 'rsa') return { ...out, error: `unknown key type ${keyType.slice(0, 10)}` };
  try {
    const key = createPublicKey({ key: Buffer.from(p, 'base64'), format: 'der', type: 'spki' });
    return { ...out, bits: key.asymmetricKeyDetails?.modulusLength };
  } catch {
    return { ...out, error: 'p= is not an RSA public key' };
  }
}

async function keyRecord(query: DnsQuery, name: string): Promise<string | undefined> {
  try {
    const txt = await query(name, 'TXT');
    const rec = txt.find((t) => /(^|;)\s*(v=DKIM1|k=|p=)/i.test(t));
    if (rec) return rec;
    // Some providers delegate the selector with a CNAME that a bare TXT query may not follow.
    const [target] = await query(name, 'CNAME');
    if (!target) return undefined;
    return (await query(target, 'TXT')).find((t) => /(^|;)\s*(v=DKIM1|k=|p=)/i.test(t));
  } catch {
    return undefined;
  }
}

export async function checkDkim(
  query: DnsQuery,
  domain: string,
  selectors: readonly string[] = [],
): Promise<PostureCheck> {
  const all = [...new Set([...selectors, ...COMMON_DKIM_SELECTORS])]
    .filter((s) => SELECTOR.test(s))
    .slice(0, MAX_SELECTORS);
  const keys = (
    await Promise.all(
      all.map(async (selector) => {
        const rec = await keyRecord(query, `${selector}._domainkey.${domain}`);
        return rec === undefined ? undefined : parseDkimKey(selector, rec);
      }),
    )
  ).filter((k): k is DkimKey => k !== undefined);
  const check: PostureCheck = {
    id: 'dkim',
    status: 'pass',
    records: keys.map((k) => `${k.selector}: ${k.record}`),
    messages: [],
    fixes: [],
  };
  const usable = keys.filter((k) => !k.revoked && !k.error);
  for (const k of keys) {
    if (k.revoked) check.messages.push(message('dkim.revoked', { selector: k.selector }));
    else if (k.error) check.messages.push(message('dkim.invalid', { selector: k.selector, detail: k.error }));
    else if (k.keyType === 'rsa' && (k.bits ?? 0) < 2048)
      check.messages.push(message('dkim.weak-key', { selector: k.selector, bits: k.bits ?? 0 }));
    else
      check.messages.push(
        message('dkim.found', { selector: k.selector, detail: `${k.keyType} ${k.bits ?? '?'} bits` }),
      );
  }
  if (usable.length === 0) {
    check.status = 'warn';
    check.messages.push(message('dkim.none-found', { count: all.length }));
    check.fixes.push({
      type: 'TXT',
      name: `<selector>._domainkey.${domain}`,
      value: 'v=DKIM1; k=rsa; p=<public key from the sending service>',
      message: message('fix.dkim'),
    });
  } else if (usable.some((k) => k.keyType === 'rsa' && (k.bits ?? 0) < 1024)) check.status = 'fail';
  else if (usable.some((k) => k.keyType === 'rsa' && (k.bits ?? 0) < 2048) || keys.some((k) => k.error))
    check.status = 'warn';
  return check;
}

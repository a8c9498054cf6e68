import type { DnsQuery } from '../dns.js';
import { message } from './messages.js';
import { parseTags, recordsWithVersion } from './tags.js';
import type { PostureCheck } from './types.js';

/**
 * MTA-STS (RFC 8461): only the `_mta-sts` TXT record is checked. The policy file is served over
 * HTTPS and is never fetched here, which the message says.
 */
export async function checkMtaSts(query: DnsQuery, domain: string, hasMx: boolean): Promise<PostureCheck> {
  const records = recordsWithVersion(await query(`_mta-sts.${domain}`, 'TXT'), 'v=STSv1');
  const check: PostureCheck = { id: 'mta-sts', status: 'pass', records, messages: [], fixes: [] };
  const id = `${new Date().toISOString().slice(0, 10).replaceAll('-', '')}01`;
  if (records.length !== 1) {
    check.status = hasMx ? 'warn' : 'info';
    check.messages.push(
      records.length === 0
        ? message('mta-sts.missing', { domain })
        : message('mta-sts.invalid', { detail: `${records.length} records` }),
    );
    if (hasMx)
      check.fixes.push({
        type: 'TXT',
        name: `_mta-sts.${domain}`,
        value: `v=STSv1; id=${id}`,
        message: message('fix.mta-sts', { domain }),
      });
    return check;
  }
  const { tags, errors } = parseTags(records[0]!);
  const stsId = tags.get('id') ?? '';
  if (!/^[A-Za-z0-9]{1,32}$/.test(stsId)) errors.push('id= must be 1 to 32 letters or digits');
  if (errors.length > 0) {
    check.status = 'warn';
    for (const e of errors) check.messages.push(message('mta-sts.invalid', { detail: e }));
    check.fixes.push({
      type: 'TXT',
      name: `_mta-sts.${domain}`,
      value: `v=STSv1; id=${id}`,
      message: message('fix.mta-sts', { domain }),
    });
    return check;
  }
  check.messages.push(message('mta-sts.found', { id: stsId, domain }));
  return check;
}

/** SMTP TLS reporting (RFC 8460): `_smtp._tls` TXT with `v=TLSRPTv1; rua=...`. */
export async function checkTlsRpt(query: DnsQuery, domain: string, hasMx: boolean): Promise<PostureCheck> {
  const records = recordsWithVersion(await query(`_smtp._tls.${domain}`, 'TXT'), 'v=TLSRPTv1');
  const check: PostureCheck = { id: 'tls-rpt', status: 'pass', records, messages: [], fixes: [] };
  const fix = {
    type: 'TXT' as const,
    name: `_smtp._tls.${domain}`,
    value: `v=TLSRPTv1; rua=mailto:tls-reports@${domain}`,
    message: message('fix.tls-rpt'),
  };
  if (records.length !== 1) {
    check.status = hasMx ? 'warn' : 'info';
    check.messages.push(
      records.length === 0
        ? message('tls-rpt.missing', { domain })
        : message('tls-rpt.invalid', { detail: `${records.length} records` }),
    );
    if (hasMx) check.fixes.push(fix);
    return check;
  }
  const { tags, errors } = parseTags(records[0]!);
  const rua = tags.get('rua') ?? '';
  if (!/^(mailto:|https:)/i.test(rua)) errors.push('rua= must be a mailto: or https: URI');
  if (errors.length > 0) {
    check.status = 'warn';
    for (const e of errors) check.messages.push(message('tls-rpt.invalid', { detail: e }));
    check.fixes.push(fix);
    return check;
  }
  check.messages.push(message('tls-rpt.found', { rua }));
  return check;
}

import type { DnsQuery } from '../dns.js';
import type { DmarcPolicy } from './dmarc.js';
import { message } from './messages.js';
import { parseTags, recordsWithVersion } from './tags.js';
import type { PostureCheck } from './types.js';

/** BIMI (`default._bimi`): optional; useful only once DMARC enforces. */
export async function checkBimi(
  query: DnsQuery,
  domain: string,
  policy: DmarcPolicy | undefined,
): Promise<PostureCheck> {
  const records = recordsWithVersion(await query(`default._bimi.${domain}`, 'TXT'), 'v=BIMI1');
  const check: PostureCheck = { id: 'bimi', status: 'info', records, messages: [], fixes: [] };
  if (records.length === 0) {
    check.messages.push(message('bimi.missing'));
    return check;
  }
  const { tags, errors } = parseTags(records[0]!);
  const logo = tags.get('l') ?? '';
  if (records.length > 1) errors.push(`${records.length} records`);
  if (logo !== '' && !/^https:\/\/\S{1,2000}\.svg$/i.test(logo))
    errors.push('l= must be an https URL of an SVG file');
  if (errors.length > 0) {
    check.status = 'warn';
    for (const e of errors) check.messages.push(message('bimi.invalid', { detail: e }));
    return check;
  }
  check.status = 'pass';
  check.messages.push(message('bimi.found', { logo: logo || '-' }));
  if (policy !== 'quarantine' && policy !== 'reject') {
    check.status = 'warn';
    check.messages.push(message('bimi.needs-dmarc'));
  }
  return check;
}

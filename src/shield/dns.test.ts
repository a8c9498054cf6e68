import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsQuery, DnsLookupError } from './dns.js';

/**
 * A tiny authoritative DNS server on 127.0.0.1 (UDP, RFC 1035 wire format) so `createDnsQuery` and
 * its `--nameserver` path run against real packets without touching the network.
 */
const TYPES: Record<number, string> = { 1: 'A', 28: 'AAAA', 2: 'NS', 15: 'MX', 16: 'TXT', 5: 'CNAME' };

function encodeName(name: string): Buffer {
  const parts = name.split('.').filter(Boolean);
  return Buffer.concat([
    ...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)])),
    Buffer.from([0]),
  ]);
}

function rdata(type: string, value: string): Buffer {
  if (type === 'A') return Buffer.from(value.split('.').map(Number));
  if (type === 'AAAA') return Buffer.alloc(16, 0x20);
  if (type === 'TXT')
    return Buffer.concat(
      value.match(/.{1,255}/g)!.map((s) => Buffer.concat([Buffer.from([s.length]), Buffer.from(s)])),
    );
  if (type === 'MX') {
    const [pref, host] = value.split(' ');
    const b = Buffer.alloc(2);
    b.writeUInt16BE(Number(pref));
    return Buffer.concat([b, encodeName(host!)]);
  }
  return encodeName(value);
}

type Zone = Record<string, Record<string, string[]> | 'servfail'>;

function answer(msg: Buffer, zone: Zone): Buffer {
  let off = 12;
  const labels: string[] = [];
  while (msg[off]! > 0) {
    labels.push(msg.subarray(off + 1, off + 1 + msg[off]!).toString());
    off += msg[off]! + 1;
  }
  const qtype = msg.readUInt16BE(off + 1);
  const question = msg.subarray(12, off + 5);
  const name = labels.join('.').toLowerCase();
  const entry = zone[name];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(msg.readUInt16BE(0), 0);
  const rcode = entry === 'servfail' ? 2 : entry ? 0 : 3;
  header.writeUInt16BE(0x8180 | rcode, 2);
  header.writeUInt16BE(1, 4);
  const records = entry && entry !== 'servfail' ? (entry[TYPES[qtype] ?? ''] ?? []) : [];
  header.writeUInt16BE(records.length, 6);
  const answers = records.map((v) => {
    const data = rdata(TYPES[qtype]!, v);
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0);
    rr.writeUInt16BE(qtype, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(60, 6);
    rr.writeUInt16BE(data.length, 10);
    return Buffer.concat([rr, data]);
  });
  return Buffer.concat([header, question, ...answers]);
}

describe('createDnsQuery against a local name server', () => {
  let server: Socket;
  let port = 0;
  const zone: Zone = {
    'vigie.test': {
      A: ['192.0.2.10', '192.0.2.11'],
      MX: ['20 mx2.vigie.test', '10 mx1.vigie.test'],
      TXT: ['v=spf1 -all', `v=DKIM1; p=${'A'.repeat(300)}`],
      NS: ['ns1.vigie.test'],
    },
    'broken.test': 'servfail',
  };
  beforeAll(async () => {
    server = createSocket('udp4');
    server.on('message', (msg, rinfo) => server.send(answer(msg, zone), rinfo.port, rinfo.address));
    await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', resolve));
    port = server.address().port;
  });
  afterAll(() => server.close());

  it('answers A, MX (by preference), TXT (strings joined) and NS', async () => {
    const query = createDnsQuery({ nameservers: [`127.0.0.1:${port}`], timeoutMs: 1000, tries: 1 });
    expect((await query('vigie.test', 'A')).sort()).toEqual(['192.0.2.10', '192.0.2.11']);
    expect(await query('vigie.test', 'MX')).toEqual(['mx1.vigie.test', 'mx2.vigie.test']);
    expect(await query('vigie.test', 'TXT')).toContain(`v=DKIM1; p=${'A'.repeat(300)}`);
    expect(await query('vigie.test', 'NS')).toEqual(['ns1.vigie.test']);
  });
  it('returns [] for NXDOMAIN and NODATA, and throws on SERVFAIL', async () => {
    const query = createDnsQuery({ nameservers: [`127.0.0.1:${port}`], timeoutMs: 1000, tries: 1 });
    expect(await query('missing.test', 'A')).toEqual([]);
    expect(await query('vigie.test', 'CNAME')).toEqual([]);
    await expect(query('broken.test', 'A')).rejects.toBeInstanceOf(DnsLookupError);
  });
  it('refuses an invalid name server address', () => {
    expect(() => createDnsQuery({ nameservers: ['not an address'] })).toThrow(/name server/);
  });
});

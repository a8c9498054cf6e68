import { describe, expect, it } from 'vitest';
import type { DnsQuery } from '../dns.js';
import { DnsLookupError } from '../dns.js';
import { formatPermutations, toCsv, toJson, toList } from './format.js';
import { permute } from './permute.js';
import { resolvePermutations } from './resolve.js';

describe('formats', () => {
  const rows = [
    {
      fuzzer: '*original' as const,
      domain: 'vigie.fr',
      dns_a: ['192.0.2.1', '192.0.2.2'],
      dns_mx: ['mx.vigie.fr'],
    },
    { fuzzer: 'omission' as const, domain: 'vgie.fr' },
  ];
  it('writes dnstwist CSV: fuzzer,domain then sorted DNS columns, lists joined by ;', () => {
    expect(toCsv(rows)).toBe(
      'fuzzer,domain,dns_a,dns_mx\n*original,vigie.fr,192.0.2.1;192.0.2.2,mx.vigie.fr\nomission,vgie.fr,,\n',
    );
  });
  it('writes a CSV header even for no rows', () => expect(toCsv([])).toBe('fuzzer,domain\n'));
  it('quotes a value holding a comma or quote', () => {
    expect(toCsv([{ fuzzer: 'omission', domain: 'a,"b' }])).toBe('fuzzer,domain\nomission,"a,""b"\n');
  });
  it('writes JSON with sorted keys and a plain list', () => {
    expect(JSON.parse(toJson(rows))[0]).toEqual({
      dns_a: ['192.0.2.1', '192.0.2.2'],
      dns_mx: ['mx.vigie.fr'],
      domain: 'vigie.fr',
      fuzzer: '*original',
    });
    expect(Object.keys(JSON.parse(toJson(rows))[0])).toEqual(['dns_a', 'dns_mx', 'domain', 'fuzzer']);
    expect(toList(rows)).toBe('vigie.fr\nvgie.fr\n');
    expect(formatPermutations(rows, 'list')).toBe(toList(rows));
  });
});

/** A fake zone: answers by name and type; names under `fail.` throw SERVFAIL, `slow.` never answer. */
function fakeDns(
  zone: Record<string, Partial<Record<string, string[]>>>,
): DnsQuery & { calls: number; peak: number } {
  let inFlight = 0;
  const fn = (async (name: string, type: string) => {
    fn.calls++;
    inFlight++;
    fn.peak = Math.max(fn.peak, inFlight);
    try {
      await new Promise((r) => setTimeout(r, 1));
      if (name.startsWith('fail')) throw new DnsLookupError('ESERVFAIL');
      if (name.startsWith('slow')) await new Promise((r) => setTimeout(r, 1000));
      return zone[name]?.[type] ?? [];
    } finally {
      inFlight--;
    }
  }) as DnsQuery & { calls: number; peak: number };
  fn.calls = 0;
  fn.peak = 0;
  return fn;
}

describe('resolvePermutations', () => {
  const zone = {
    'vigie.fr': { A: ['192.0.2.1'], NS: ['ns1.example.net'], MX: ['mx.vigie.fr'] },
    'vigir.fr': { MX: ['mx.evil.example'] },
  };
  it('adds A, AAAA, NS and MX answers and keeps the order', async () => {
    const perms = permute('vigie.fr', { fuzzers: ['*original', 'replacement'] });
    const out = await resolvePermutations(perms, fakeDns(zone), { concurrency: 4 });
    expect(out.map((p) => p.domain)).toEqual(perms.map((p) => p.domain));
    expect(out[0]).toEqual({
      fuzzer: '*original',
      domain: 'vigie.fr',
      dns_a: ['192.0.2.1'],
      dns_ns: ['ns1.example.net'],
      dns_mx: ['mx.vigie.fr'],
    });
  });
  it('keeps only live domains with registeredOnly', async () => {
    const perms = permute('vigie.fr', { fuzzers: ['*original', 'replacement'] });
    const out = await resolvePermutations(perms, fakeDns(zone), { registeredOnly: true });
    expect(out.map((p) => p.domain)).toEqual(['vigie.fr', 'vigir.fr']);
  });
  it('never exceeds the concurrency bound', async () => {
    const dns = fakeDns(zone);
    await resolvePermutations(permute('vigie.fr', { fuzzers: ['omission', 'replacement'] }), dns, {
      concurrency: 3,
    });
    // Each domain runs NS then A, AAAA and MX together: at most 3 domains x 3 queries.
    expect(dns.peak).toBeLessThanOrEqual(9);
    expect(dns.calls).toBeGreaterThan(20);
  });
  it('marks failures as !ServFail and bounds slow domains by the timeout', async () => {
    const out = await resolvePermutations(
      [
        { fuzzer: 'omission', domain: 'fail.example' },
        { fuzzer: 'omission', domain: 'slow.example' },
      ],
      fakeDns({}),
      { timeoutMs: 50 },
    );
    expect(out[0]!.dns_ns).toEqual(['!ServFail']);
    expect(out[1]).toEqual({ fuzzer: 'omission', domain: 'slow.example' });
  });
});

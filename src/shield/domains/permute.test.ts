import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinTlds, type FuzzerName, generatePermutations, permute } from './permute.js';

const fixtures = new URL('./fixtures/', import.meta.url);

function readFixture(file: string): Map<string, string> {
  const lines = gunzipSync(readFileSync(new URL(file, fixtures)))
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1);
  return new Map(lines.map((l) => [l.split(',')[1]!, l.split(',')[0]!]));
}

// dnstwist's french.dict words and common_tlds.dict, as its run() filters them (see fixtures/generate.py).
const FRENCH =
  'actif active activite agent bleu carte compte enligne forum fr gerer gouv groupe index le ma menu mon moncompte portail site solutions'.split(
    ' ',
  );

describe('permute: parity with dnstwist 20221213 (Debian package), fixtures from fixtures/generate.py', () => {
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.csv.gz') && !f.includes('upstream'));
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(8));
  for (const file of files) {
    it(`contains every domain dnstwist produces for ${file}`, () => {
      const m = /^dnstwist-(.+?)(\+.*)?\.csv\.gz$/.exec(file)!;
      const extra = m[2] ? { dictionary: FRENCH, tlds: builtinTlds('common') } : {};
      const theirs = readFixture(file);
      const ours = new Map(
        permute(m[1]!, { ...extra, combosquatWords: [] }).map((p) => [p.domain, p.fuzzer]),
      );
      const missing = [...theirs.keys()].filter((d) => !ours.has(d));
      expect(missing).toEqual([]);
      // Same first-fuzzer labelling for the fuzzers whose algorithm did not change upstream.
      for (const [domain, fuzzer] of theirs) {
        if (
          ['omission', 'transposition', 'hyphenation', 'bitsquatting', '*original', 'tld-swap'].includes(
            fuzzer,
          )
        ) {
          expect([domain, ours.get(domain)]).toEqual([domain, fuzzer]);
        }
      }
    });
  }
});

describe('permute: individual fuzzers (dnstwist semantics)', () => {
  // Expected values from dnstwist's algorithm; punycode from Python's idna.encode.
  const cases: { fuzzer: FuzzerName; domain: string; includes: string[]; excludes?: string[] }[] = [
    { fuzzer: 'addition', domain: 'abc.com', includes: ['abca.com', 'abc9.com'] },
    { fuzzer: 'addition', domain: 'ab-cd.com', includes: ['abx-cd.com', 'ab-cdx.com'] },
    { fuzzer: 'bitsquatting', domain: 'abc.com', includes: ['cbc.com', 'qbc.com', 'abk.com'] },
    { fuzzer: 'cyrillic', domain: 'paypal.com', includes: ['xn--80aa0cbo65f.com'] },
    { fuzzer: 'cyrillic', domain: 'vigie.fr', includes: ['xn--e1a9da6jr5a.fr'] },
    {
      fuzzer: 'homoglyph',
      domain: 'google.com',
      includes: ['g00gle.com', 'googie.com', 'xn--gogle-jua.com'],
    },
    {
      fuzzer: 'homoglyph',
      domain: 'modern.co.uk',
      includes: ['rnodern.co.uk'],
      excludes: ['xn--modrn-lva.co.uk'],
    },
    {
      fuzzer: 'hyphenation',
      domain: 'abcd.com',
      includes: ['a-bcd.com', 'abc-d.com'],
      excludes: ['-abcd.com'],
    },
    { fuzzer: 'insertion', domain: 'abc.com', includes: ['qabc.com', 'aqbc.com'] },
    { fuzzer: 'omission', domain: 'abcd.com', includes: ['bcd.com', 'abc.com'] },
    { fuzzer: 'plural', domain: 'vigie.fr', includes: ['vigsie.fr'] },
    { fuzzer: 'plural', domain: 'boxes.fr', includes: ['boxeses.fr'] },
    { fuzzer: 'repetition', domain: 'abc.com', includes: ['aabc.com', 'abcc.com'] },
    { fuzzer: 'replacement', domain: 'abc.com', includes: ['qbc.com', 'avc.com'] },
    { fuzzer: 'subdomain', domain: 'abcd.com', includes: ['a.bcd.com', 'ab.cd.com'] },
    { fuzzer: 'transposition', domain: 'abcd.com', includes: ['bacd.com', 'abdc.com'] },
    { fuzzer: 'vowel-swap', domain: 'vigie.fr', includes: ['vagie.fr', 'vigiu.fr'] },
    { fuzzer: 'various', domain: 'example.co.uk', includes: ['example.uk', 'exampleco.uk'] },
    { fuzzer: 'various', domain: 'vigie.fr', includes: ['vigiefr.fr', 'vigie-fr.com', 'vigiefr.com'] },
    {
      fuzzer: 'combosquatting',
      domain: 'vigie.fr',
      includes: ['vigie-login.fr', 'connexion-vigie.fr', 'vigiesecurite.fr'],
    },
  ];
  for (const c of cases) {
    it(`${c.fuzzer} on ${c.domain}`, () => {
      const out = permute(c.domain, { fuzzers: [c.fuzzer] }).map((p) => p.domain);
      for (const d of c.includes) expect(out).toContain(d);
      for (const d of c.excludes ?? []) expect(out).not.toContain(d);
      expect(new Set(out).size).toBe(out.length);
    });
  }
});

describe('permute: output', () => {
  it('lists the original first as *original and sorts by fuzzer then domain', () => {
    const out = permute('vigie.fr');
    expect(out[0]).toEqual({ fuzzer: '*original', domain: 'vigie.fr' });
    const keys = out.map((p) => p.fuzzer + p.domain);
    expect(keys).toEqual([...keys].sort());
  });
  it('accepts Unicode and punycode input alike, and returns Unicode on request', () => {
    const a = permute('bücher.de', { fuzzers: ['*original', 'omission'] });
    const b = permute('xn--bcher-kva.de', { fuzzers: ['*original', 'omission'] });
    expect(a).toEqual(b);
    expect(a[0]).toEqual({ fuzzer: '*original', domain: 'xn--bcher-kva.de' });
    const u = permute('xn--bcher-kva.de', { fuzzers: ['*original'], unicode: true });
    expect(u[0]!.domain).toBe('bücher.de');
  });
  it('keeps the subdomain and the multi-label suffix', () => {
    const out = permute('https://Mail.Example.CO.UK/login', { fuzzers: ['*original', 'omission'] }).map(
      (p) => p.domain,
    );
    expect(out).toContain('mail.example.co.uk');
    expect(out).toContain('mail.xample.co.uk');
  });
  it('uses tld-swap only with a list, never the original suffix', () => {
    expect(permute('vigie.fr', { fuzzers: ['tld-swap'] })).toEqual([]);
    const out = permute('vigie.fr', { fuzzers: ['tld-swap'], tlds: ['fr', 'com', 'co.uk', 'bad tld'] }).map(
      (p) => p.domain,
    );
    expect(out).toEqual(['vigie.co.uk', 'vigie.com']);
  });
  it('bounds the homoglyph work on a label of one repeated letter', () => {
    const r = generatePermutations(`${'a'.repeat(30)}.com`, { limit: 10_000 });
    expect(r.truncated).toBe(true);
    expect(r.permutations.length).toBeLessThanOrEqual(10_000);
  });
  it('truncates at the limit and says so', () => {
    const r = generatePermutations('societegenerale.fr', { limit: 100 });
    expect(r.permutations).toHaveLength(100);
    expect(r.truncated).toBe(true);
  });
  for (const bad of [
    '',
    'localhost',
    'exa mple.com',
    '-bad-.com',
    `${'a'.repeat(64)}.com`,
    'a'.repeat(2000),
  ]) {
    it(`refuses ${JSON.stringify(bad.slice(0, 20))}`, () =>
      expect(() => permute(bad)).toThrow(/Invalid domain|too long/));
  }
});

describe('permute: exact match with the current upstream dnstwist algorithm (fixtures/generate-upstream.py)', () => {
  const rows = gunzipSync(readFileSync(new URL('dnstwist-upstream.csv.gz', fixtures)))
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const inputs = [...new Set(rows.map((r) => r[0]!))];
  it('has inputs', () => expect(inputs.length).toBeGreaterThanOrEqual(8));
  for (const input of inputs) {
    it(`gives the same domains, fuzzer labels and order for ${input}`, () => {
      const theirs = rows.filter((r) => r[0] === input).map((r) => `${r[1]},${r[2]}`);
      const ours = permute(input, { legacyHomoglyphs: false, combosquatWords: [] }).map(
        (p) => `${p.fuzzer},${p.domain}`,
      );
      expect(ours).toEqual(theirs);
    });
  }
});

describe('permute: bad input never crashes', () => {
  it('either returns permutations or throws VALIDATION, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.webUrl(), fc.domain()), (input) => {
        try {
          const out = permute(input, { fuzzers: ['*original', 'omission', 'homoglyph'], limit: 5000 });
          for (const p of out) expect(p.domain).toMatch(/^[a-z0-9.-]+$/);
        } catch (err) {
          expect((err as { code?: string }).code).toBe('VALIDATION');
        }
      }),
      { numRuns: 300 },
    );
  });
});

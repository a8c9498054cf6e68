import { describe, expect, it } from 'vitest';
import { damerauLevenshtein } from './distance.js';
import { compileProtectedDomains, type LookalikeTechnique, matchLookalike } from './match.js';
import { domainSkeleton, skeleton } from './skeleton.js';

describe('damerauLevenshtein', () => {
  const cases: [string, string, number][] = [
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['paypal', 'paypal', 0],
    ['paypal', 'paypall', 1], // insertion
    ['paypal', 'papal', 1], // deletion
    ['paypal', 'paypel', 1], // substitution
    ['paypal', 'papyal', 1], // adjacent transposition
    ['ca', 'abc', 2], // true Damerau-Levenshtein (the restricted variant gives 3)
    ['société', 'societe', 2], // counted on code points
    ['vigie', 'vigi3', 1],
    ['kitten', 'sitting', 3],
  ];
  for (const [a, b, d] of cases) it(`${a} / ${b} = ${d}`, () => expect(damerauLevenshtein(a, b)).toBe(d));
  it('is symmetric on samples', () => {
    for (const [a, b] of cases) expect(damerauLevenshtein(b, a)).toBe(damerauLevenshtein(a, b));
  });
});

describe('skeleton (UTS #39)', () => {
  it('maps confusables to one prototype', () => {
    expect(skeleton('раураl')).toBe(skeleton('paypal')); // Cyrillic р, а, у
    expect(skeleton('rn')).toBe(skeleton('m'));
    expect(skeleton('paypal')).not.toBe(skeleton('paypol'));
  });
  const same: [string, string][] = [
    ['paypa1', 'paypal'],
    ['g00gle', 'google'],
    ['xn--pypal-4ve', 'paypal'], // pаypal with a Cyrillic а, in punycode
    ['sociétégénérale', 'societegenerale'],
    ['VIGIE', 'vigie'],
    ['ѵіԍіе', 'vigie'],
  ];
  for (const [a, b] of same)
    it(`domainSkeleton(${a}) = domainSkeleton(${b})`, () =>
      expect(domainSkeleton(a)).toBe(domainSkeleton(b)));
  const different: [string, string][] = [
    ['vigie', 'vigne'],
    ['paypal', 'paypax'],
  ];
  for (const [a, b] of different)
    it(`domainSkeleton(${a}) != domainSkeleton(${b})`, () =>
      expect(domainSkeleton(a)).not.toBe(domainSkeleton(b)));
});

describe('matchLookalike', () => {
  const protectedDomains = [
    'paypal.com',
    'vigie.fr',
    'societegenerale.fr',
    'bnp.fr',
    'ups.com',
    'me.com',
    'google.com',
    'wetransfer.com',
  ];
  const invalid: [string, LookalikeTechnique, string][] = [
    // candidate, technique, protected domain
    ['xn--pypal-4ve.com', 'punycode', 'paypal.com'],
    ['раураl.com', 'punycode', 'paypal.com'],
    ['sociétégénérale.fr', 'punycode', 'societegenerale.fr'],
    ['paypa1.com', 'homoglyph', 'paypal.com'],
    ['vlgie.fr', 'homoglyph', 'vigie.fr'],
    ['socletegenerale.fr', 'homoglyph', 'societegenerale.fr'],
    ['vvigie.fr', 'typo', 'vigie.fr'],
    ['rnicrosoft-paypal.com', 'combosquat', 'paypal.com'],
    ['vigie.com', 'tld-swap', 'vigie.fr'],
    ['vigie-fr.com', 'tld-swap', 'vigie.fr'],
    ['paypall.com', 'typo', 'paypal.com'],
    ['pyapal.com', 'typo', 'paypal.com'],
    ['societegenerail.fr', 'typo', 'societegenerale.fr'],
    ['societe-generale.com', 'typo', 'societegenerale.fr'],
    ['paypal.com.secure-check.net', 'subdomain', 'paypal.com'],
    ['vigie.fr.login.example', 'subdomain', 'vigie.fr'],
    ['paypal-login.com', 'combosquat', 'paypal.com'],
    ['connexion-vigie.fr', 'combosquat', 'vigie.fr'],
    ['espace-client-vigie.com', 'combosquat', 'vigie.fr'],
    ['vigiesecurite.fr', 'combosquat', 'vigie.fr'],
    ['secure-paypal-check.com', 'combosquat', 'paypal.com'],
    ['googlesupport.net', 'combosquat', 'google.com'],
    ['ups-login.com', 'combosquat', 'ups.com'],
  ];
  for (const [candidate, technique, domain] of invalid) {
    it(`flags ${candidate} as ${technique} of ${domain}`, () => {
      const m = matchLookalike(candidate, protectedDomains);
      expect(m?.technique).toBe(technique);
      expect(m?.protectedDomain).toBe(domain);
    });
  }
  const valid = [
    'paypal.com',
    'www.paypal.com',
    'PAYPAL.COM.',
    'mail.vigie.fr',
    'google.com',
    'example.org',
    'vigne.fr', // a real word one letter away from a short brand: too short for typo matching
    'bmw.com',
    'abcparibas.com',
    // short brands: another suffix or an ASCII lookalike is usually someone else
    'vps.com',
    'me.org',
    'ups.fr',
    // a brand glued to a word that is not a marketing word
    'googleapis.com',
    'googleusercontent.com',
    // a common word two edits from a 10-letter brand
    'transfer.sh',
    'not a domain',
    '',
    'localhost',
    `${'a'.repeat(2000)}.com`,
  ];
  for (const candidate of valid) {
    it(`does not flag ${JSON.stringify(candidate.slice(0, 30))}`, () =>
      expect(matchLookalike(candidate, protectedDomains)).toBeUndefined());
  }
  it('reports distances and the dnstwist fuzzer when one produces the candidate', () => {
    expect(matchLookalike('paypal-login.com', protectedDomains)).toMatchObject({ fuzzer: 'combosquatting' });
    expect(matchLookalike('paypall.com', protectedDomains)).toMatchObject({
      distance: 1,
      skeletonDistance: 1,
      fuzzer: 'addition',
    });
    expect(matchLookalike('paypa1.com', protectedDomains)).toMatchObject({
      distance: 1,
      skeletonDistance: 0,
    });
  });
  it('accepts a precompiled list', () => {
    const compiled = compileProtectedDomains(protectedDomains);
    expect(matchLookalike('vigi3.fr', compiled)?.technique).toBe('typo');
  });
});

describe('damerauLevenshtein: astral characters and reuse', () => {
  it('counts an emoji as one character and keeps no state between calls', () => {
    expect(damerauLevenshtein('a😀b', 'ab')).toBe(1);
    expect(damerauLevenshtein('😀x', 'x😀')).toBe(1);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
    expect(damerauLevenshtein('ba', 'ab')).toBe(1);
    expect(damerauLevenshtein('ca', 'abc')).toBe(2);
  });
  it('cuts inputs at 256 characters', () => {
    expect(damerauLevenshtein('a'.repeat(1000), '')).toBe(256);
  });
});

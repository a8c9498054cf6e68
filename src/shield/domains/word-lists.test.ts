import { describe, expect, it } from 'vitest';
import { parseDictionary, parseTldList } from './word-lists.js';

describe('parseDictionary', () => {
  it('keeps alphanumeric words, as dnstwist does, and drops comments and phrases', () => {
    const text = '// Common words\nlogin\nSecure\nmon compte\nconnexion\nlogin\n\nsécurité\npay-pal\n';
    expect(parseDictionary(text)).toEqual(['login', 'secure', 'connexion', 'sécurité']);
  });
  it('bounds the number of lines read', () => {
    expect(parseDictionary(Array.from({ length: 20_000 }, (_, i) => `w${i}`).join('\n'))).toHaveLength(
      10_000,
    );
  });
});

describe('parseTldList', () => {
  it('keeps suffixes of one or two labels', () => {
    expect(parseTldList('// Source: list\ncom\nco.uk\nfr\n.net\na\nxn--p1ai\nfoo.bar.baz\n')).toEqual([
      'com',
      'co.uk',
      'fr',
      'xn--p1ai',
    ]);
  });
});

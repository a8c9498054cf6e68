// Pure logic of the console's Shield pages: file checks, grouping, domain input, paging, CSV, the
// protection form, tab permissions, and the labels of every reason id the server can send. The
// components are exercised in Chromium by test/e2e/shield.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reasonMessages } from '../src/shield/email/messages.js';
import { analysesQuery, MAX_EML_BYTES, SIGNAL_GROUPS } from '../web/src/api/shieldTypes.js';
import {
  authTone,
  csvField,
  emlFileProblem,
  filterPermutations,
  fromProtectionDraft,
  fuzzerCounts,
  groupReasons,
  normaliseDomain,
  pageOf,
  parseList,
  permutationsCsv,
  scoreBand,
  toProtectionDraft,
} from '../web/src/pages/shield/logic.js';
import { visibleShieldTabs } from '../web/src/pages/shield/tabs.js';

type Catalogue = { [key: string]: string | Catalogue };
const load = (language: 'en' | 'fr') =>
  JSON.parse(readFileSync(new URL(`../web/src/i18n/${language}.json`, import.meta.url), 'utf8')) as Catalogue;

function lookup(catalogue: Catalogue, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Catalogue | undefined)?.[key], catalogue);
}

describe('emlFileProblem', () => {
  it.each([
    [{ name: 'message.eml', size: 10 }, undefined],
    [{ name: 'MESSAGE.EML', size: 10 }, undefined],
    [{ name: 'message.eml', size: MAX_EML_BYTES }, undefined],
    [{ name: 'message.eml', size: MAX_EML_BYTES + 1 }, 'tooLarge'],
    [{ name: 'message.eml', size: 0 }, 'empty'],
    [{ name: 'message.msg', size: 10 }, 'notEml'],
    [{ name: 'message.eml.exe', size: 10 }, 'notEml'],
    [{ name: 'eml', size: 10 }, 'notEml'],
  ])('%o -> %s', (file, expected) => {
    expect(emlFileProblem(file)).toBe(expected);
  });
});

describe('groupReasons', () => {
  it('orders groups as the server defines them, heaviest reason first, and sums points', () => {
    const groups = groupReasons([
      { id: 'lures.urgency', group: 'lures', points: 5 },
      { id: 'impersonation.display-name', group: 'impersonation', points: 30 },
      { id: 'lures.credentials', group: 'lures', points: 15 },
      { id: 'authentication.dmarc-fail', group: 'authentication', points: 25 },
    ]);
    expect(groups.map((g) => g.group)).toEqual(['impersonation', 'lures', 'authentication']);
    expect(groups[1]?.reasons.map((r) => r.id)).toEqual(['lures.credentials', 'lures.urgency']);
    expect(groups[1]?.points).toBe(20);
  });

  it('gives nothing for no reasons', () => {
    expect(groupReasons([])).toEqual([]);
  });
});

describe('scoreBand', () => {
  it.each([
    [0, 'clean'],
    [29, 'clean'],
    [30, 'suspicious'],
    [59, 'suspicious'],
    [60, 'phishing'],
    [100, 'phishing'],
  ])('%i -> %s', (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });
});

describe('authTone', () => {
  it.each([
    ['pass', 'pass'],
    ['PASS ', 'pass'],
    ['fail', 'fail'],
    ['softfail', 'fail'],
    ['permerror', 'fail'],
    ['none', 'neutral'],
    ['temperror', 'neutral'],
    ['', 'neutral'],
    [undefined, 'neutral'],
  ])('%s -> %s', (value, tone) => {
    expect(authTone(value)).toBe(tone);
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM. ', 'example.com'],
    ['https://www.example.fr/login?x=1', 'www.example.fr'],
    ['société-générale.fr', 'société-générale.fr'],
    ['vigie.example', 'vigie.example'],
  ])('accepts %s as %s', (input, domain) => {
    expect(normaliseDomain(input)).toEqual({ domain });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['localhost', 'invalid'],
    ['exa mple.com', 'invalid'],
    ['example..com', 'invalid'],
    ['-example.com', 'invalid'],
    [`${'a'.repeat(64)}.com`, 'invalid'],
    [`${'a'.repeat(250)}.com`, 'invalid'],
  ])('refuses %s (%s)', (input, problem) => {
    expect(normaliseDomain(input)).toEqual({ problem });
  });

  it('bounds the name part when asked (the permutations explorer)', () => {
    expect(normaliseDomain(`${'a'.repeat(30)}.com`, 30)).toEqual({ domain: `${'a'.repeat(30)}.com` });
    expect(normaliseDomain(`${'a'.repeat(31)}.com`, 30)).toEqual({ problem: 'tooLong' });
    expect(normaliseDomain(`${'a'.repeat(31)}.com`)).toEqual({ domain: `${'a'.repeat(31)}.com` });
  });
});

describe('permutations', () => {
  const permutations = [
    { fuzzer: 'addition', domain: 'paypala.com' },
    { fuzzer: 'addition', domain: 'paypalb.com' },
    { fuzzer: 'homoglyph', domain: 'paypa1.com' },
    { fuzzer: 'tld-swap', domain: 'paypal.fr' },
  ];

  it('filters by fuzzer and by text', () => {
    expect(filterPermutations(permutations, 'addition')).toHaveLength(2);
    expect(filterPermutations(permutations, '')).toHaveLength(4);
    expect(filterPermutations(permutations, '', ' .FR ').map((p) => p.domain)).toEqual(['paypal.fr']);
    expect(filterPermutations(permutations, 'homoglyph', 'zzz')).toEqual([]);
  });

  it('counts fuzzers in first-seen order', () => {
    expect(fuzzerCounts(permutations)).toEqual([
      { fuzzer: 'addition', count: 2 },
      { fuzzer: 'homoglyph', count: 1 },
      { fuzzer: 'tld-swap', count: 1 },
    ]);
  });

  it.each([
    [1, 1, ['paypala.com', 'paypalb.com']],
    [2, 2, ['paypa1.com', 'paypal.fr']],
    [9, 2, ['paypa1.com', 'paypal.fr']],
    [0, 1, ['paypala.com', 'paypalb.com']],
    [Number.NaN, 1, ['paypala.com', 'paypalb.com']],
  ])('page %d of 2 is page %d', (page, expected, domains) => {
    const slice = pageOf(permutations, page, 2);
    expect(slice.page).toBe(expected);
    expect(slice.pages).toBe(2);
    expect(slice.total).toBe(4);
    expect(slice.items.map((p) => p.domain)).toEqual(domains);
  });

  it('has one page for an empty list', () => {
    expect(pageOf([], 1, 50)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });

  it('writes CSV with a header and CRLF', () => {
    expect(permutationsCsv(permutations.slice(0, 2))).toBe(
      'fuzzer,domain\r\naddition,paypala.com\r\naddition,paypalb.com\r\n',
    );
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
  ])('CSV field %s -> %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('protection form', () => {
  it('round-trips a document through the draft', () => {
    const protection = {
      brands: [{ name: 'PayPal', aliases: ['Pay Pal'], domains: ['paypal.com', 'paypal.fr'] }],
      vips: ['Marie Dupont', 'John Smith'],
    };
    expect(fromProtectionDraft(toProtectionDraft(protection))).toEqual({ protection });
  });

  it('trims, drops blanks and repeats, and lower-cases domains', () => {
    const result = fromProtectionDraft({
      brands: [{ name: ' Vigie ', aliases: 'Vigie SA,, Vigie SA', domains: 'Vigie.Example,\nvigie.fr' }],
      vips: '  Marie Dupont \n\n',
    });
    expect(result).toEqual({
      protection: {
        brands: [{ name: 'Vigie', aliases: ['Vigie SA'], domains: ['vigie.example', 'vigie.fr'] }],
        vips: ['Marie Dupont'],
      },
    });
  });

  it.each([
    [{ name: 'V', aliases: '', domains: 'vigie.fr' }, 'name'],
    [{ name: 'Vigie', aliases: '', domains: '' }, 'domains'],
    [{ name: 'Vigie', aliases: '', domains: 'vigie.fr, not a domain' }, 'domains'],
  ])('points at the first field the server would refuse: %o', (brand, field) => {
    const ok = { name: 'Good', aliases: '', domains: 'good.fr' };
    expect(fromProtectionDraft({ brands: [ok, brand], vips: '' })).toEqual({ problem: { brand: 1, field } });
  });

  it('parses lists on commas and lines', () => {
    expect(parseList('a, b\nc,,a')).toEqual(['a', 'b', 'c']);
    expect(parseList('')).toEqual([]);
  });
});

describe('visibleShieldTabs', () => {
  it.each([
    [['email:submit'], ['emails']],
    [['threats:read'], ['emails', 'lookalikes', 'posture', 'protection']],
    [
      ['email:submit', 'threats:read', 'threats:manage'],
      ['emails', 'lookalikes', 'posture', 'protection'],
    ],
    [['guard:scan'], []],
    [[], []],
  ])('%o opens %o', (permissions, tabs) => {
    expect(visibleShieldTabs(permissions)).toEqual(tabs);
  });
});

describe('analysesQuery', () => {
  it.each([
    [{}, ''],
    [{ verdict: 'phishing' as const, limit: 20 }, 'verdict=phishing&limit=20'],
    [{ before: '2026-01-01T00:00:00.000Z' }, 'before=2026-01-01T00%3A00%3A00.000Z'],
  ])('%o -> %s', (filter, query) => {
    expect(analysesQuery(filter)).toBe(query);
  });
});

describe('reason labels', () => {
  const ids = Object.keys(reasonMessages);

  it('knows every group the server uses', () => {
    for (const id of ids) expect(SIGNAL_GROUPS, id).toContain(id.split('.')[0]);
  });

  it.each(['en', 'fr'] as const)(
    'has a short %s label for every reason id the server can send',
    (language) => {
      const catalogue = load(language);
      expect(ids.length).toBeGreaterThan(40);
      for (const id of ids) {
        const label = lookup(catalogue, `shield.reasons.${id}`);
        expect(typeof label, `${language} ${id}`).toBe('string');
        expect((label as string).length, `${language} ${id}`).toBeLessThanOrEqual(60);
      }
    },
  );

  it('has no label for a reason the server does not know', () => {
    const labelled = Object.entries(load('en').shield as Catalogue)
      .filter(([key]) => key === 'reasons')
      .flatMap(([, groups]) =>
        Object.entries(groups as Catalogue).flatMap(([group, names]) =>
          Object.keys(names as Catalogue).map((name) => `${group}.${name}`),
        ),
      );
    expect(labelled.sort()).toEqual([...ids].sort());
  });
});

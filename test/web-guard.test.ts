// Pure logic of the console's Guard pages: highlight segments over UTF-16 offsets, suggestions,
// grouping, and the settings forms' conversions. The components are exercised in Chromium by
// test/e2e/check.test.ts.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../web/src/api/guardTypes.js';
import { readabilityBand } from '../web/src/pages/check/labels.js';
import {
  applySuggestion,
  buildSegments,
  clampSpan,
  groupByCategory,
  primaryFinding,
  snapToGrapheme,
  utf8Bytes,
} from '../web/src/pages/check/segments.js';
import { fromDraft, toDraft } from '../web/src/pages/guard/brandDraft.js';
import { dayToIso, draftToInput, EMPTY_FACT, factStatus, isoToDay } from '../web/src/pages/guard/factForm.js';
import { parseValueLines } from '../web/src/pages/guard/knownValues.js';

type Span = { start: number; end: number };

/** Reassembles the segments: they must cover the text exactly, in order, without overlap. */
function expectTiling(text: string, segments: ReturnType<typeof buildSegments>) {
  expect(segments.map((segment) => segment.text).join('')).toBe(text);
  let at = 0;
  for (const segment of segments) {
    expect(segment.start).toBe(at);
    expect(segment.end).toBeGreaterThan(segment.start);
    expect(segment.text).toBe(text.slice(segment.start, segment.end));
    at = segment.end;
  }
  expect(at).toBe(text.length);
}

const marked = (segments: ReturnType<typeof buildSegments>) =>
  segments
    .filter((segment) => segment.findings.length > 0)
    .map((segment) => [segment.text, segment.findings]);

describe('buildSegments', () => {
  it.each<[string, string, Span[], Array<[string, number[]]>]>([
    ['no findings', 'Hello world', [], []],
    [
      'one English e-mail',
      'Write to jo@example.com today',
      [{ start: 9, end: 23 }],
      [['jo@example.com', [0]]],
    ],
    [
      'a French sentence with accents',
      'Écrivez à élodie@exemple.fr demain',
      [{ start: 10, end: 27 }],
      [['élodie@exemple.fr', [0]]],
    ],
    [
      'offsets after an emoji (two UTF-16 units)',
      '😀 mail marie@ex.fr',
      [{ start: 8, end: 19 }],
      [['marie@ex.fr', [0]]],
    ],
    ['a span covering an emoji', 'Top 😀 claim', [{ start: 4, end: 6 }], [['😀', [0]]]],
    [
      'overlapping findings cut into three segments',
      'abcdefghij',
      [
        { start: 2, end: 6 },
        { start: 4, end: 8 },
      ],
      [
        ['cd', [0]],
        ['ef', [0, 1]],
        ['gh', [1]],
      ],
    ],
    [
      'a finding nested in another',
      'abcdefghij',
      [
        { start: 1, end: 9 },
        { start: 3, end: 5 },
      ],
      [
        ['bc', [0]],
        ['de', [0, 1]],
        ['fghi', [0]],
      ],
    ],
    [
      'identical spans share one segment',
      'abc def',
      [
        { start: 4, end: 7 },
        { start: 4, end: 7 },
      ],
      [['def', [0, 1]]],
    ],
    ['a span at the very start and end', 'secret', [{ start: 0, end: 6 }], [['secret', [0]]]],
    [
      'empty and reversed spans are ignored',
      'abcdef',
      [
        { start: 2, end: 2 },
        { start: 4, end: 1 },
      ],
      [],
    ],
    ['spans beyond the text are clamped', 'abc', [{ start: 1, end: 99 }], [['bc', [0]]]],
  ])('%s', (_name, text, spans, expected) => {
    const segments = buildSegments(text, spans);
    expectTiling(text, segments);
    expect(marked(segments)).toEqual(expected);
  });

  it('widens a span that splits an emoji to the whole emoji', () => {
    const text = 'a😀b';
    // 1..2 is the high surrogate only; 2..3 the low surrogate only.
    expect(marked(buildSegments(text, [{ start: 1, end: 2 }]))).toEqual([['😀', [0]]]);
    expect(marked(buildSegments(text, [{ start: 2, end: 3 }]))).toEqual([['😀', [0]]]);
  });

  it('keeps a combining accent with its letter (NFD French text)', () => {
    const text = 'cafe\u0301 noir'; // "café" with a combining acute accent
    // A detector that stopped before the accent would leave it dangling on its own.
    const segments = buildSegments(text, [{ start: 0, end: 4 }]);
    expectTiling(text, segments);
    expect(marked(segments)).toEqual([['cafe\u0301', [0]]]);
  });

  it('keeps family emoji (ZWJ sequences) and flags whole', () => {
    const family = '👨‍👩‍👧';
    const text = `x ${family} 🇫🇷 y`;
    const start = text.indexOf(family);
    expect(marked(buildSegments(text, [{ start: start + 1, end: start + 3 }]))).toEqual([[family, [0]]]);
    const flag = text.indexOf('🇫🇷');
    expect(marked(buildSegments(text, [{ start: flag + 2, end: flag + 3 }]))).toEqual([['🇫🇷', [0]]]);
  });

  it('returns nothing for an empty text', () => {
    expect(buildSegments('', [{ start: 0, end: 1 }])).toEqual([]);
  });

  it('stays linear-ish and exact with thousands of findings', () => {
    const text = 'ab '.repeat(20_000);
    const spans = Array.from({ length: 10_000 }, (_, i) => ({ start: i * 6, end: i * 6 + 2 }));
    const started = performance.now();
    const segments = buildSegments(text, spans);
    expect(performance.now() - started).toBeLessThan(2000);
    expectTiling(text, segments);
    expect(segments.filter((segment) => segment.findings.length > 0)).toHaveLength(10_000);
  });
});

describe('snapToGrapheme and clampSpan', () => {
  it.each<[string, number, 'back' | 'forward', number]>([
    ['a😀b', 2, 'back', 1],
    ['a😀b', 2, 'forward', 3],
    ['a😀b', 1, 'back', 1],
    ['abc', -5, 'back', 0],
    ['a\r\nb', 2, 'back', 1],
    ['a\r\nb', 2, 'forward', 3],
    ['abc', 10, 'forward', 3],
    ['e\u0301t\u00e9', 1, 'forward', 2],
    ['e\u0301t\u00e9', 1, 'back', 0],
  ])('snaps %j at %d going %s to %d', (text, offset, direction, expected) => {
    expect(snapToGrapheme(text, offset, direction)).toBe(expected);
  });

  it.each<[Span, Span | undefined]>([
    [
      { start: 0, end: 3 },
      { start: 0, end: 3 },
    ],
    [{ start: 2, end: 2 }, undefined],
    [{ start: Number.NaN, end: 2 }, undefined],
    [{ start: 5, end: 9 }, undefined],
  ])('clamps %j to %j', (span, expected) => {
    expect(clampSpan('abc', span)).toEqual(expected);
  });
});

const finding = (overrides: Partial<Finding>): Finding => ({
  rule: 'pii.email',
  category: 'pii',
  severity: 'warn',
  action: 'warn',
  messageId: 'found',
  message: 'E-mail address',
  start: 0,
  end: 1,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  ...overrides,
});

describe('primaryFinding', () => {
  it.each<[string, Finding[], number[], number | undefined]>([
    ['none', [], [], undefined],
    ['the more severe wins', [finding({ severity: 'info' }), finding({ severity: 'high' })], [0, 1], 1],
    [
      'at equal severity the narrower wins',
      [finding({ start: 0, end: 10 }), finding({ start: 2, end: 4 })],
      [0, 1],
      1,
    ],
    ['at a tie the first wins', [finding({}), finding({})], [0, 1], 0],
    ['unknown indices are skipped', [finding({})], [5, 0], 0],
  ])('%s', (_name, findings, indices, expected) => {
    expect(primaryFinding(indices, findings)).toBe(expected);
  });
});

describe('applySuggestion', () => {
  it.each<[string, string, Span, string, string | undefined]>([
    ['English term', 'Our chairman spoke', { start: 4, end: 12 }, 'chair', 'Our chair spoke'],
    [
      'French inclusive wording',
      'Les collaborateurs sont ravis',
      { start: 0, end: 18 },
      "L'équipe",
      "L'équipe sont ravis",
    ],
    ['after an emoji', '😀 Les collaborateurs', { start: 3, end: 21 }, 'le personnel', '😀 le personnel'],
    ['empty replacement deletes', 'abc def', { start: 3, end: 7 }, '', 'abc'],
    ['span past the end', 'abc', { start: 1, end: 9 }, 'x', undefined],
    ['empty span', 'abc', { start: 1, end: 1 }, 'x', undefined],
    ['negative start', 'abc', { start: -1, end: 2 }, 'x', undefined],
    ['fractional offsets', 'abc', { start: 0.5, end: 2 }, 'x', undefined],
  ])('%s', (_name, text, span, replacement, expected) => {
    expect(applySuggestion(text, span, replacement)).toBe(expected);
  });
});

describe('groupByCategory', () => {
  it('groups in the catalogue order, each group in text order', () => {
    const findings = [
      finding({ category: 'claim', start: 50 }),
      finding({ category: 'pii', start: 30 }),
      finding({ category: 'pii', start: 10 }),
      finding({ category: 'secret', start: 5 }),
    ];
    expect(groupByCategory(findings)).toEqual([
      { category: 'pii', findings: [2, 1] },
      { category: 'secret', findings: [3] },
      { category: 'claim', findings: [0] },
    ]);
  });

  it('keeps a category this console does not know, after the known ones', () => {
    const findings = [finding({ category: 'future' as Finding['category'] }), finding({ category: 'brand' })];
    expect(groupByCategory(findings).map((group) => group.category)).toEqual(['brand', 'future']);
  });
});

describe('utf8Bytes', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['😀', 4],
    ['e\u0301', 3],
  ])('counts %j as %d bytes', (text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes);
  });
});

describe('readabilityBand', () => {
  it.each([
    [80, 'easy'],
    [60, 'easy'],
    [45, 'standard'],
    [30, 'standard'],
    [29.9, 'hard'],
    [-20, 'hard'],
  ])('reads %d as %s', (score, band) => {
    expect(readabilityBand(score)).toBe(band);
  });
});

describe('brand rules form', () => {
  const rules = {
    terminology: [
      { preferred: 'Vigie', deprecated: ['vigie', 'VIGIE'], note: 'Capital V' },
      { preferred: 'sign in', deprecated: ['login'] },
    ],
    competitors: ['Acme', 'Globex'],
    bannedPhrases: [{ phrase: 'leader mondial', reason: 'Unprovable' }, { phrase: 'best in class' }],
  };

  it('round-trips rules through the form', () => {
    const result = fromDraft(toDraft(rules));
    expect(result).toEqual({ rules });
  });

  it('trims, drops blank rows and de-duplicates', () => {
    const result = fromDraft({
      terminology: [
        { preferred: '  Vigie ', deprecated: 'vigie,  vigie , VIGIE,', note: ' ' },
        { preferred: '', deprecated: '', note: '' },
      ],
      competitors: 'Acme\n\n  Globex  \r\nAcme\n',
      bannedPhrases: [
        { phrase: ' n°1 ', reason: '' },
        { phrase: '  ', reason: 'ignored' },
      ],
    });
    expect(result).toEqual({
      rules: {
        terminology: [{ preferred: 'Vigie', deprecated: ['vigie', 'VIGIE'] }],
        competitors: ['Acme', 'Globex'],
        bannedPhrases: [{ phrase: 'n°1' }],
      },
    });
  });

  it.each([
    [
      'a term without variants',
      { preferred: 'Vigie', deprecated: ' , ', note: '' },
      { kind: 'termWithoutDeprecated', row: 1 },
    ],
    [
      'variants without a term',
      { preferred: '', deprecated: 'x', note: '' },
      { kind: 'deprecatedWithoutTerm', row: 1 },
    ],
    [
      'a value too long',
      { preferred: 'x'.repeat(201), deprecated: 'y', note: '' },
      { kind: 'tooLong', value: 'x'.repeat(40) },
    ],
  ])('refuses %s', (_name, term, error) => {
    expect(fromDraft({ terminology: [term], competitors: '', bannedPhrases: [] })).toEqual({ error });
  });

  it('refuses more competitors than the server accepts', () => {
    const competitors = Array.from({ length: 1001 }, (_, i) => `Rival ${i}`).join('\n');
    expect(fromDraft({ terminology: [], competitors, bannedPhrases: [] })).toEqual({
      error: { kind: 'tooMany' },
    });
  });
});

describe('approved fact form', () => {
  it.each<[string, string | undefined]>([
    ['2026-12-31', '2026-12-31T23:59:59.000Z'],
    ['2028-02-29', '2028-02-29T23:59:59.000Z'],
    ['2026-02-29', undefined],
    ['2026-13-01', undefined],
    ['31/12/2026', undefined],
    ['', undefined],
  ])('turns the day %j into %j', (day, iso) => {
    expect(dayToIso(day)).toBe(iso);
  });

  it.each([
    ['2026-12-31T23:59:59.000Z', '2026-12-31'],
    ['2026-06-01T10:00:00+02:00', '2026-06-01'],
    [null, ''],
    ['not a date', ''],
  ])('shows %j as %j in a date input', (iso, day) => {
    expect(isoToDay(iso)).toBe(day);
  });

  it('builds the API body, with nulls for the empty optional fields', () => {
    expect(
      draftToInput({
        ...EMPTY_FACT,
        statement: ' Notre plateforme est certifiée ISO 27001 ',
        source: 'Certificat AFNOR',
      }),
    ).toEqual({
      input: {
        statement: 'Notre plateforme est certifiée ISO 27001',
        source: 'Certificat AFNOR',
        owner: null,
        lang: null,
        expiresAt: null,
      },
    });
    expect(
      draftToInput({
        statement: 'We serve 500 customers',
        source: 'CRM',
        owner: 'Sales',
        lang: 'en',
        expires: '2027-01-31',
      }),
    ).toEqual({
      input: {
        statement: 'We serve 500 customers',
        source: 'CRM',
        owner: 'Sales',
        lang: 'en',
        expiresAt: '2027-01-31T23:59:59.000Z',
      },
    });
  });

  it.each([
    ['statement', { ...EMPTY_FACT, statement: 'ab', source: 'x' }],
    ['source', { ...EMPTY_FACT, statement: 'A real statement', source: '  ' }],
    ['expires', { ...EMPTY_FACT, statement: 'A real statement', source: 'x', expires: '2026-02-30' }],
  ])('points at the %s field when it is not valid', (field, draft) => {
    expect(draftToInput(draft)).toEqual({ error: field });
  });

  const now = new Date('2026-06-01T00:00:00Z');
  it.each([
    [{ expired: true, expiresAt: '2026-05-01T00:00:00Z' }, 'expired'],
    [{ expired: false, expiresAt: null }, 'permanent'],
    [{ expired: false, expiresAt: '2026-06-15T00:00:00Z' }, 'expiring'],
    [{ expired: false, expiresAt: '2026-12-31T00:00:00Z' }, 'active'],
    [{ expired: false, expiresAt: '2026-05-31T00:00:00Z' }, 'expired'],
  ])('rates %j as %s', (fact, status) => {
    expect(factStatus(fact, now)).toBe(status);
  });
});

describe('known values box', () => {
  it('keeps one value per non-blank line, trimmed and de-duplicated case-insensitively', () => {
    const parsed = parseValueLines('  Marie Dupont \n\nmarie dupont\r\njohn@example.com\nX\nÉlodie Martin');
    expect(parsed.values).toEqual(['Marie Dupont', 'john@example.com', 'Élodie Martin']);
    expect(parsed.repeated).toBe(1);
    expect(parsed.rejected).toBe(1);
    expect(parsed.rejectedLines).toEqual([5]);
    expect(parsed.tooMany).toBe(false);
  });

  it('rejects values longer than 200 characters and flags too many values', () => {
    expect(parseValueLines('y'.repeat(201)).rejected).toBe(1);
    const many = Array.from({ length: 10_001 }, (_, i) => `value ${i}`).join('\n');
    expect(parseValueLines(many).tooMany).toBe(true);
  });

  it('finds nothing in an empty box', () => {
    expect(parseValueLines(' \n \n').values).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { ledgerSummary, shouldRecord } from './ledger-summary.js';
import { loadPolicy } from './policy/index.js';
import { MAX_SCAN_BYTES, scan } from './scan.js';
import type { BrandRules, Detector, Fact } from './types.js';

const brand: BrandRules = {
  terminology: [{ preferred: 'email', deprecated: ['e-mail'] }],
  competitors: ['Acme Corp'],
  bannedPhrases: [{ phrase: 'game changer', reason: 'cliché' }],
};
const facts: Fact[] = [
  { id: 'F-1', statement: 'Vigie had 99.9% uptime in 2025.', source: 'status', expiresAt: null },
];
const context = { brand, facts };

/** A stand-in for another category's detector, so the pipeline is tested whatever those folders hold. */
function fakeDetector(
  id: string,
  spans: Array<[number, number]>,
  extra: Partial<Detector['meta']> = {},
): Detector {
  const category = id.split('.')[0] as Detector['meta']['category'];
  return {
    meta: {
      id,
      category,
      languages: ['*'],
      defaultSeverity: 'warn',
      docs: { description: { en: 'x', fr: 'x' }, example: 'x' },
      messages: { found: { en: 'Found {{what}}', fr: 'Trouvé {{what}}' } },
      ...extra,
    },
    detect: () =>
      spans.map(([start, end]) => ({ messageId: 'found', data: { what: id }, start, end, confidence: 0.9 })),
  };
}

describe('scan', () => {
  it.each([
    ['', 'input'],
    ['', 'publish'],
    ['   \n ', 'publish'],
  ] as const)('allows empty text %j (%s)', (text, profile) => {
    const r = scan(text, { profile, lang: 'auto' });
    expect(r.verdict).toBe('allow');
    expect(r.findings).toEqual([]);
    expect(r.readability).toBeNull();
  });

  it('refuses text over the limit with PAYLOAD_TOO_LARGE', () => {
    const big = 'a'.repeat(MAX_SCAN_BYTES + 1);
    expect(() => scan(big, { profile: 'input' })).toThrow(
      expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }),
    );
    // 4 million "é" are 8 MB of UTF-8 but 4 M code units: under the limit.
    expect(() => scan('é'.repeat(4_000_000), { profile: 'input', detectors: [] })).not.toThrow();
  });

  it('rejects a non-string input', () => {
    expect(() => scan(42 as unknown as string, { profile: 'input' })).toThrow(AppError);
  });

  it('detects the language when asked and renders messages in the reader’s locale', () => {
    const r = scan('Nos collaborateurs adorent cette plateforme, elle est vraiment pratique.', {
      profile: 'publish',
      lang: 'auto',
      locale: 'fr',
    });
    expect(r.lang).toBe('fr');
    const f = r.findings.find((x) => x.rule === 'language.inclusive');
    expect(f?.message).toContain('peut être perçu');
  });

  it('sorts findings by offset, with line, column and the policy action', () => {
    const text = 'Our chairman loves it.\nThis e-mail tool is a game changer, better than Acme Corp.';
    const r = scan(text, { profile: 'publish', lang: 'en', context });
    // Other categories fill up in parallel: look only at the ones this test is about.
    const ours = r.findings.filter((f) => ['language', 'claim', 'brand'].includes(f.category));
    expect(ours.map((f) => [f.rule, f.line, text.slice(f.start, f.end)])).toEqual([
      ['language.inclusive', 1, 'chairman'],
      ['claim.unsupported', 2, 'This e-mail tool is a game changer, better than Acme Corp.'],
      ['brand.terminology', 2, 'e-mail'],
      ['brand.banned-phrase', 2, 'game changer'],
      ['brand.competitor', 2, 'Acme Corp'],
    ]);
    const banned = r.findings.find((f) => f.rule === 'brand.banned-phrase')!;
    expect([banned.action, banned.severity, banned.column]).toEqual(['review', 'high', 23]);
    expect(['review', 'block']).toContain(r.verdict);
    expect(r.findings.map((f) => f.start)).toEqual([...r.findings.map((f) => f.start)].sort((a, b) => a - b));
    expect(r.stats.byRule).toMatchObject({ 'brand.terminology': 1, 'language.inclusive': 1 });
  });

  it('verdict is the strongest action; a rule entry overrides its category', () => {
    const detectors = [fakeDetector('pii.email', [[0, 3]]), fakeDetector('secret.token', [[4, 8]])];
    const text = 'abc defg';
    expect(scan(text, { profile: 'input', lang: 'en', detectors }).verdict).toBe('block');
    const policy = loadPolicy({ profiles: { input: { rules: { 'secret.token': 'warn' } } } });
    const r = scan(text, { profile: 'input', lang: 'en', detectors, policy });
    expect(r.findings.map((f) => [f.rule, f.action])).toEqual([
      ['pii.email', 'redact'],
      ['secret.token', 'warn'],
    ]);
    expect(r.verdict).toBe('redact');
  });

  it('drops findings whose action is allow and those under the confidence floor', () => {
    const detectors = [fakeDetector('pii.email', [[0, 3]])];
    const off = loadPolicy({ profiles: { input: { categories: { pii: 'allow' } } } });
    expect(scan('abc', { profile: 'input', lang: 'en', detectors, policy: off }).findings).toEqual([]);
    const strict = loadPolicy({ profiles: { input: { minConfidence: 0.95 } } });
    expect(scan('abc', { profile: 'input', lang: 'en', detectors, policy: strict }).verdict).toBe('allow');
  });

  it('fails closed when a detector throws, without leaking its message', () => {
    const broken: Detector = {
      ...fakeDetector('pii.broken', []),
      detect: () => {
        throw new TypeError('secret value 4111111111111111 in message');
      },
    };
    const r = scan('hello', { profile: 'input', lang: 'en', detectors: [broken] });
    expect(r.verdict).toBe('review');
    expect(r.errors).toEqual([{ detector: 'pii.broken', error: 'TypeError' }]);
    expect(JSON.stringify(r)).not.toContain('4111');
  });

  it('drops detections with impossible offsets and records it', () => {
    const detectors = [
      fakeDetector('pii.email', [
        [-1, 2],
        [3, 99],
        [2, 1],
        [0, 2],
      ]),
    ];
    const r = scan('abcd', { profile: 'input', lang: 'en', detectors });
    expect(r.findings.map((f) => [f.start, f.end])).toEqual([[0, 2]]);
    expect(r.errors).toEqual([{ detector: 'pii.email', error: 'invalid offsets' }]);
  });

  it('skips detectors for another language', () => {
    const frOnly = fakeDetector('pii.fr', [[0, 1]], { languages: ['fr'] });
    expect(scan('abc', { profile: 'input', lang: 'en', detectors: [frOnly] }).findings).toEqual([]);
    expect(scan('abc', { profile: 'input', lang: 'fr', detectors: [frOnly] }).findings).toHaveLength(1);
  });

  it('reports readability under the policy minimum only', () => {
    const hard =
      'Notwithstanding organisational considerations, comprehensive infrastructural harmonisation necessitates multidisciplinary collaboration.';
    const r = scan(hard, { profile: 'publish', lang: 'en' });
    expect(r.readability!.score).toBeLessThan(30);
    expect(r.findings.map((f) => f.rule)).toContain('language.readability');
    const lenient = loadPolicy({ readability: { en: null } });
    expect(
      scan(hard, { profile: 'publish', lang: 'en', policy: lenient }).findings.map((f) => f.rule),
    ).not.toContain('language.readability');
  });
});

describe('ledger summary', () => {
  it('keeps counts and a hash, never the text', () => {
    const text = 'This e-mail tool is a game changer.';
    const r = scan(text, { profile: 'publish', lang: 'en', context });
    const s = ledgerSummary(r, text);
    expect(s).toEqual({
      verdict: r.verdict,
      profile: 'publish',
      counts: r.stats.byRule,
      textSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(s)).not.toContain('game changer');
  });

  it.each([
    ['allow', false],
    ['warn', false],
    ['redact', true],
    ['review', true],
    ['block', true],
  ] as const)('shouldRecord(%s) is %s', (verdict, expected) => {
    expect(shouldRecord({ verdict })).toBe(expected);
  });
});

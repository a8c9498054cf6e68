/**
 * The pipeline must survive anything: random text, unicode (lone surrogates included), and strings
 * built to make patterns backtrack. No exception, offsets inside the text, findings sorted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from './scan.js';
import { scan } from './scan.js';
import type { BrandRules, Fact } from './types.js';

const brand: BrandRules = {
  terminology: [{ preferred: 'email', deprecated: ['e-mail', 'mail'] }],
  competitors: ['Acme', 'aaa aaa'],
  bannedPhrases: [{ phrase: 'game changer' }, { phrase: '((((' }],
};
const facts: Fact[] = [
  { id: 'F', statement: '99.9% uptime 1 200 clients', source: 's', expiresAt: '2000-01-01' },
];

const fragments = [
  '100% secure',
  'n°1',
  '99,9 %',
  '1 200 clients',
  'chairman',
  'les collaborateurs',
  'merde',
  'e-mail',
  'Acme',
  '\u{E0041}',
  '\u200b',
  '😀',
  '\ud800',
  '\udc00',
  '((',
  ']]',
  '{{x}}',
  '@',
  '.',
  '\n',
  ' ',
  '%',
  'ignore previous instructions',
  'a@b.co',
  '4111 1111 1111 1111',
  'FR76 3000 6000 0112 3456 7890 189',
];

/** Long runs and nested structures, the usual catastrophic-backtracking triggers. */
const adversarial = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('a', '1', ' ', '.', '%', '(', '[', '-', '@', 'é', '\t', '0 ', '9,', 'x'),
      fc.integer({ min: 1, max: 20_000 }),
    )
    .map(([c, n]) => c.repeat(n)),
  fc
    .integer({ min: 1, max: 2_000 })
    .map((n) => `${'('.repeat(n)}${'['.repeat(n)}x${']'.repeat(n)}${')'.repeat(n)}`),
  fc.integer({ min: 1, max: 3_000 }).map((n) => `${'1 '.repeat(n)}%`),
  fc.integer({ min: 1, max: 3_000 }).map((n) => `${'a.'.repeat(n)}@`),
);

const text = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((a) => a.join(' ')),
  fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 8 })), {
      maxLength: 80,
    })
    .map((a) => a.join('')),
  adversarial,
);

function checkInvariants(input: string, r: ScanResult): void {
  for (const f of r.findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(input.length);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
  }
  for (let i = 1; i < r.findings.length; i++) {
    expect(r.findings[i]!.start).toBeGreaterThanOrEqual(r.findings[i - 1]!.start);
  }
  expect(['allow', 'warn', 'redact', 'review', 'block']).toContain(r.verdict);
  // The pipeline contains a crashing detector; ours must not crash in the first place.
  expect(r.errors.filter((e) => /^(language|claim|brand)\./.test(e.detector))).toEqual([]);
}

describe('scan (property)', () => {
  it.each(['input', 'ingested', 'output', 'publish'] as const)(
    'never throws and keeps offsets in the text (%s)',
    (profile) => {
      fc.assert(
        fc.property(
          text,
          fc.constantFrom('auto', 'en', 'fr') as fc.Arbitrary<'auto' | 'en' | 'fr'>,
          (input, lang) => {
            const r = scan(input, { profile, lang, context: { brand, facts } });
            checkInvariants(input, r);
          },
        ),
        { numRuns: 750 },
      );
    },
    120_000,
  );
});

import { describe, expect, it } from 'vitest';
import { toSarif } from './sarif.js';
import { type ScanResult, scan } from './scan.js';
import type { BrandRules } from './types.js';

const brand: BrandRules = {
  terminology: [{ preferred: 'email', deprecated: ['e-mail'] }],
  competitors: [],
  bannedPhrases: [{ phrase: 'game changer', reason: 'cliché' }],
};

function ours(r: ScanResult): ScanResult {
  return { ...r, findings: r.findings.filter((f) => f.category === 'brand') };
}

describe('toSarif', () => {
  const text = 'Hello.\nThis e-mail tool is a game changer.';
  const result = ours(scan(text, { profile: 'publish', lang: 'en', context: { brand } }));
  const log = toSarif([
    { path: './site/index page.md', result },
    { path: 'site\\fr.md', result },
  ]);
  const run = log.runs[0] as {
    tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
      }>;
    }>;
    columnKind: string;
  };

  it('is a SARIF 2.1.0 log with one run and a named driver', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('Vigie Guard');
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('lists each rule once, and every result points at its rule', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['brand.terminology', 'brand.banned-phrase']);
    expect(run.tool.driver.rules[0]!.shortDescription.text).toMatch(/glossary/);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('gives every result what GitHub code scanning requires', () => {
    expect(run.results).toHaveLength(4);
    const [first] = run.results;
    expect(first).toMatchObject({
      ruleId: 'brand.terminology',
      level: 'note',
      message: { text: 'Use "email" instead of "e-mail".' },
    });
    expect(first!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'site/index%20page.md' },
      region: { startLine: 2, startColumn: 6, endLine: 2, endColumn: 12, charOffset: 12, charLength: 6 },
    });
    expect(run.results[2]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('site/fr.md');
    expect(run.results.find((r) => r.ruleId === 'brand.banned-phrase')!.level).toBe('error');
  });

  it('renders rule descriptions in French on request', () => {
    const fr = toSarif([{ path: 'a.md', result }], 'fr').runs[0] as typeof run;
    expect(fr.tool.driver.rules[0]!.shortDescription.text).toMatch(/glossaire/);
  });

  it('describes a rule reported by another rule’s detector with that detector’s meta', () => {
    const expired = scan('Vigie is carbon neutral.', {
      profile: 'publish',
      lang: 'en',
      context: {
        facts: [{ id: 'F', statement: 'Vigie is carbon neutral.', source: 's', expiresAt: '2020-01-01' }],
      },
    });
    const claims = { ...expired, findings: expired.findings.filter((f) => f.category === 'claim') };
    const r = toSarif([{ path: 'a.md', result: claims }]).runs[0] as typeof run;
    expect(r.tool.driver.rules.map((x) => x.id)).toEqual(['claim.expired']);
    expect(r.tool.driver.rules[0]!.shortDescription.text).toMatch(/Claims/);
  });

  it('produces an empty but valid run when nothing was found', () => {
    const empty = toSarif([{ path: 'a.md', result: scan('', { profile: 'publish' }) }]);
    expect((empty.runs[0] as typeof run).results).toEqual([]);
  });
});

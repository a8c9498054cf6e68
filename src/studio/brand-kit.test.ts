import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { activeFacts, brandKitFromYaml, brandKitToYaml, brandRulesOf, factsForBrief } from './brand-kit.js';

const KIT_YAML = `
name: Vigie
voice:
  tone: [confident, warm]
  do: [Say what the product does in one sentence]
  dont: [Use "revolutionary"]
  examples: ["Vigie keeps your brand safe while you write."]
styleRules: [Sentence case for headings]
terminology:
  - preferred: Vigie
    deprecated: [Vigie platform, la plateforme Vigie]
competitors: [Acme Corp]
bannedPhrases:
  - phrase: game changer
    reason: cliché
facts:
  - id: F-TEAMS
    statement: More than 120 communications teams took part in the beta.
    source: Beta report
    owner: Product marketing
    expiresAt: '2027-12-31T00:00:00Z'
  - id: F-OLD
    statement: Vigie had 99.9% uptime in 2025.
    source: Status page
    owner: SRE
    expiresAt: '2026-01-31T00:00:00Z'
  - id: F-FR
    statement: Plus de 120 équipes ont participé à la bêta.
    source: Rapport bêta
    lang: fr
boilerplates:
  - lang: en
    company: Vigie
    description: Vigie helps communications teams use AI safely.
    mediaContact: { name: Press office, email: press@vigie.example }
audiences:
  - id: comms-leads
    name: communications leads
    readingLevel: expert
    cares: [saving review time]
`;

const NOW = new Date('2026-11-29T00:00:00Z');

describe('brand kit', () => {
  it('parses YAML, fills defaults, and round-trips through YAML', () => {
    const kit = brandKitFromYaml(KIT_YAML);
    expect(kit.voice.tone).toEqual(['confident', 'warm']);
    expect(kit.audiences[0]!.vocabulary).toEqual([]);
    expect(brandKitFromYaml(brandKitToYaml(kit))).toEqual(kit);
  });

  it('gives Guard its brand rules', () => {
    const rules = brandRulesOf(brandKitFromYaml(KIT_YAML));
    expect(rules.competitors).toEqual(['Acme Corp']);
    expect(rules.bannedPhrases[0]!.phrase).toBe('game changer');
    expect(rules.terminology[0]!.deprecated).toContain('Vigie platform');
  });

  it('keeps expired facts out, and filters by language', () => {
    const kit = brandKitFromYaml(KIT_YAML);
    expect(activeFacts(kit, { now: NOW }).map((f) => f.id)).toEqual(['F-TEAMS', 'F-FR']);
    expect(activeFacts(kit, { now: NOW, lang: 'en' }).map((f) => f.id)).toEqual(['F-TEAMS']);
    expect(activeFacts(kit, { now: new Date('2025-06-01T00:00:00Z') }).map((f) => f.id)).toContain('F-OLD');
  });

  it('picks facts for a brief by id and refuses expired or unknown ones', () => {
    const kit = brandKitFromYaml(KIT_YAML);
    expect(factsForBrief(kit, ['F-TEAMS'], NOW)).toEqual([
      {
        id: 'F-TEAMS',
        statement: 'More than 120 communications teams took part in the beta.',
        source: 'Beta report',
        expiresAt: '2027-12-31T00:00:00Z',
      },
    ]);
    expect(() => factsForBrief(kit, ['F-OLD'], NOW)).toThrow(/F-OLD is unknown or expired/);
    expect(() => factsForBrief(kit, ['F-NONE'], NOW)).toThrow(AppError);
  });

  it.each([
    ['not YAML', 'name: [unclosed', /cannot be parsed/],
    ['no name', 'voice: {}', /name/],
    [
      'a duplicated fact id',
      `name: V\nfacts:\n  - {id: A, statement: One fact here, source: s}\n  - {id: A, statement: Two facts here, source: s}`,
      /used twice/,
    ],
    ['an unknown key', 'name: V\nslogan: Just do it', /Unrecognized|slogan/],
    [
      'a billion laughs',
      `name: V\nx: &a [1,1,1,1,1,1,1,1,1]\n${Array.from({ length: 120 }, (_, i) => `y${i}: *a`).join('\n')}`,
      /cannot be parsed|Unrecognized|y0/,
    ],
  ])('refuses %s', (_name, yaml, message) => {
    expect(() => brandKitFromYaml(yaml)).toThrow(message);
  });

  it('refuses a kit over the size limit before parsing', () => {
    expect(() => brandKitFromYaml(`name: V\n# ${'x'.repeat(600 * 1024)}`)).toThrow(/limited/);
  });
});

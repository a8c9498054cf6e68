import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { defaultPolicy, loadPolicy, mergePolicy, parsePolicy, parsePolicyOverride } from './load.js';
import { isCategorySilenced, resolveAction, resolveSeverity, strongestAction } from './resolve.js';
import type { ProfilePolicy } from './schema.js';

describe('default policy', () => {
  it('parses and covers every profile', () => {
    const p = defaultPolicy();
    expect(Object.keys(p.profiles).sort()).toEqual(['ingested', 'input', 'output', 'publish']);
    expect(p.profiles.input.categories.secret).toBe('block');
    expect(p.profiles.publish.rules['language.profanity']).toBe('review');
  });
});

describe('resolveAction', () => {
  const profile: ProfilePolicy = {
    default: 'warn',
    minConfidence: 0,
    categories: { pii: 'redact', language: 'allow' },
    rules: { 'pii.email': 'block', 'language.profanity': 'review' },
    severity: { 'pii.email': 'high', language: 'info' },
  };
  it.each([
    ['pii.email', 'pii', 'block', 'a rule entry overrides its category'],
    ['pii.phone', 'pii', 'redact', 'the category applies'],
    ['claim.unsupported', 'claim', 'warn', 'the profile default applies'],
    ['language.inclusive', 'language', 'allow', 'category allow'],
  ] as const)('%s (%s) -> %s: %s', (rule, category, action, _why) => {
    expect(resolveAction(profile, rule, category)).toBe(action);
  });

  it('overrides severity by rule, then by category', () => {
    expect(resolveSeverity(profile, 'pii.email', 'pii', 'warn')).toBe('high');
    expect(resolveSeverity(profile, 'language.inclusive', 'language', 'warn')).toBe('info');
    expect(resolveSeverity(profile, 'pii.phone', 'pii', 'warn')).toBe('warn');
  });

  it('silences a category only when no rule of it is switched on', () => {
    expect(isCategorySilenced(profile, 'language')).toBe(false);
    expect(isCategorySilenced({ ...profile, rules: {} }, 'language')).toBe(true);
    expect(isCategorySilenced(profile, 'pii')).toBe(false);
  });
});

describe('strongestAction', () => {
  it.each([
    [[], 'allow'],
    [['warn', 'allow'], 'warn'],
    [['redact', 'warn'], 'redact'],
    [['redact', 'review'], 'review'],
    [['review', 'block', 'warn'], 'block'],
  ] as const)('%j -> %s', (list, verdict) => {
    expect(strongestAction(list)).toBe(verdict);
  });
});

describe('workspace overrides', () => {
  it('merges maps entry by entry and keeps what the override does not name', () => {
    const merged = loadPolicy(`
profiles:
  publish:
    categories: { claim: block }
    rules: { brand.competitor: allow }
readability: { fr: null, en: 50 }
`);
    const publish = merged.profiles.publish;
    expect(publish.categories.claim).toBe('block');
    expect(publish.categories.secret).toBe('block');
    expect(publish.rules['brand.competitor']).toBe('allow');
    expect(publish.rules['language.profanity']).toBe('review');
    expect(merged.readability).toEqual({ en: 50 });
    expect(merged.profiles.input).toBe(defaultPolicy().profiles.input);
  });

  it('does not mutate the default policy', () => {
    const before = JSON.stringify(defaultPolicy());
    mergePolicy(defaultPolicy(), { profiles: { input: { rules: { 'pii.email': 'block' } } } });
    expect(JSON.stringify(defaultPolicy())).toBe(before);
  });

  it.each([
    ['profiles: { input: { categories: { pii: destroy } } }', 'profiles.input.categories.pii'],
    ['profiles: { inputt: {} }', '(root)'],
    ['profiles: { input: { rules: { Email: warn } } }', 'profiles.input.rules'],
    ['readability: { de: 40 }', 'readability'],
    ['version: 2', 'version'],
    ['profiles: [oops', 'not valid YAML'],
  ])('rejects %s', (yaml, where) => {
    const run = () => parsePolicyOverride(yaml);
    expect(run).toThrow(AppError);
    try {
      run();
    } catch (err) {
      expect((err as AppError).code).toBe('VALIDATION');
      if (where !== '(root)') expect((err as AppError).message).toContain(where);
    }
  });

  it('refuses a policy file that is too large', () => {
    expect(() => parsePolicy(`# ${'x'.repeat(300_000)}`)).toThrow(/too large/);
  });

  it('treats an empty override as no change', () => {
    expect(loadPolicy('').profiles).toEqual(defaultPolicy().profiles);
  });
});

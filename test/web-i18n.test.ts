// The console's two catalogues must say the same things: same keys, same placeholders, every plural
// form the language needs, nothing left untranslated by accident.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language, toLanguage } from '../web/src/i18n/languages.js';

type Catalogue = { [key: string]: string | Catalogue };

function load(language: Language): Catalogue {
  const url = new URL(`../web/src/i18n/${language}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Catalogue;
}

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

// i18next plural suffixes (Intl.PluralRules categories).
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys with plural forms folded into their base key, each with the categories present. */
function pluralForms(keys: Iterable<string>): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, -match[0].length) : key;
    const set = forms.get(base) ?? new Set<string>();
    if (match?.[1]) set.add(match[1]);
    forms.set(base, set);
  }
  return forms;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([A-Za-z0-9_]{1,40})\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const catalogues = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(load(language))]),
) as Record<Language, Map<string, string>>;

// Strings that are the same word in both languages (names, loanwords). Anything else equal in
// English and French is probably a string somebody forgot to translate.
const SAME_IN_BOTH = new Set([
  'app.name',
  'nav.studio',
  'nav.assistant',
  'nav.audit',
  'audit.title',
  'overview.modules',
  'users.columns.actions',
  'shieldMailbox.detail.score',
  'shieldMailbox.queue.verdict',
  'shieldMailbox.settings.tls.tls',
  'tokens.columns.actions',
  'audit.head.signature',
  'audit.filters.action',
  'audit.entries.action',
  'audit.entries.page',
  'guard.categories.secret',
  'guardSettings.facts.source',
  'shield.tabs.emails',
  'shield.tabs.posture',
  'shield.tabs.protection',
  'shield.emails.result.scoreValue',
  'shield.emails.reasons.points',
  'shield.emails.auth.source',
  'shield.emails.history.verdictFilter',
  'shield.emails.history.date',
  'shield.emails.history.verdict',
  'shield.emails.history.score',
  'shield.emails.history.source',
  'shield.lookalikes.columns.actions',
  'shield.lookalikes.alerts.columns.fuzzer',
  'shield.lookalikes.explorer.fuzzer',
  'shield.lookalikes.explorer.fuzzerOption',
  'shield.lookalikes.explorer.count_one',
  'shield.lookalikes.explorer.count_other',
  'shield.posture.statuses.info',
  'shield.posture.fixType',
]);

describe('console translations', () => {
  const en = catalogues.en;
  const fr = catalogues.fr;

  it('has a catalogue for every supported language, each with strings', () => {
    for (const language of LANGUAGES) expect(catalogues[language].size).toBeGreaterThan(100);
  });

  it('has the same keys in English and French (plural forms aside)', () => {
    const enBases = [...pluralForms(en.keys()).keys()].sort();
    const frBases = [...pluralForms(fr.keys()).keys()].sort();
    expect(frBases).toEqual(enBases);
  });

  it.each(LANGUAGES)('gives every plural key all the forms %s needs', (language) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [base, present] of pluralForms(catalogues[language].keys())) {
      if (present.size === 0) continue;
      for (const category of needed)
        expect(present.has(category), `${language} ${base}_${category}`).toBe(true);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, english] of en) {
      const base = key.replace(PLURAL_SUFFIX, '');
      const french = fr.get(key) ?? fr.get(`${base}_other`);
      expect(french, key).toBeDefined();
      expect(placeholders(french ?? ''), key).toEqual(placeholders(english));
    }
  });

  it('has no empty strings', () => {
    for (const language of LANGUAGES) {
      for (const [key, text] of catalogues[language]) expect(text.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('translates everything except the words that are the same in both languages', () => {
    const identical = [...en].filter(([key, text]) => fr.get(key) === text).map(([key]) => key);
    expect(identical.sort()).toEqual([...SAME_IN_BOTH].sort());
  });

  it('words every error code and every error reason the server sends', async () => {
    const { errorCatalog, PROBLEM_REASONS } = await import('../src/core/errors.js');
    for (const code of Object.keys(errorCatalog)) expect(en.has(`errors.codes.${code}`), code).toBe(true);
    for (const reason of PROBLEM_REASONS) expect(en.has(`errors.reasons.${reason}`), reason).toBe(true);
  });

  // End-to-end tests find the login fields by these labels.
  it.each([
    ['en', 'login.username', 'Username'],
    ['en', 'login.password', 'Password'],
    ['fr', 'login.username', "Nom d'utilisateur"],
    ['fr', 'login.password', 'Mot de passe'],
  ] as const)('labels the login field %s %s as "%s"', (language, key, label) => {
    expect(catalogues[language].get(key)).toBe(label);
  });
});

describe('toLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en_US', 'en'],
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR-be', 'fr'],
    ['de-DE', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
    ['french', undefined],
  ])('maps %s to %s', (tag, expected) => {
    expect(toLanguage(tag)).toBe(expected);
  });
});

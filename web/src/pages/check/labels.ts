// Translation keys for Guard's vocabulary. i18next checks keys at compile time, so dynamic keys go
// through these tables instead of template strings.
import type { Category, Operator, Profile, ScanLang, Severity, Verdict } from '../../api/guardTypes.js';

export const CATEGORY_LABEL = {
  pii: 'guard.categories.pii',
  secret: 'guard.categories.secret',
  injection: 'guard.categories.injection',
  claim: 'guard.categories.claim',
  brand: 'guard.categories.brand',
  language: 'guard.categories.language',
  disclosure: 'guard.categories.disclosure',
} as const satisfies Record<Category, string>;

export const SEVERITY_LABEL = {
  info: 'guard.severities.info',
  warn: 'guard.severities.warn',
  high: 'guard.severities.high',
} as const satisfies Record<Severity, string>;

export const VERDICT_LABEL = {
  allow: 'guard.verdicts.allow',
  warn: 'guard.verdicts.warn',
  redact: 'guard.verdicts.redact',
  review: 'guard.verdicts.review',
  block: 'guard.verdicts.block',
} as const satisfies Record<Verdict, string>;

export const VERDICT_MEANING = {
  allow: 'guard.verdictMeanings.allow',
  warn: 'guard.verdictMeanings.warn',
  redact: 'guard.verdictMeanings.redact',
  review: 'guard.verdictMeanings.review',
  block: 'guard.verdictMeanings.block',
} as const satisfies Record<Verdict, string>;

export const PROFILE_LABEL = {
  publish: 'guard.profiles.publish',
  input: 'guard.profiles.input',
  ingested: 'guard.profiles.ingested',
  output: 'guard.profiles.output',
} as const satisfies Record<Profile, string>;

export const SCAN_LANG_LABEL = {
  auto: 'guard.langs.auto',
  en: 'guard.langs.en',
  fr: 'guard.langs.fr',
} as const satisfies Record<ScanLang, string>;

export const OPERATOR_LABEL = {
  placeholder: 'guard.operators.placeholder',
  surrogate: 'guard.operators.surrogate',
  mask: 'guard.operators.mask',
  hash: 'guard.operators.hash',
  redact: 'guard.operators.redact',
} as const satisfies Record<Operator, string>;

/** Label key for a category the console may not know yet (a newer server). */
export function categoryLabelKey(category: string) {
  return Object.hasOwn(CATEGORY_LABEL, category) ? CATEGORY_LABEL[category as Category] : undefined;
}

/** How a readability score reads ("higher is easier" for both Flesch and Kandel-Moles). */
export function readabilityBand(score: number): 'easy' | 'standard' | 'hard' {
  if (score >= 60) return 'easy';
  if (score >= 30) return 'standard';
  return 'hard';
}

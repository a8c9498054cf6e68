/**
 * The workspace's brand rules compiled into phrase matchers once per rules object (a WeakMap, so a
 * workspace that scans many texts with the same settings pays for compilation once).
 */
import type { BrandRules } from '../../types.js';
import { PhraseMatcher } from './phrase-matcher.js';

export interface DeprecatedTerm {
  preferred: string;
  deprecated: string;
  note?: string;
}

export interface CompiledBrand {
  terminology: PhraseMatcher<DeprecatedTerm>;
  competitors: PhraseMatcher<string>;
  banned: PhraseMatcher<{ phrase: string; reason?: string }>;
}

const cache = new WeakMap<BrandRules, CompiledBrand>();

export function compileBrand(rules: BrandRules): CompiledBrand {
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = {
      terminology: new PhraseMatcher(
        (rules.terminology ?? []).flatMap((t) =>
          t.deprecated.map((deprecated) => ({
            phrase: deprecated,
            data: { preferred: t.preferred, deprecated, ...(t.note ? { note: t.note } : {}) },
          })),
        ),
      ),
      competitors: new PhraseMatcher((rules.competitors ?? []).map((name) => ({ phrase: name, data: name }))),
      banned: new PhraseMatcher((rules.bannedPhrases ?? []).map((b) => ({ phrase: b.phrase, data: b }))),
    };
    cache.set(rules, compiled);
  }
  return compiled;
}

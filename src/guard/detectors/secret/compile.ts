/**
 * Turns the secret rule data into ready matchers, once at load time. A matcher runs its regex only when
 * one of the rule's keywords occurs in the lower-cased text (gitleaks' keyword pre-filter), which keeps
 * a scan of ordinary prose to a few `includes` calls per rule.
 */
import { checks } from './checks.js';
import type { SecretRule } from './rules.js';

export interface SecretMatch {
  start: number;
  end: number;
}

export interface CompiledSecretRule {
  rule: SecretRule;
  find(text: string, lower: string): SecretMatch[];
}

/** Hard cap so a pasted dump cannot make one rule report without end. */
const MAX_MATCHES_PER_RULE = 200;

export function compileSecretRule(rule: SecretRule): CompiledSecretRule {
  // `d` gives exact group offsets: the value may also occur elsewhere in the match (a host, a user).
  const flags = `g${rule.group ? 'd' : ''}${rule.flags ?? ''}${rule.pattern.includes('\\p{') ? 'u' : ''}`;
  const re = new RegExp(rule.pattern, flags);
  const allow = new Set(rule.allow ?? []);
  const check = rule.check ? checks[rule.check] : undefined;
  return {
    rule,
    find(text, lower) {
      if (!rule.keywords.some((k) => lower.includes(k))) return [];
      const out: SecretMatch[] = [];
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        const value = rule.group ? m[rule.group] : m[0];
        if (value === undefined || allow.has(value)) continue;
        if (check && !check(value)) continue;
        const start = rule.group ? (m.indices?.[rule.group]?.[0] ?? m.index) : m.index;
        out.push({ start, end: start + value.length });
        if (out.length >= MAX_MATCHES_PER_RULE) break;
      }
      return out;
    },
  };
}

/** The lower-cased text of the last call, so the many rules of one scan lower-case it once. */
let lastText = '';
let lastLower = '';
export function lowerOnce(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

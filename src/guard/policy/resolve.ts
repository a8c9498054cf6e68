/** Turning findings into actions and a verdict under one profile of a policy. Pure. */
import type { Category, Severity } from '../types.js';
import type { Action, ProfilePolicy } from './schema.js';
import { actions } from './schema.js';

export function actionRank(action: Action): number {
  return actions.indexOf(action);
}

/** The strongest of several actions; `allow` when there are none. */
export function strongestAction(list: Iterable<Action>): Action {
  let best: Action = 'allow';
  for (const a of list) if (actionRank(a) > actionRank(best)) best = a;
  return best;
}

/** A rule entry overrides its category entry, which overrides the profile default. */
export function resolveAction(profile: ProfilePolicy, rule: string, category: Category): Action {
  return profile.rules[rule] ?? profile.categories[category] ?? profile.default;
}

export function resolveSeverity(
  profile: ProfilePolicy,
  rule: string,
  category: Category,
  reported: Severity,
): Severity {
  return profile.severity[rule] ?? profile.severity[category] ?? reported;
}

/**
 * Whether a detector can be skipped: every finding it could report resolves to `allow`. A detector
 * may report rules other than its id, but always in its own category, so the category's action and
 * every rule entry of that category must be `allow`.
 */
export function isCategorySilenced(profile: ProfilePolicy, category: Category): boolean {
  if ((profile.categories[category] ?? profile.default) !== 'allow') return false;
  const prefix = `${category}.`;
  for (const [rule, action] of Object.entries(profile.rules)) {
    if (rule.startsWith(prefix) && action !== 'allow') return false;
  }
  return true;
}

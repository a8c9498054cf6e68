export {
  defaultPolicy,
  loadPolicy,
  mergePolicy,
  parsePolicy,
  parsePolicyOverride,
  policyToYaml,
} from './load.js';
export {
  actionRank,
  isCategorySilenced,
  resolveAction,
  resolveSeverity,
  strongestAction,
} from './resolve.js';
export {
  type Action,
  actions,
  type Policy,
  type PolicyOverride,
  type ProfilePolicy,
  policyOverrideSchema,
  policySchema,
} from './schema.js';

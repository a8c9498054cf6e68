/**
 * Shield: lookalike domains, domain posture and the lookalike helpers of e-mail analysis.
 * Pure functions over a `DnsQuery` seam; storage, API, console and CLI wiring call these.
 */
export {
  createDnsQuery,
  DnsLookupError,
  type DnsQuery,
  type DnsQueryOptions,
  type DnsRecordType,
} from './dns.js';
export {
  formatPermutations,
  type PermutationFormat,
  type ResolvedPermutation,
  toCsv,
  toJson,
  toList,
} from './domains/format.js';
export { isValidFqdn, toAsciiDomain, toUnicodeDomain } from './domains/idna.js';
export {
  builtinTlds,
  defaultCombosquatWords,
  FUZZERS,
  type FuzzerName,
  generatePermutations,
  type Permutation,
  type PermutationFuzzer,
  type PermuteOptions,
  type PermuteResult,
  permute,
} from './domains/permute.js';
export { isRegistered, type ResolveOptions, resolvePermutations } from './domains/resolve.js';
export { type DomainParts, splitDomain } from './domains/split.js';
export { parseDictionary, parseTldList } from './domains/word-lists.js';
export * from './email/index.js';
export { damerauLevenshtein } from './lookalike/distance.js';
export {
  type CompiledProtectedDomains,
  compileProtectedDomains,
  type LookalikeMatch,
  type LookalikeTechnique,
  matchLookalike,
} from './lookalike/match.js';
export { domainSkeleton, skeleton } from './lookalike/skeleton.js';
export * from './mailbox/index.js';
export {
  analysePosture,
  type PostureOptions,
  type PostureResult,
  type SpoofabilityVerdict,
} from './posture/analyse.js';
export { COMMON_DKIM_SELECTORS } from './posture/dkim.js';
export { type Message, type PostureMessageId, postureMessages } from './posture/messages.js';
export type { CheckId, CheckStatus, DnsFix, PostureCheck } from './posture/types.js';
export * from './workspace/index.js';

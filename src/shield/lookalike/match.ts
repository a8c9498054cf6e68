import { parse } from 'tldts';
import { isValidFqdn, toAsciiDomain, toUnicodeDomain } from '../domains/idna.js';
import { defaultCombosquatWords, type PermutationFuzzer, permute } from '../domains/permute.js';
import { damerauLevenshtein } from './distance.js';
import { domainSkeleton } from './skeleton.js';

export type LookalikeTechnique = 'punycode' | 'homoglyph' | 'typo' | 'tld-swap' | 'combosquat' | 'subdomain';

export interface LookalikeMatch {
  /** The protected domain it imitates, as given. */
  protectedDomain: string;
  technique: LookalikeTechnique;
  /** Damerau-Levenshtein distance between the two registrable labels (Unicode). */
  distance: number;
  /** The same distance between their confusable skeletons (0 for a perfect homoglyph). */
  skeletonDistance: number;
  /** The dnstwist fuzzer that produces the candidate from the protected domain, when one does. */
  fuzzer?: PermutationFuzzer;
}

interface CompiledDomain {
  input: string;
  registrable: string;
  label: string;
  labelSkeleton: string;
  suffix: string;
  /** dnstwist permutations of the domain -> fuzzer. */
  permutations: ReadonlyMap<string, PermutationFuzzer>;
}

export interface CompiledProtectedDomains {
  readonly domains: readonly CompiledDomain[];
  readonly registrables: ReadonlySet<string>;
}

const MATCH_FUZZERS = [
  'addition',
  'homoglyph',
  'bitsquatting',
  'hyphenation',
  'insertion',
  'omission',
  'plural',
  'repetition',
  'replacement',
  'subdomain',
  'transposition',
  'vowel-swap',
  'various',
  'combosquatting',
] as const;
const TYPO_FUZZERS = new Set<PermutationFuzzer>([
  'addition',
  'bitsquatting',
  'hyphenation',
  'insertion',
  'omission',
  'plural',
  'repetition',
  'replacement',
  'transposition',
  'vowel-swap',
]);
/**
 * Short brand labels match real words by edit distance (`vigie` / `vigne`): below 6 characters only
 * the typing errors dnstwist's fuzzers model count. Containment needs some length too.
 */
const MIN_FUZZER_TYPO_LABEL = 4;
const MIN_TYPO_LABEL = 6;
const MIN_COMBO_LABEL = 4;
/** `me.org` is not a lookalike of `me.com`, nor `vps.com` of `ups.com`: short labels need more. */
const MIN_SWAP_LABEL = 4;
/** Marketing words glued to a brand (`paypalsecure`); other glued words (`googleapis`) are too common. */
const COMBO_WORDS: ReadonlySet<string> = new Set(defaultCombosquatWords.map((w) => w.replaceAll('-', '')));
const RANK: Record<LookalikeTechnique, number> = {
  punycode: 0,
  homoglyph: 1,
  'tld-swap': 2,
  typo: 3,
  subdomain: 4,
  combosquat: 5,
};

interface Parsed {
  ascii: string;
  registrable: string;
  label: string;
  suffix: string;
  subdomain: string;
}

function parseHost(name: string): Parsed | undefined {
  const host = name.trim().toLowerCase().replace(/\.$/, '');
  const ascii = toAsciiDomain(host);
  if (ascii === undefined || !isValidFqdn(ascii)) return undefined;
  const p = parse(ascii, { allowPrivateDomains: false });
  if (!p.domain || !p.publicSuffix || p.domain === p.publicSuffix) return undefined;
  return {
    ascii,
    registrable: p.domain,
    label: toUnicodeDomain(p.domain.slice(0, p.domain.length - p.publicSuffix.length - 1)),
    suffix: p.publicSuffix,
    subdomain: p.subdomain ?? '',
  };
}

/**
 * Prepares protected domains once (permutations, skeletons: about 5 ms for a short name, 100 ms for
 * a 15-letter one); reuse the result for every call.
 */
export function compileProtectedDomains(domains: readonly string[]): CompiledProtectedDomains {
  const compiled: CompiledDomain[] = [];
  for (const input of domains.slice(0, 1000)) {
    const p = parseHost(input);
    if (!p) continue;
    const permutations = new Map<string, PermutationFuzzer>();
    for (const perm of permute(p.registrable, { fuzzers: MATCH_FUZZERS, legacyHomoglyphs: false }))
      permutations.set(perm.domain, perm.fuzzer);
    compiled.push({
      input,
      registrable: p.registrable,
      label: p.label,
      labelSkeleton: domainSkeleton(p.label),
      suffix: p.suffix,
      permutations,
    });
  }
  return { domains: compiled, registrables: new Set(compiled.map((c) => c.registrable)) };
}

const cache = new WeakMap<readonly string[], CompiledProtectedDomains>();

function compiledFor(list: readonly string[] | CompiledProtectedDomains): CompiledProtectedDomains {
  if (!Array.isArray(list)) return list as CompiledProtectedDomains;
  const arr = list as readonly string[];
  let c = cache.get(arr);
  if (!c) {
    c = compileProtectedDomains(arr);
    cache.set(arr, c);
  }
  return c;
}

function typoLimit(length: number): number {
  if (length < MIN_TYPO_LABEL) return 0;
  return length < 12 ? 1 : 2;
}

function isAsciiText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function withinDistance(a: string, b: string, limit: number): boolean {
  return Math.abs(a.length - b.length) <= limit && damerauLevenshtein(a, b) <= limit;
}

/** The brand as a hyphen-separated token, or glued to a known marketing word in one token. */
function isCombo(label: string, brand: string): boolean {
  for (const token of label.split('-', 16)) {
    if (token === brand) return true;
    if (token.startsWith(brand) && COMBO_WORDS.has(token.slice(brand.length))) return true;
    if (token.endsWith(brand) && COMBO_WORDS.has(token.slice(0, token.length - brand.length))) return true;
  }
  return false;
}

/** Which technique, if any; distances are computed only for a match or when a rule needs them. */
function techniqueOf(
  c: Parsed,
  candSkeleton: string,
  p: CompiledDomain,
  fuzzer: PermutationFuzzer | undefined,
): LookalikeTechnique | undefined {
  const long = p.label.length >= MIN_SWAP_LABEL;
  if (c.label !== p.label && (candSkeleton === p.labelSkeleton || (fuzzer === 'homoglyph' && long))) {
    return isAsciiText(c.label) ? 'homoglyph' : 'punycode';
  }
  if (long && c.label === p.label && c.suffix !== p.suffix) return 'tld-swap';
  if (long && fuzzer === 'various') return 'tld-swap';
  if (fuzzer && TYPO_FUZZERS.has(fuzzer) && p.label.length >= MIN_FUZZER_TYPO_LABEL) return 'typo';
  const limit = typoLimit(p.label.length);
  if (
    limit > 0 &&
    (withinDistance(c.label, p.label, limit) || withinDistance(candSkeleton, p.labelSkeleton, limit))
  ) {
    return isAsciiText(c.label) ? 'typo' : 'punycode';
  }
  if (c.subdomain && p.label.length >= MIN_COMBO_LABEL) {
    if (c.subdomain.split('.').includes(p.label) || c.subdomain.includes(p.registrable)) return 'subdomain';
  }
  if (fuzzer === 'combosquatting' || (fuzzer === 'subdomain' && long)) return 'combosquat';
  if (p.label.length >= MIN_COMBO_LABEL && c.label !== p.label && isCombo(candSkeleton, p.labelSkeleton)) {
    return 'combosquat';
  }
  return undefined;
}

/**
 * Does `candidate` (a host name from a sender, a reply-to, a link) imitate one of the protected
 * domains? The protected domain itself and its subdomains never match. Returns the closest match:
 * IDN homograph (`punycode`), ASCII lookalike (`homoglyph`: `paypa1`, `rnicrosoft`), other suffix
 * (`tld-swap`), typing error (`typo`), brand in a subdomain of another site (`subdomain`), or brand
 * plus a word (`combosquat`). Pass the array itself each time (compiled once per array) or the
 * result of `compileProtectedDomains`.
 */
export function matchLookalike(
  candidate: string,
  protectedDomains: readonly string[] | CompiledProtectedDomains,
): LookalikeMatch | undefined {
  if (candidate.length > 1024) return undefined;
  const compiled = compiledFor(protectedDomains);
  const c = parseHost(candidate);
  if (!c || compiled.registrables.has(c.registrable)) return undefined;
  const candSkeleton = domainSkeleton(c.label);
  let best:
    | {
        technique: LookalikeTechnique;
        p: CompiledDomain;
        fuzzer: PermutationFuzzer | undefined;
        distance: number;
      }
    | undefined;
  for (const p of compiled.domains) {
    const fuzzer = p.permutations.get(c.registrable);
    const technique = techniqueOf(c, candSkeleton, p, fuzzer);
    if (!technique || (best && RANK[technique] > RANK[best.technique])) continue;
    const distance = damerauLevenshtein(c.label, p.label);
    if (!best || RANK[technique] < RANK[best.technique] || distance < best.distance)
      best = { technique, p, fuzzer, distance };
  }
  if (!best) return undefined;
  const match: LookalikeMatch = {
    protectedDomain: best.p.input,
    technique: best.technique,
    distance: best.distance,
    skeletonDistance: damerauLevenshtein(candSkeleton, best.p.labelSkeleton),
  };
  if (best.fuzzer) match.fuzzer = best.fuzzer;
  return match;
}

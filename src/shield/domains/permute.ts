import combosquat from '../data/combosquat-words.json' with { type: 'json' };
import tldLists from '../data/tlds.json' with { type: 'json' };
import * as f from './fuzzers.js';
import {
  isValidFqdn,
  isValidLeftPart,
  labelToAscii,
  MAX_DOMAIN_LENGTH,
  toAsciiDomain,
  toUnicodeDomain,
} from './idna.js';
import { makeLabel } from './label.js';
import { joinDomain, splitDomain } from './split.js';
import { glyphsForTld, legacyGlyphs } from './tables.js';

/** dnstwist's fuzzer names, plus `combosquatting` (ours). */
export const FUZZERS = [
  'addition',
  'bitsquatting',
  'cyrillic',
  'homoglyph',
  'hyphenation',
  'insertion',
  'omission',
  'plural',
  'repetition',
  'replacement',
  'subdomain',
  'transposition',
  'vowel-swap',
  'dictionary',
  'tld-swap',
  'various',
  'combosquatting',
] as const;

export type FuzzerName = (typeof FUZZERS)[number];
export type PermutationFuzzer = FuzzerName | '*original';

export interface Permutation {
  fuzzer: PermutationFuzzer;
  /** ASCII (punycode) unless `unicode` was asked for. */
  domain: string;
}

export interface PermuteOptions {
  /** Fuzzers to run, in this order (dnstwist's `--fuzzers`); default: all, original first. */
  fuzzers?: readonly PermutationFuzzer[];
  /** Words for the `dictionary` fuzzer (dnstwist's `--dictionary FILE`). */
  dictionary?: readonly string[];
  /** Suffixes for `tld-swap` (dnstwist's `--tld FILE`); default: none, as in dnstwist. */
  tlds?: readonly string[];
  /** Words for `combosquatting`; default: the built-in English and French list. */
  combosquatWords?: readonly string[];
  /** Also produce dnstwist 20221213's homoglyphs (Debian's package); default true. */
  legacyHomoglyphs?: boolean;
  /** Domains in Unicode instead of punycode (dnstwist's `--unicode`). */
  unicode?: boolean;
  /**
   * Stop after this many permutations (the original included); default 250 000. It also bounds the
   * homoglyph work, which grows with the square of a label's repeated letters.
   */
  limit?: number;
}

export interface PermuteResult {
  permutations: Permutation[];
  /** True when `limit` cut the list short. */
  truncated: boolean;
}

const DEFAULT_LIMIT = 250_000;
const MAX_WORDS = 10_000;

/** The built-in combosquatting words (English and French marketing and account words). */
export const defaultCombosquatWords: readonly string[] = combosquat.words.map((w) => w.word);

/** The suffix lists shipped for `--tld` when the user has none: `common` and `abused`. */
export function builtinTlds(name: 'common' | 'abused'): readonly string[] {
  return tldLists.lists.find((l) => l.name === name)?.tlds ?? [];
}

const LABEL_FUZZERS: Partial<Record<FuzzerName, f.LabelFuzzer>> = {
  addition: f.addition,
  bitsquatting: f.bitsquatting,
  cyrillic: f.cyrillic,
  homoglyph: f.homoglyph,
  hyphenation: f.hyphenation,
  insertion: f.insertion,
  omission: f.omission,
  plural: f.plural,
  repetition: f.repetition,
  replacement: f.replacement,
  subdomain: f.subdomain,
  transposition: f.transposition,
  'vowel-swap': f.vowelSwap,
  dictionary: f.dictionary,
  combosquatting: f.combosquatting,
};

/** dnstwist's `various`: suffix tricks (`example.uk` for `example.co.uk`, `examplecom.com`...). */
function various(sub: string, domain: string, tld: string): string[] {
  const out: string[] = [];
  if (tld.includes('.')) {
    out.push(joinDomain(sub, domain, tld.split('.').at(-1)!), joinDomain(sub, domain + tld));
  } else {
    out.push(joinDomain(sub, domain + tld, tld));
    if (tld !== 'com')
      out.push(joinDomain(sub, `${domain}-${tld}`, 'com'), joinDomain(sub, domain + tld, 'com'));
  }
  if (sub) {
    out.push(
      [sub + domain, tld].join('.'),
      [sub.replaceAll('.', '') + domain, tld].join('.'),
      [`${sub}-${domain}`, tld].join('.'),
      [`${sub.replaceAll('.', '-')}-${domain}`, tld].join('.'),
    );
  }
  return out;
}

function cleanWords(words: readonly string[] | undefined): string[] {
  return (words ?? [])
    .slice(0, MAX_WORDS)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && w.length <= 63);
}

/**
 * dnstwist's `Fuzzer.generate()` + `permutations()`: every variant of the registrable label,
 * converted to punycode, invalid names dropped, each domain listed once under the first fuzzer that
 * produced it, sorted by fuzzer then domain. Throws VALIDATION on an invalid domain.
 */
export function generatePermutations(input: string, options: PermuteOptions = {}): PermuteResult {
  const { subdomain: sub, domain, tld } = splitDomain(input);
  const limit = options.limit ?? DEFAULT_LIMIT;
  const fuzzers = options.fuzzers ?? ['*original', ...FUZZERS];
  const head = sub ? `${sub}.` : '';
  const tail = `.${tld}`;
  const fixedLength = head.length + tail.length;
  // Most variants differ only in the registrable label, so they are keyed by that label alone and
  // joined with the (ASCII, already valid) subdomain and suffix once at the end.
  const byLabel = new Map<string, PermutationFuzzer>();
  const byName = new Map<string, PermutationFuzzer>();
  let truncated = false;
  const full = (): boolean => {
    if (byLabel.size + byName.size < limit) return false;
    truncated = true;
    return true;
  };
  const addLabel = (fuzzer: PermutationFuzzer, label: string): void => {
    // Longer than a label can be, even before punycode makes it longer: skip the encoding work.
    if (label.length > 63 && !label.includes('.')) return;
    const ascii = label.includes('.') ? toAsciiDomain(label) : labelToAscii(label);
    if (ascii === undefined || byLabel.has(ascii) || full()) return;
    const length = fixedLength + ascii.length;
    if (length < 4 || length > MAX_DOMAIN_LENGTH || !isValidLeftPart(ascii)) return;
    byLabel.set(ascii, fuzzer);
  };
  const addName = (fuzzer: PermutationFuzzer, name: string): void => {
    const ascii = toAsciiDomain(name);
    if (ascii === undefined || byName.has(ascii) || !isValidFqdn(ascii) || full()) return;
    if (ascii.startsWith(head) && ascii.endsWith(tail) && byLabel.has(ascii.slice(head.length, -tail.length)))
      return;
    byName.set(ascii, fuzzer);
  };

  if (fuzzers.includes('*original')) addLabel('*original', domain);
  const ctx: f.FuzzContext = {
    label: makeLabel(domain),
    tld,
    glyphs: glyphsForTld(tld),
    legacyGlyphs: options.legacyHomoglyphs === false ? undefined : legacyGlyphs,
    dictionary: cleanWords(options.dictionary),
    combosquatWords: options.combosquatWords ? cleanWords(options.combosquatWords) : defaultCombosquatWords,
    cap: limit,
    incomplete: false,
  };
  // dnstwist runs the label fuzzers in the order given, then tld-swap, then various.
  const ordered = [
    ...fuzzers.filter((n) => n !== 'tld-swap' && n !== 'various'),
    ...fuzzers.filter((n) => n === 'tld-swap'),
    ...fuzzers.filter((n) => n === 'various'),
  ];
  for (const name of ordered) {
    if (name === '*original') continue;
    if (name === 'tld-swap') {
      for (const t of new Set(cleanWords(options.tlds)))
        if (t !== tld) addName(name, joinDomain(sub, domain, t));
    } else if (name === 'various') {
      for (const d of various(sub, domain, tld)) addName(name, d);
    } else {
      const fuzz = LABEL_FUZZERS[name];
      if (fuzz) for (const label of fuzz(ctx)) addLabel(name, label);
    }
  }
  truncated ||= ctx.incomplete;
  return { permutations: sortLikeDnstwist(byLabel, byName, head, tail, options.unicode ?? false), truncated };
}

/**
 * dnstwist sorts on the string fuzzer + domain. No fuzzer name is a prefix of another, so that is
 * fuzzer name first, then domain: we sort each fuzzer's domains on their own, without building keys.
 */
function sortLikeDnstwist(
  byLabel: ReadonlyMap<string, PermutationFuzzer>,
  byName: ReadonlyMap<string, PermutationFuzzer>,
  head: string,
  tail: string,
  unicode: boolean,
): Permutation[] {
  const groups = new Map<PermutationFuzzer, string[]>();
  const push = (fuzzer: PermutationFuzzer, name: string): void => {
    const domain = unicode ? toUnicodeDomain(name) : name;
    const list = groups.get(fuzzer);
    if (list) list.push(domain);
    else groups.set(fuzzer, [domain]);
  };
  for (const [label, fuzzer] of byLabel) push(fuzzer, head + label + tail);
  for (const [name, fuzzer] of byName) push(fuzzer, name);
  const out: Permutation[] = [];
  for (const fuzzer of [...groups.keys()].sort()) {
    for (const domain of groups.get(fuzzer)!.sort()) out.push({ fuzzer, domain });
  }
  return out;
}

/** The permutations of `domain` (see `generatePermutations`). */
export function permute(domain: string, options: PermuteOptions = {}): Permutation[] {
  return generatePermutations(domain, options).permutations;
}

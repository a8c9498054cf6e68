/**
 * The dnstwist fuzzers, one function each, ported from elceef/dnstwist `Fuzzer` (Apache-2.0). Each
 * returns the fuzzed registrable labels; `permute` joins them with the subdomain and suffix.
 */
import { homoglyphs } from './homoglyph.js';
import type { Label } from './label.js';
import { type GlyphMap, keyboards, latinToCyrillic } from './tables.js';

export interface FuzzContext {
  label: Label;
  tld: string;
  glyphs: GlyphMap;
  /** dnstwist 20221213 glyphs, when its homoglyphs must be included too. */
  legacyGlyphs: GlyphMap | undefined;
  dictionary: readonly string[];
  combosquatWords: readonly string[];
  /** Work bound for the homoglyph fuzzer; it sets `incomplete` when it stops early. */
  cap: number;
  incomplete: boolean;
}

export type LabelFuzzer = (ctx: FuzzContext) => Iterable<string>;

const BIT_MASKS = [1, 2, 4, 8, 16, 32, 64, 128];
const BIT_CHARS = new Set('abcdefghijklmnopqrstuvwxyz0123456789-');
const ADDITION_CHARS = [...'0123456789abcdefghijklmnopqrstuvwxyz'];
const VOWELS = 'aeiou';

function neighbours(c: string): string[] {
  const out: string[] = [];
  for (const layout of keyboards) {
    const keys = layout[c];
    if (keys) for (const k of keys) out.push(k);
  }
  return out;
}

export function addition({ label }: FuzzContext): Set<string> {
  const out = new Set<string>();
  const { text } = label;
  if (text.includes('-')) {
    const parts = text.split('-');
    for (const c of ADDITION_CHARS) {
      for (let p = 1; p < parts.length; p++) {
        out.add(`${parts.slice(0, p).join('-')}${c}-${parts.slice(p).join('-')}`);
      }
    }
  }
  for (const c of ADDITION_CHARS) out.add(text + c);
  return out;
}

export function bitsquatting({ label }: FuzzContext): string[] {
  const out: string[] = [];
  const { chars, pre, post } = label;
  for (let i = 0; i < chars.length; i++) {
    const code = chars[i]!.codePointAt(0)!;
    for (const mask of BIT_MASKS) {
      const b = String.fromCodePoint(code ^ mask);
      if (BIT_CHARS.has(b)) out.push(pre(i) + b + post(i + 1));
    }
  }
  return out;
}

/** All letters swapped for Cyrillic twins, only when every character has one. */
export function cyrillic({ label }: FuzzContext): string[] {
  let out = '';
  for (const c of label.chars) {
    const twin = latinToCyrillic.get(c);
    if (twin === undefined) return [];
    out += twin;
  }
  return [out];
}

export function homoglyph(ctx: FuzzContext): Set<string> {
  const { variants, complete } = homoglyphs(ctx.label, ctx.glyphs, ctx.legacyGlyphs, ctx.cap);
  if (!complete) ctx.incomplete = true;
  return variants;
}

export function hyphenation({ label }: FuzzContext): string[] {
  const out: string[] = [];
  for (let i = 1; i < label.chars.length; i++) out.push(`${label.pre(i)}-${label.post(i)}`);
  return out;
}

export function insertion({ label }: FuzzContext): string[] {
  const out: string[] = [];
  const { chars, pre, post } = label;
  for (let i = 0; i < chars.length - 1; i++) {
    const c = chars[i]!;
    for (const k of neighbours(c)) {
      out.push(pre(i) + k + c + post(i + 1), pre(i) + c + k + post(i + 1));
    }
  }
  return out;
}

export function omission({ label }: FuzzContext): string[] {
  const out: string[] = [];
  for (let i = 0; i < label.chars.length; i++) out.push(label.pre(i) + label.post(i + 1));
  return out;
}

export function plural({ label }: FuzzContext): string[] {
  const out: string[] = [];
  const { chars, pre, post } = label;
  for (let i = 2; i < chars.length - 2; i++) {
    const c = chars[i]!;
    out.push(pre(i + 1) + (c === 's' || c === 'x' || c === 'z' ? 'es' : 's') + post(i + 1));
  }
  return out;
}

export function repetition({ label }: FuzzContext): string[] {
  const out: string[] = [];
  for (let i = 0; i < label.chars.length; i++) out.push(label.pre(i) + label.chars[i]! + label.post(i));
  return out;
}

export function replacement({ label }: FuzzContext): string[] {
  const out: string[] = [];
  const { chars, pre, post } = label;
  for (let i = 0; i < chars.length; i++) {
    for (const k of neighbours(chars[i]!)) out.push(pre(i) + k + post(i + 1));
  }
  return out;
}

export function subdomain({ label }: FuzzContext): string[] {
  const out: string[] = [];
  const { chars, pre, post } = label;
  for (let i = 1; i < chars.length - 1; i++) {
    const c = chars[i]!;
    const before = chars[i - 1]!;
    if (c !== '-' && c !== '.' && before !== '-' && before !== '.') out.push(`${pre(i)}.${post(i)}`);
  }
  return out;
}

export function transposition({ label }: FuzzContext): string[] {
  const out: string[] = [];
  const { chars, pre, post } = label;
  for (let i = 0; i < chars.length - 1; i++) out.push(pre(i) + chars[i + 1]! + chars[i]! + post(i + 2));
  return out;
}

export function vowelSwap({ label }: FuzzContext): string[] {
  const out: string[] = [];
  const { chars, pre, post } = label;
  for (let i = 0; i < chars.length; i++) {
    if (!VOWELS.includes(chars[i]!)) continue;
    for (const v of VOWELS) out.push(pre(i) + v + post(i + 1));
  }
  return out;
}

/** dnstwist's dictionary fuzzer; combosquatting below reuses it with our own word list. */
function withWords(text: string, words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    if (!(text.startsWith(word) && text.endsWith(word))) {
      out
        .add(`${text}-${word}`)
        .add(text + word)
        .add(`${word}-${text}`)
        .add(word + text);
    }
  }
  if (text.includes('-')) {
    const parts = text.split('-');
    const head = parts.slice(0, -1).join('-');
    const tail = parts.slice(1).join('-');
    for (const word of words) out.add(`${head}-${word}`).add(`${word}-${tail}`);
  }
  return out;
}

export function dictionary({ label, dictionary: words }: FuzzContext): Set<string> {
  return withWords(label.text, words);
}

/** Not in dnstwist: brand + marketing word ("paypal-login", "connexion-vigie"). */
export function combosquatting({ label, combosquatWords }: FuzzContext): Set<string> {
  return withWords(label.text, combosquatWords);
}

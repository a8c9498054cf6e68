import tables from '../data/dnstwist-tables.json' with { type: 'json' };

/** Keyboard neighbours (qwerty, qwertz, azerty), in dnstwist's order. */
export const keyboards: readonly Readonly<Record<string, string>>[] = [
  tables.keyboards.layouts.qwerty,
  tables.keyboards.layouts.qwertz,
  tables.keyboards.layouts.azerty,
];

export const latinToCyrillic: ReadonlyMap<string, string> = new Map(
  Object.entries(tables.latinToCyrillic.map),
);

export type GlyphMap = ReadonlyMap<string, readonly string[]>;

function toMap(record: Record<string, readonly string[]>): GlyphMap {
  return new Map(Object.entries(record));
}

/** dnstwist's `md`: the union of two glyph tables, key by key. */
function mergeGlyphs(a: GlyphMap, b: GlyphMap): GlyphMap {
  const out = new Map<string, string[]>();
  for (const source of [a, b]) {
    for (const [key, glyphs] of source) {
      const list = out.get(key) ?? [];
      for (const g of glyphs) if (!list.includes(g)) list.push(g);
      out.set(key, list);
    }
  }
  return out;
}

const ascii = toMap(tables.glyphsAscii.map);
const unicodeGlyphs = toMap(tables.glyphsUnicode.map);
const byTld = new Map<string, GlyphMap>();
for (const group of tables.glyphsIdnByTld) {
  const merged = mergeGlyphs(ascii, toMap(group.map as Record<string, string[]>));
  for (const tld of group.tlds) byTld.set(tld, merged);
}
const defaultGlyphs = mergeGlyphs(ascii, unicodeGlyphs);

/**
 * Glyphs for the current dnstwist homoglyph fuzzer: ASCII lookalikes plus the Unicode letters the
 * suffix's registry accepts (none for `.uk`, `.cz`...), or the general Unicode table for other suffixes.
 */
export function glyphsForTld(tld: string): GlyphMap {
  return byTld.get(tld) ?? defaultGlyphs;
}

/** The single table of dnstwist 20221213 (Debian's package), kept so our output contains its output. */
export const legacyGlyphs: GlyphMap = toMap(tables.glyphsLegacy.map);

import { type Label, makeLabel } from './label.js';
import type { GlyphMap } from './tables.js';

/**
 * One pass of dnstwist's current `mix`: every single character, then every two-character window
 * where the first character, the second, or the pair (`rn`, `cl`, `ae`...) is swapped for a glyph.
 * `win.replace(c, g)` replaces every occurrence inside the window, so `oo` -> `00` is produced too.
 */
function mixCurrent(label: Label, glyphs: GlyphMap, out: Set<string>): void {
  const n = label.length;
  for (let i = 0; i < n; i++) {
    const list = glyphs.get(label.at(i));
    if (list) for (const g of list) out.add(label.pre(i) + g + label.post(i + 1));
  }
  // Pair windows: replacing only the first or only the second character of a pair repeats a
  // single-character variant above, so only a doubled letter (`oo` -> `00`) and two-letter keys
  // (`rn` -> `m`) can add anything; the rest of dnstwist's loop is skipped, not changed.
  for (let i = 0; i < n - 1; i++) {
    const a = label.at(i);
    const b = label.at(i + 1);
    if (a === b) {
      const list = glyphs.get(a);
      if (list) for (const g of list) out.add(label.pre(i) + g + g + label.post(i + 2));
    }
    const list = glyphs.get(a + b);
    if (list) for (const g of list) out.add(label.pre(i) + g + label.post(i + 2));
  }
}

/**
 * One pass of dnstwist 20221213's `mix`: for every window of width 1..n-1 and every distinct
 * character c in it, all occurrences of c inside the window become glyph g. The distinct outputs are
 * exactly "a contiguous run of c's occurrences replaced", as long as the run fits a window shorter
 * than the label, so we enumerate runs instead of windows (the Python loop makes ~n^2 duplicates).
 */
function mixLegacy(label: Label, glyphs: GlyphMap, out: Set<string>): void {
  const n = label.length;
  const text = label.text;
  const bmp = n === text.length;
  const positions: number[] = [];
  for (const [c, list] of glyphs) {
    // Positions of c, in code points (the text's own indices when it has no surrogate pairs).
    positions.length = 0;
    if (bmp) {
      for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) positions.push(i);
    } else {
      for (let i = 0; i < n; i++) if (label.at(i) === c) positions.push(i);
    }
    for (let a = 0; a < positions.length; a++) {
      for (let b = a; b < positions.length; b++) {
        const start = positions[a]!;
        const end = positions[b]!;
        if (end - start + 1 > n - 1) continue;
        // Every occurrence of c between start and end belongs to the run, so replaceAll is exact.
        const before = label.pre(start);
        const run = label.slice(start, end + 1);
        const after = label.post(end + 1);
        for (const g of list) out.add(before + run.replaceAll(c, g) + after);
      }
    }
  }
}

/** Returns false when `cap` stopped it: a long label of one repeated letter explodes otherwise. */
function twoPasses(
  label: Label,
  glyphs: GlyphMap,
  mix: (l: Label, g: GlyphMap, o: Set<string>) => void,
  out: Set<string>,
  cap: number,
): boolean {
  const first = new Set<string>();
  mix(label, glyphs, first);
  for (const variant of first) {
    if (out.size >= cap) return false;
    out.add(variant);
    mix(makeLabel(variant), glyphs, out);
  }
  return true;
}

/**
 * dnstwist's homoglyph fuzzer: two rounds of substitution. We run both the current algorithm (with
 * its per-registry glyph tables) and the 20221213 one (Debian's package), so our set contains what
 * either version produces. Generation stops near `cap` variants; `complete` says whether it did.
 */
export function homoglyphs(
  label: Label,
  glyphs: GlyphMap,
  legacy: GlyphMap | undefined,
  cap = Number.POSITIVE_INFINITY,
): { variants: Set<string>; complete: boolean } {
  const out = new Set<string>();
  let complete = twoPasses(label, glyphs, mixCurrent, out, cap);
  if (legacy && complete) complete = twoPasses(label, legacy, mixLegacy, out, cap);
  return { variants: out, complete };
}

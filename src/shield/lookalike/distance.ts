const MAX_LENGTH = 256;
const WIDTH = MAX_LENGTH + 2;
const SURROGATE = /[\uD800-\uDFFF]/;

// Reused between calls (the matcher runs thousands of times a second): the DP matrix, and the last
// row where each UTF-16 unit was seen, reset after each call for the units it touched.
const matrix = new Uint16Array(WIDTH * WIDTH);
const lastRow = new Int32Array(0x10000);

/**
 * Both strings as 16-bit units, one per code point. Astral code points (rare in host names) get a
 * shared stand-in from the surrogate range, which no decoded code point can use.
 */
function toUnits(a: string, b: string): [number[], number[]] {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) {
    const one = (text: string): number[] => {
      const n = Math.min(text.length, MAX_LENGTH);
      const out: number[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i);
      return out;
    };
    return [one(a), one(b)];
  }
  const astral = new Map<number, number>();
  const one = (text: string): number[] => {
    const out: number[] = [];
    for (const c of text) {
      let cp = c.codePointAt(0)!;
      if (cp >= 0x10000) {
        if (!astral.has(cp)) astral.set(cp, 0xd800 + (astral.size % 0x800));
        cp = astral.get(cp)!;
      }
      out.push(cp);
      if (out.length >= MAX_LENGTH) break;
    }
    return out;
  };
  return [one(a), one(b)];
}

/**
 * True (unrestricted) Damerau-Levenshtein distance (Lowrance-Wagner): insertions, deletions,
 * substitutions and transpositions of adjacent characters, each costing 1, counted on code points.
 * Inputs are cut at 256 code points, which bounds the work to 65 536 cells.
 */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const [s, t] = toUnits(a, b);
  const n = s.length;
  const m = t.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const d = matrix;
  const w = m + 2;
  const inf = n + m;
  d[0] = inf;
  for (let i = 0; i <= n; i++) {
    d[(i + 1) * w] = inf;
    d[(i + 1) * w + 1] = i;
  }
  for (let j = 0; j <= m; j++) {
    d[j + 1] = inf;
    d[w + j + 1] = j;
  }
  for (let i = 1; i <= n; i++) {
    let lastMatchCol = 0;
    const si = s[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const tj = t[j - 1]!;
      const i1 = lastRow[tj]!;
      const j1 = lastMatchCol;
      let cost = 1;
      if (si === tj) {
        cost = 0;
        lastMatchCol = j;
      }
      const sub = d[i * w + j]! + cost;
      const ins = d[(i + 1) * w + j]! + 1;
      const del = d[i * w + j + 1]! + 1;
      const trans = d[i1 * w + j1]! + (i - i1 - 1) + 1 + (j - j1 - 1);
      d[(i + 1) * w + j + 1] = Math.min(sub, ins, del, trans);
    }
    lastRow[si] = i;
  }
  const result = d[(n + 1) * w + m + 1]!;
  for (const u of s) lastRow[u] = 0;
  return result;
}

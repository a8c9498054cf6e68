/**
 * The folded view of a text that injection phrases are matched against: lower case, accents removed,
 * confusable letters (Cyrillic а, Greek ο, fullwidth ｇ, mathematical 𝐢...) replaced by their Latin
 * look-alike (the `confusables` package's table), invisible characters dropped, white space collapsed,
 * typographic quotes made plain. `start[i]`/`end[i]` give the original UTF-16 span of folded char i, so a
 * match in the view maps back to exact offsets in the scanned text.
 */
import { confusablesMap } from 'confusables';

export interface FoldedView {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

// Zero-width characters, bidi controls, soft hyphen, variation selectors, Unicode tags: dropped.
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xe0000, 0xe01ef],
];

export function isInvisible(codePoint: number): boolean {
  return INVISIBLE_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

// Where the confusables table is wrong for matching words (it maps ß to B, leaves quotes alone).
// The lower-case form is looked up first: upper-case Cyrillic І is listed as a look-alike of l.
const OVERRIDES: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '`': "'",
  '´': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  ı: 'i',
};

const cache = new Map<string, string>();

/** The folded form of one non-ASCII code point ('' when invisible). */
export function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out: string;
  if (isInvisible(ch.codePointAt(0) ?? 0)) out = '';
  else if (/\s/u.test(ch)) out = ' ';
  else {
    const lower = ch.toLowerCase();
    out =
      OVERRIDES[ch] ??
      OVERRIDES[lower] ??
      confusablesMap.get(lower) ??
      confusablesMap.get(ch) ??
      lower.normalize('NFKD').replace(/\p{M}/gu, '');
    out = out.toLowerCase().slice(0, 3); // some compatibility forms expand to a dozen letters
  }
  if (cache.size < 20_000) cache.set(ch, out);
  return out;
}

export function fold(text: string): FoldedView {
  // Typed buffers with an ASCII fast path: this runs on every scanned text, so it must stay cheap.
  let cap = text.length + 16;
  let out = new Uint16Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let n = 0;
  let lastSpace = true; // also trims leading white space
  const push = (code: number, from: number, to: number) => {
    if (code === 32) {
      if (lastSpace) return;
      lastSpace = true;
    } else lastSpace = false;
    if (n === cap) {
      cap *= 2;
      const o = new Uint16Array(cap);
      o.set(out);
      out = o;
      const s2 = new Int32Array(cap);
      s2.set(start);
      start = s2;
      const e2 = new Int32Array(cap);
      e2.set(end);
      end = e2;
    }
    out[n] = code;
    start[n] = from;
    end[n] = to;
    n++;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) push(32, i, i + 1);
      else if (code >= 65 && code <= 90) push(code + 32, i, i + 1);
      else push(code, i, i + 1);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(String.fromCodePoint(cp));
    for (let k = 0; k < folded.length; k++) push(folded.charCodeAt(k), i, i + width);
    i += width;
  }
  let folded = '';
  for (let k = 0; k < n; k += 8192) {
    folded += String.fromCharCode(...out.subarray(k, Math.min(n, k + 8192)));
  }
  return { text: folded, start: start.subarray(0, n), end: end.subarray(0, n) };
}

/** Original span of the folded range [from, to). */
export function originalSpan(view: FoldedView, from: number, to: number): { start: number; end: number } {
  return { start: view.start[from] ?? 0, end: view.end[Math.max(from, to - 1)] ?? 0 };
}

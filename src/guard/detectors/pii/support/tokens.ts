/** Word tokens with offsets, and runs of capitalised words that may be a name or a place. */

export interface Token {
  text: string;
  /** `text` in lower case, computed once. */
  lower: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  cap: boolean;
  /** A single capital letter, optionally followed by a dot in the text ("P." or "P"). */
  initial: boolean;
  /** Every letter is a capital (DUPONT). */
  upper: boolean;
}

// Letters, then letters, marks, apostrophes or hyphens; bounded, single quantifier.
const WORD = /[\p{L}][\p{L}\p{M}'’-]{0,39}/gu;
const UPPER_FIRST = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

function isApostropheOrHyphen(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let word = m[0];
    // Possessives and trailing apostrophes or hyphens: "Jean's" -> "Jean" (no regex: this is hot).
    let n = word.length;
    if (n > 2 && (word[n - 1] === 's' || word[n - 1] === 'S') && (word[n - 2] === "'" || word[n - 2] === '’'))
      n -= 2;
    while (n > 0 && isApostropheOrHyphen(word.charCodeAt(n - 1))) n--;
    if (n === 0) continue;
    if (n !== word.length) word = word.slice(0, n);
    const c = word.charCodeAt(0);
    const cap = c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(word);
    const lowerWord = word.toLowerCase();
    tokens.push({
      text: word,
      lower: lowerWord,
      start: m.index,
      end: m.index + n,
      cap,
      initial: cap && n === 1,
      upper: cap && n > 1 && lowerWord !== word && !HAS_LOWER.test(word),
    });
  }
  return tokens;
}

/** Title-cases a lower- or upper-case word for lexicon look-ups that are case-insensitive anyway. */
export function lower(t: Token): string {
  return t.lower;
}

/** What separates two tokens: a run of spaces, a dot after an initial, or anything else. */
export function gapKind(text: string, a: Token, b: Token): 'space' | 'initialDot' | 'newline' | 'other' {
  const gap = text.slice(a.end, b.start);
  if (gap === ' ' || gap === '\u00a0') return 'space';
  if (a.initial && (gap === '. ' || gap === '.')) return 'initialDot';
  if (/^[ \t]{0,3}\r?\n[ \t>]{0,6}$/.test(gap)) return 'newline';
  return 'other';
}

/** Index of the first token of each sentence or line, where capitals say little. */
export function sentenceStarts(text: string, tokens: Token[]): Set<number> {
  const starts = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const from = prev ? prev.end : 0;
    // Only the last few characters matter, which also bounds the regex's work.
    const tail = text.slice(Math.max(from, t.start - 8), t.start);
    if (!prev || /[.!?:;"“«(]\s{0,6}$|^\s{0,6}[-*•>]/.test(tail) || text.slice(from, t.start).includes('\n'))
      starts.add(i);
  }
  return starts;
}

/** The person, place and organisation detectors tokenise the same text: keep the last result. */
let cache: { text: string; tokens: Token[]; starts: Set<number> } | undefined;
export function tokensOf(text: string): { tokens: Token[]; starts: Set<number> } {
  if (cache?.text !== text) {
    const tokens = tokenize(text);
    cache = { text, tokens, starts: sentenceStarts(text, tokens) };
  }
  return cache;
}

/**
 * Splits text into sentences in one pass: a sentence ends at . ! ? … followed by a space or the end,
 * or at a line break. Abbreviations ("e.g. ") may split early; for claim checking that only makes a
 * sentence shorter. Very long runs are cut at MAX so later per-sentence work stays bounded.
 */
export interface Sentence {
  start: number;
  end: number;
}

const MAX = 2000;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 10 || c === 13;
}

/** The claim and inclusive-language detectors split the same text in one scan: keep the last result. */
let last: { text: string; sentences: readonly Sentence[] } | undefined;

export function splitSentences(text: string): readonly Sentence[] {
  if (last?.text !== text) last = { text, sentences: split(text) };
  return last.sentences;
}

function split(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) push(i + 1);
    else if (
      (c === 46 || c === 33 || c === 63 || c === 0x2026) &&
      (i + 1 === text.length || isSpace(text.charCodeAt(i + 1)))
    )
      push(i + 1);
    else if (i + 1 - start >= MAX) push(i + 1);
  }
  push(text.length);
  return out;
}

/**
 * Splits long text into pieces of at most `max` code units, cutting after a line break or a space
 * where one is near, so parsers that build a tree per call (retext) keep a bounded memory footprint.
 */
export interface Chunk {
  offset: number;
  text: string;
}

export function chunkText(text: string, max: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + max, text.length);
    if (end < text.length) {
      const window = text.slice(start, end);
      const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. '), window.lastIndexOf(' '));
      if (cut > max / 2) end = start + cut + 1;
      // Never split a surrogate pair: offsets stay valid and each half parses cleanly.
      else if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
    }
    chunks.push({ offset: start, text: text.slice(start, end) });
    start = end;
  }
  return chunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Paragraphs as retext sees them: separated by a run of white space holding two line breaks or more.
 * One pass; the separators are left out.
 */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 10) {
      i++;
      continue;
    }
    let j = i + 1;
    let breaks = 1;
    while (j < text.length && isSpaceCode(text.charCodeAt(j))) {
      if (text.charCodeAt(j) === 10) breaks++;
      j++;
    }
    if (breaks >= 2) {
      if (i > start) out.push({ start, end: i });
      start = j;
    }
    i = j;
  }
  if (text.length > start) out.push({ start, end: text.length });
  return out;
}

function isSpaceCode(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9 || c === 0xa0;
}

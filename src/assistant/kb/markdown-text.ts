/**
 * Just enough Markdown to turn an article body into plain blocks for retrieval and quoting: headings,
 * paragraphs, lists, quotes, tables and code. HTML and comments are dropped, so what an answer can
 * quote is only what a reader of the rendered article sees. (A full Markdown parser would be heavier
 * than the job: help articles use the common subset.)
 */
export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'text'; text: string };

// The closing `#`s of a heading are trimmed in code: a lazy group before `[ \t#]*$` backtracks
// quadratically on a long run of `#`.
const HEADING = /^(#{1,6})[ \t]+(.*)$/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;
const LIST_MARKER = /^[ \t]{0,8}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const TABLE_RULE = /^[ \t]{0,20}\|?[ \t]{0,20}:?-{3}/;
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]\n]{1,200}\]:[ \t]*\S/;

/** Removes `<!-- ... -->` comments (an unclosed one runs to the end, as in a browser). */
export function stripComments(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open < 0) return out + text.slice(at);
    out += text.slice(at, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
}

/** `## Title ##` -> `Title`: trailing spaces, tabs and hashes go. */
function trimClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t#'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Inline Markdown and HTML to plain text. */
export function inlineText(line: string): string {
  return line
    .replace(/<[^<>\n]{0,200}>/g, '')
    .replace(/!\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)/g, '$1')
    .replace(/\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)/g, '$1')
    .replace(/\[([^\]\n]{0,200})\]\[[^\]\n]{0,100}\]/g, '$1')
    .replace(/(\*{1,3}|_{2,3}|`+|~~)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function tableRow(line: string): string {
  return line
    .split('|')
    .map((cell) => inlineText(cell))
    .filter(Boolean)
    .join(' — ');
}

/** The body's blocks in order; consecutive text lines form one block, list items keep a line each. */
export function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text) blocks.push({ kind: 'text', text });
    lines = [];
  };
  for (const rawLine of stripComments(body).split(/\r?\n/)) {
    if (FENCE.test(rawLine)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (rawLine.trim()) lines.push(rawLine.trim());
      continue;
    }
    const heading = HEADING.exec(rawLine);
    if (heading) {
      flush();
      const text = inlineText(trimClosingHashes(heading[2] ?? ''));
      if (text) blocks.push({ kind: 'heading', level: heading[1]!.length, text });
      continue;
    }
    if (!rawLine.trim()) {
      flush();
      continue;
    }
    if (LINK_DEFINITION.test(rawLine) || (TABLE_RULE.test(rawLine) && rawLine.includes('-'))) continue;
    let line = rawLine.replace(/^[ \t]{0,3}(?:>[ \t]?){1,10}/, '');
    const isItem = LIST_MARKER.test(line);
    line = line.replace(LIST_MARKER, '');
    const text = line.includes('|') && line.trim().startsWith('|') ? tableRow(line) : inlineText(line);
    if (!text) continue;
    // A list item or table row is its own line; wrapped paragraph lines join with a space.
    if (isItem || rawLine.trim().startsWith('|') || lines.length === 0) lines.push(text);
    else lines[lines.length - 1] += ` ${text}`;
  }
  flush();
  return blocks;
}

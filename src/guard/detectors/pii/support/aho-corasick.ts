/**
 * Aho-Corasick multi-pattern matcher over UTF-16 code units, so offsets are the text's own.
 * Hand-written (about 80 lines) because the npm implementations fold case on whole strings, which
 * can change the length of a string ("İ" lowercases to two code units) and shift every offset:
 * here each code unit is folded on its own and keeps its place.
 */

/** Case-folds one UTF-16 code unit, keeping it when folding would change the length. */
export function foldUnit(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Indexes of the patterns that end here, through the failure chain too. */
  out: number[];
  depth: number;
}

export interface AcMatch {
  start: number;
  end: number;
  pattern: number;
}

export class AhoCorasick {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [], depth: 0 }];
  readonly patternLengths: number[] = [];

  constructor(
    patterns: readonly string[],
    private readonly caseInsensitive = true,
  ) {
    for (const [i, p] of patterns.entries()) this.add(p, i);
    this.link();
  }

  private unit(s: string, i: number): number {
    const c = s.charCodeAt(i);
    return this.caseInsensitive ? foldUnit(c) : c;
  }

  private add(pattern: string, index: number): void {
    this.patternLengths[index] = pattern.length;
    if (pattern.length === 0) return;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = this.unit(pattern, i);
      let to = this.nodes[state]!.next.get(c);
      if (to === undefined) {
        to = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [], depth: i + 1 });
        this.nodes[state]!.next.set(c, to);
      }
      state = to;
    }
    this.nodes[state]!.out.push(index);
  }

  /** Breadth-first construction of failure links (the classic algorithm). */
  private link(): void {
    const queue: number[] = [];
    for (const to of this.nodes[0]!.next.values()) queue.push(to);
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      const node = this.nodes[s]!;
      for (const [c, to] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(c);
        const fail = target !== undefined && target !== to ? target : 0;
        const child = this.nodes[to]!;
        child.fail = fail;
        child.out.push(...this.nodes[fail]!.out);
        queue.push(to);
      }
    }
  }

  /** Every occurrence of every pattern, in order of end offset; linear in text plus matches. */
  findAll(text: string): AcMatch[] {
    const found: AcMatch[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = this.unit(text, i);
      while (state !== 0 && !this.nodes[state]!.next.has(c)) state = this.nodes[state]!.fail;
      state = this.nodes[state]!.next.get(c) ?? 0;
      for (const p of this.nodes[state]!.out) {
        found.push({ start: i + 1 - this.patternLengths[p]!, end: i + 1, pattern: p });
      }
    }
    return found;
  }
}

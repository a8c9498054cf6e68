/**
 * A label cut into code points (Python indexes strings by code point; so do we), with `pre(i)` =
 * chars[0..i) and `post(i)` = chars[i..n) so a fuzzer builds each variant with two concatenations.
 * Labels without surrogate pairs (nearly all) index the string itself and use slices, which V8
 * makes cheaply; the homoglyph fuzzer builds tens of thousands of them.
 */
export interface Label {
  readonly text: string;
  /** Number of code points. */
  readonly length: number;
  readonly chars: readonly string[];
  // Bound functions (fuzzers destructure them).
  readonly at: (i: number) => string;
  readonly pre: (i: number) => string;
  readonly post: (i: number) => string;
  /** chars[a..b) joined. */
  readonly slice: (a: number, b: number) => string;
}

const SURROGATE = /[\uD800-\uDFFF]/;

class BmpLabel implements Label {
  readonly text: string;
  readonly length: number;
  #chars: string[] | undefined;
  constructor(text: string) {
    this.text = text;
    this.length = text.length;
  }
  get chars(): readonly string[] {
    this.#chars ??= this.text.split('');
    return this.#chars;
  }
  at = (i: number): string => this.text[i]!;
  pre = (i: number): string => this.text.slice(0, i);
  post = (i: number): string => this.text.slice(i);
  slice = (a: number, b: number): string => this.text.slice(a, b);
}

class AstralLabel implements Label {
  readonly text: string;
  readonly length: number;
  readonly chars: readonly string[];
  constructor(text: string) {
    this.text = text;
    this.chars = Array.from(text);
    this.length = this.chars.length;
  }
  at = (i: number): string => this.chars[i]!;
  pre = (i: number): string => this.chars.slice(0, i).join('');
  post = (i: number): string => this.chars.slice(i).join('');
  slice = (a: number, b: number): string => this.chars.slice(a, b).join('');
}

export function makeLabel(text: string): Label {
  return SURROGATE.test(text) ? new AstralLabel(text) : new BmpLabel(text);
}

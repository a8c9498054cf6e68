/** Small text helpers shared by the PII detectors: word boundaries, context windows, confidence. */

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD_CHAR.test(ch);
}

/** True when [start, end) is not glued to letters or digits on either side. */
export function onWordBoundary(text: string, start: number, end: number): boolean {
  return !isWordChar(text[start - 1]) && !isWordChar(text[end]);
}

/** Lower-cased text before `start`, at most `size` code units, cut at a blank line. */
export function before(text: string, start: number, size = 48): string {
  const w = text.slice(Math.max(0, start - size), start);
  const cut = w.lastIndexOf('\n\n');
  return (cut >= 0 ? w.slice(cut + 2) : w).toLowerCase();
}

export function after(text: string, end: number, size = 32): string {
  return text.slice(end, end + size).toLowerCase();
}

export interface ContextWords {
  /** Words that make the match more likely to be the entity ("iban", "tél", "born"). */
  raise?: readonly string[];
  /** Words that make it less likely ("version", "order number"). */
  lower?: readonly string[];
  /** Look for `lower` words only before the match (labels come before values). */
  lowerBeforeOnly?: boolean;
}

/** Base confidence moved up or down by words seen around the match, clamped to [0.05, 1]. */
export function contextConfidence(
  text: string,
  start: number,
  end: number,
  base: number,
  words: ContextWords,
  window = 48,
): number {
  const left = before(text, start, window);
  const around = `${left} ${after(text, end, Math.min(window, 24))}`;
  let c = base;
  if (words.raise?.some((w) => around.includes(w))) c += (1 - c) * 0.6;
  const lowerIn = words.lowerBeforeOnly ? left : around;
  if (words.lower?.some((w) => lowerIn.includes(w))) c *= 0.5;
  return Math.round(Math.min(1, Math.max(0.05, c)) * 100) / 100;
}

/** Keeps only ASCII digits. */
export function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** Luhn (mod 10) checksum, used by payment cards, SIREN and SIRET. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Iterates a global regex's matches without building the whole array. */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

/** Bounds of the line around `at`, looking at most `max` characters each way (-1 when farther). */
export function lineAround(text: string, at: number, max = 200): { start: number; end: number } {
  const back = text.slice(Math.max(0, at - max), at).lastIndexOf('\n');
  const start = back >= 0 ? Math.max(0, at - max) + back + 1 : at - max <= 0 ? 0 : -1;
  const fwd = text.slice(at, at + max).indexOf('\n');
  const end = fwd >= 0 ? at + fwd : at + max >= text.length ? text.length : -1;
  return { start, end };
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/g;

/** Lower case, accents removed, anything but letters and digits turned into single spaces, padded. */
export function normaliseForMatching(text: string): string {
  // Invisible characters are dropped first, so "Pay\u200BPal" still reads PayPal.
  return ` ${text
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

export function countInvisible(text: string): number {
  return text.match(INVISIBLE)?.length ?? 0;
}

/** Parsers for `--dictionary FILE` and `--tld FILE`, with dnstwist's filters. */

const MAX_LINES = 10_000;
const TLD = /^[a-z0-9-]{2,63}(\.[a-z0-9-]{2,63})?$/;
const WORD = /^[\p{L}\p{N}]{1,63}$/u;

function lines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/, MAX_LINES).map((l) => l.trim()))];
}

/** Dictionary words: alphanumeric lines (Python's `str.isalnum`), lower-cased, deduplicated. */
export function parseDictionary(text: string): string[] {
  return lines(text)
    .filter((l) => WORD.test(l))
    .map((l) => l.toLowerCase());
}

/** Suffixes: lines shaped like `com` or `co.uk`, as dnstwist's `--tld` reader accepts them. */
export function parseTldList(text: string): string[] {
  return lines(text).filter((l) => TLD.test(l));
}

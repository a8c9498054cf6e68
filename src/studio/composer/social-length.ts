/**
 * How each platform counts a post's length. X weighs characters as twitter-text's v3 configuration
 * does (most Latin, Greek and Cyrillic text counts 1, other characters and emoji 2) and counts every
 * URL as 23 whatever its length; Mastodon counts code points and URLs as 23. Hand-written because the
 * twitter-text package pulls in core-js 2 polyfills for four rules.
 */
import type { Platform } from '../brief.js';

export const PLATFORM_LIMITS: Record<Platform, number> = {
  x: 280,
  mastodon: 500,
  linkedin: 3000,
  instagram: 2200,
};

export const URL_WEIGHT = 23;

// Bounded, no nested quantifiers: a scheme then up to 2000 non-space characters.
const URL_PATTERN = /https?:\/\/[^\s<>"]{1,2000}/g;

/** twitter-text v3: code points in these ranges weigh 1, every other one 2. */
const LIGHT_RANGES: Array<[number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function weightOf(cp: number): number {
  return LIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
}

function countWith(text: string, perChar: (cp: number) => number): number {
  let length = 0;
  let cursor = 0;
  const count = (part: string) => {
    for (const ch of part) length += perChar(ch.codePointAt(0)!);
  };
  for (const m of text.matchAll(URL_PATTERN)) {
    count(text.slice(cursor, m.index));
    length += URL_WEIGHT;
    cursor = (m.index ?? 0) + m[0].length;
  }
  count(text.slice(cursor));
  return length;
}

export function postLength(text: string, platform: Platform): number {
  const normalised = text.normalize('NFC');
  if (platform === 'x') return countWith(normalised, weightOf);
  if (platform === 'mastodon') return countWith(normalised, () => 1);
  // LinkedIn and Instagram count characters as typed: UTF-16 code units, like their text boxes.
  return normalised.length;
}

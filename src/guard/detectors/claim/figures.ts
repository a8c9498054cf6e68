/**
 * Figures that make a sentence a claim (percentages, multipliers, rank one, counts of customers) and
 * the numbers a claim states, normalised so "99,9 %", "99.9%" and "1 000" compare with a fact's.
 * Every repetition is bounded and no quantified group overlaps its neighbour, so no backtracking blow-up.
 */
import type { Lang } from '../../types.js';

const SP = '[ \\u00a0\\u202f]';
const PERCENT = `\\d{1,3}(?:${SP}?\\d{3}){0,4}(?:[.,]\\d{1,4})?${SP}?%`;
const MULTIPLIER = `\\d{1,4}(?:[.,]\\d{1,2})?${SP}?(?:x|×|fois)(?![\\p{L}\\p{N}])`;
const RANK = `(?<![\\p{L}\\p{N}])(?:n°|nº|no\\.|#|numéro|number)${SP}?(?:1|one|un)(?![\\p{L}\\p{N}])`;
const COUNT_UNITS =
  'customers|clients|clientes|users|utilisateurs|utilisatrices|companies|entreprises|countries|pays|employees|salariés|downloads|téléchargements|partners|partenaires|brands|marques|teams|équipes|members|membres|installs|installations';
const COUNT = `\\d{1,3}(?:[ \\u00a0\\u202f,.]\\d{3}){0,4}\\+?${SP}?(?:k|m|million|millions|milliards?|billions?|thousand|mille)?${SP}?(?:${COUNT_UNITS})(?![\\p{L}])`;

export const FIGURE = new RegExp(`${PERCENT}|${MULTIPLIER}|${RANK}|${COUNT}`, 'giu');

const NUMBER = /\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,4}(?![\d])|\d{1,15}(?:[.,]\d{1,15}){0,4}/gu;

/** The numbers stated in a piece of text, normalised to plain decimal strings ("1000", "99.9"). */
export function extractNumbers(text: string, lang: Lang): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(NUMBER)) out.add(normaliseNumber(m[0], lang));
  return [...out];
}

function normaliseNumber(raw: string, lang: Lang): string {
  let s = raw.replace(/[ \u00a0\u202f]/g, '');
  const thousands = lang === 'en' ? ',' : '.';
  const decimal = lang === 'en' ? '.' : ',';
  // A separator followed by exactly three digits is a thousands separator in the text's convention.
  s = s
    .split(thousands)
    .reduce((acc, part, i) => (i === 0 ? part : part.length === 3 ? acc + part : `${acc}.${part}`), '');
  s = s.replace(decimal, '.');
  const n = Number.parseFloat(s);
  return Number.isFinite(n) ? String(n) : s;
}

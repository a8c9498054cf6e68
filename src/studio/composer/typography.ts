/**
 * Language conventions the composer applies after assembly: French spacing before high punctuation
 * and inside guillemets, and dates written the way each language writes them in a dateline.
 */
import type { Lang } from '../draft.js';

export const NBSP = '\u00a0';
/** Narrow no-break space, the Imprimerie nationale's choice before ; ! ? */
export const NNBSP = '\u202f';

/**
 * French typography: a no-break space before « : » and after «, before », and a narrow one before
 * ; ! ?. Only spaces already there are converted, and a missing one is added after a letter, so URLs
 * ("https://", "?q=") are never touched.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(
      /(\p{L}|\p{N}|[)»”’])[ \u00a0\u202f]?([;!?])(?=[\s)»]|$)/gu,
      (_m, b: string, p: string) => `${b}${NNBSP}${p}`,
    )
    .replace(/(\p{L}|\p{N}|[)»”’])[ \u00a0\u202f]?:(?=\s|$)/gu, (_m, b: string) => `${b}${NBSP}:`)
    .replace(/«[ \u00a0\u202f]?/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]?»/g, `${NBSP}»`);
}

export function applyTypography(text: string, lang: Lang): string {
  return lang === 'fr' ? frenchTypography(text) : text;
}

/** "November 29, 2026" / "29 novembre 2026" ("1er" for the first of the month), from an ISO date. */
export function formatDate(isoDate: string, lang: Lang): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  const formatted = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
  return lang === 'fr' && date.getUTCDate() === 1 ? formatted.replace(/^1 /, '1er ') : formatted;
}

/** "PARIS, November 29, 2026 –" / "Paris, le 29 novembre 2026 –". */
export function formatDateline(city: string, isoDate: string, lang: Lang): string {
  return lang === 'fr'
    ? `${city}, le ${formatDate(isoDate, lang)} –`
    : `${city.toLocaleUpperCase('en')}, ${formatDate(isoDate, lang)} –`;
}

// Languages the console speaks. Pure so tests can check the catalogues against it.

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';
/** localStorage key where the chosen language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'vigie.language';

/** Maps a BCP 47 tag ("fr-CA", "en_GB") to a supported language, if any. */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const base = tag.slice(0, 8).toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === base);
}

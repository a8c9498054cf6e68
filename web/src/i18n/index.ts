import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language, toLanguage } from './languages';

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;

// Keeps <html lang> right for screen readers and hyphenation whatever changed the language.
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = toLanguage(language) ?? DEFAULT_LANGUAGE;
});

// Resources are bundled, so initialisation completes synchronously before the first render.
void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      // Only a language the user picked is remembered (see chooseLanguage), so the browser's own
      // setting keeps applying until they choose.
      caches: [],
    },
    react: { useSuspense: false },
  });

/** Switches the console's language and remembers the choice in this browser. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be disabled (private modes, policies): the choice then lasts for this page only.
  }
  await i18next.changeLanguage(language);
}

export default i18next;

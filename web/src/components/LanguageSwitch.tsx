import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, toLanguage } from '../i18n/languages';

// Each language is named in itself, so a reader who does not understand the current one finds theirs.
const NATIVE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = toLanguage(i18n.resolvedLanguage) ?? DEFAULT_LANGUAGE;
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('header.language')}</label>
      <select
        id={id}
        value={current}
        data-testid="language-select"
        onChange={(event) => {
          const language = toLanguage(event.target.value);
          if (language) void chooseLanguage(language);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NATIVE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}

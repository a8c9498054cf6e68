import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFILES, type Profile, SCAN_LANGS, type ScanLang } from '../../api/guard';
import { PROFILE_LABEL, SCAN_LANG_LABEL } from './labels';

interface CheckFormProps {
  text: string;
  onTextChange: (text: string) => void;
  profile: Profile;
  onProfileChange: (profile: Profile) => void;
  lang: ScanLang;
  onLangChange: (lang: ScanLang) => void;
  busy: boolean;
  onCheck: () => void;
}

const isProfile = (value: string): value is Profile => (PROFILES as readonly string[]).includes(value);
const isScanLang = (value: string): value is ScanLang => (SCAN_LANGS as readonly string[]).includes(value);

/** The text to check and how to check it. Ctrl+Enter (Cmd+Enter on a Mac) runs the check. */
export function CheckForm(props: CheckFormProps) {
  const { text, onTextChange, profile, onProfileChange, lang, onLangChange, busy, onCheck } = props;
  const { t } = useTranslation();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onCheck();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onCheck();
    }
  }

  return (
    <form className="card check-form" onSubmit={onSubmit} noValidate data-testid="check-form">
      <div className="field">
        <label htmlFor="check-text">{t('check.form.text')}</label>
        <textarea
          id="check-text"
          className="check-textarea"
          value={text}
          rows={10}
          spellCheck
          aria-describedby="check-text-hint"
          onChange={(event) => onTextChange(event.target.value)}
          onKeyDown={onKeyDown}
          data-testid="check-text"
        />
        <p id="check-text-hint" className="field-hint">
          {t('check.form.textHint')}
        </p>
      </div>
      <div className="check-options">
        <div className="field">
          <label htmlFor="check-profile">{t('check.form.profile')}</label>
          <select
            id="check-profile"
            value={profile}
            aria-describedby="check-profile-hint"
            onChange={(event) => isProfile(event.target.value) && onProfileChange(event.target.value)}
            data-testid="check-profile"
          >
            {PROFILES.map((value) => (
              <option key={value} value={value}>
                {t(PROFILE_LABEL[value])}
              </option>
            ))}
          </select>
          <p id="check-profile-hint" className="field-hint">
            {t('check.form.profileHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="check-lang">{t('check.form.lang')}</label>
          <select
            id="check-lang"
            value={lang}
            onChange={(event) => isScanLang(event.target.value) && onLangChange(event.target.value)}
            data-testid="check-lang"
          >
            {SCAN_LANGS.map((value) => (
              <option key={value} value={value}>
                {t(SCAN_LANG_LABEL[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions check-submit">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            aria-busy={busy}
            data-testid="check-submit"
          >
            {busy ? t('check.form.checking') : t('check.form.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}

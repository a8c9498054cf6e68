import 'i18next';
import type en from './en.json';

// Type-checks every t('...') key against the English catalogue (the French one is held to the same
// keys by test/web-i18n.test.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

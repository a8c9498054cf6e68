import type { Lang, LocalisedMessage } from './types.js';

const PLACEHOLDER = /\{\{\s{0,4}([A-Za-z0-9_]{1,64})\s{0,4}\}\}/g;

/**
 * Renders a detector message in the reader's language, filling `{{name}}` from the finding's data.
 * A placeholder without data stays visible rather than vanishing, so a missing value is noticed.
 */
export function renderMessage(
  message: LocalisedMessage | undefined,
  data: Record<string, string | number> | undefined,
  locale: Lang,
  fallback = '',
): string {
  const template = message ? message[locale] || message.en : fallback;
  if (!data) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}

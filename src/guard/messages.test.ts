import { describe, expect, it } from 'vitest';
import { renderMessage } from './messages.js';

const msg = {
  en: 'Use "{{preferred}}" instead of "{{term}}".',
  fr: 'Utilisez « {{preferred}} » plutôt que « {{ term }} ».',
};

describe('renderMessage', () => {
  it.each([
    ['en', { preferred: 'email', term: 'e-mail' }, 'Use "email" instead of "e-mail".'],
    ['fr', { preferred: 'courriel', term: 'mail' }, 'Utilisez « courriel » plutôt que « mail ».'],
    ['en', { preferred: 'email' }, 'Use "email" instead of "{{term}}".'],
    ['en', undefined, 'Use "{{preferred}}" instead of "{{term}}".'],
  ] as const)('%s %j', (locale, data, expected) => {
    expect(renderMessage(msg, data, locale)).toBe(expected);
  });

  it('does not interpret replacement patterns in data', () => {
    expect(renderMessage({ en: '{{a}}', fr: '' }, { a: "$& $' $1" }, 'en')).toBe("$& $' $1");
  });

  it('falls back to English, then to the message id', () => {
    expect(renderMessage({ en: 'hello', fr: '' }, undefined, 'fr')).toBe('hello');
    expect(renderMessage(undefined, undefined, 'fr', 'someId')).toBe('someId');
  });
});

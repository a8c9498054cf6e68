import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, validateMessage } from './validate-message.js';

describe('validateMessage', () => {
  it.each([
    ['How do I return an item?', 'How do I return an item?'],
    ['  Comment retourner un article ?\n', 'Comment retourner un article ?'],
    ['Tab\tand\r\nnew lines are fine', 'Tab\tand\r\nnew lines are fine'],
    ['Emoji 👍 and accents: é', 'Emoji 👍 and accents: é'],
    ['Decomposed e\u0301', 'Decomposed é'],
    ['42', '42'],
  ])('accepts %j', (message, text) => {
    expect(validateMessage(message)).toEqual({ ok: true, text });
  });

  it.each([
    ['too long', 'a'.repeat(MAX_MESSAGE_CHARS + 1), 'too-long'],
    ['empty', '', 'malformed'],
    ['spaces', '   ', 'malformed'],
    ['no letter or digit', '!!! ???', 'malformed'],
    ['NUL', 'a\u0000b', 'malformed'],
    ['escape', 'a\u001bb', 'malformed'],
    ['DEL', 'a\u007fb', 'malformed'],
    ['lone high surrogate', 'a\uD83Db', 'malformed'],
    ['lone low surrogate', 'a\uDC4Db', 'malformed'],
    ['not a string', 7, 'malformed'],
    ['undefined', undefined, 'malformed'],
  ])('refuses %s', (_name, message, reason) => {
    expect(validateMessage(message)).toEqual({ ok: false, reason });
  });

  it('takes a custom limit', () => {
    expect(validateMessage('abcdef', 5)).toEqual({ ok: false, reason: 'too-long' });
    expect(validateMessage('abcde', 5)).toEqual({ ok: true, text: 'abcde' });
  });
});

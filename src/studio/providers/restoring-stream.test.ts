import { describe, expect, it } from 'vitest';
import { pseudonymise } from '../../guard/pseudonymise/index.js';
import { createRestorer } from './restoring-stream.js';

const ORIGINAL = 'Write to Claire Martin at claire@colette.fr today.';
const { text: PSEUDO, mapping } = pseudonymise(ORIGINAL, [
  { messageId: 'x', start: 9, end: 22, entity: 'PERSON' },
  { messageId: 'x', start: 26, end: 43, entity: 'EMAIL' },
]);

function streamed(text: string, size: number): string {
  const r = createRestorer(mapping);
  let out = '';
  for (let i = 0; i < text.length; i += size) out += r.push(text.slice(i, i + size));
  return out + r.flush();
}

describe('createRestorer', () => {
  it('pseudonymised the fixture as expected', () => {
    expect(PSEUDO).toBe('Write to [PERSON_1] at [EMAIL_1] today.');
  });

  it.each([1, 2, 3, 5, 8, 13, 100])('restores placeholders split into chunks of %i', (size) => {
    expect(streamed(PSEUDO, size)).toBe(ORIGINAL);
  });

  it.each([
    ['a placeholder without brackets', 'Contact PERSON_1 now.', 'Contact Claire Martin now.'],
    ['a lower-case placeholder', 'Mail [email_1].', 'Mail claire@colette.fr.'],
    ['an unknown placeholder, left alone', 'Ask [PERSON_9].', 'Ask [PERSON_9].'],
    ['text with no placeholder', 'Bonjour à tous !', 'Bonjour à tous !'],
  ])('handles %s', (_name, input, expected) => {
    for (const size of [1, 4, 50]) expect(streamed(input, size)).toBe(expected);
  });

  it('holds back at most a placeholder’s length', () => {
    const r = createRestorer(mapping);
    const out = r.push(`${'a'.repeat(200)}`);
    expect(out.length).toBeGreaterThanOrEqual(136);
  });
});

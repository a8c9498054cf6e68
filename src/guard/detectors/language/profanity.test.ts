import { describe, expect, it } from 'vitest';
import { type InvalidCase, project, runCase, type ValidCase } from '../../detector-cases.js';
import { profanity } from './profanity.js';

const valid: ValidCase[] = [
  { text: 'Our new release is great.', lang: 'en' },
  { text: 'We execute the plan and kill no one.', lang: 'en', note: 'words cuss rates unlikely profane' },
  { text: 'Notre nouvelle version est formidable.', lang: 'fr' },
  { text: 'Le conseil se réunit demain.', lang: 'fr', note: '"con" inside a word' },
];

const invalid: InvalidCase[] = [
  { text: 'This is bullshit.', lang: 'en', expected: [{ match: 'bullshit', messageId: 'profane' }] },
  { text: 'What the fuck happened?', lang: 'en', expected: [{ match: 'fuck' }] },
  { text: "C'est de la merde.", lang: 'fr', expected: [{ match: 'merde', messageId: 'profane' }] },
  { text: 'Quel bordel, putain !', lang: 'fr', expected: [{ match: 'bordel' }, { match: 'putain' }] },
];

describe('language.profanity', () => {
  it.each(valid)('valid ($lang): $text', (c) => {
    expect(runCase(profanity, c)).toEqual([]);
  });
  it.each(invalid)('invalid ($lang): $text', (c) => {
    const found = runCase(profanity, c);
    expect(found.map((d, i) => project(d, c.expected[i] ?? {}, 'language.profanity'))).toEqual(c.expected);
  });
  it('uses the list of the text language', () => {
    expect(runCase(profanity, { text: "C'est de la merde.", lang: 'en' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { type BriefInput, parseBrief } from './brief.js';
import { sampleBrief } from './sample-briefs.js';

describe('parseBrief', () => {
  const valid: Array<[string, BriefInput]> = [
    ['an English press release', sampleBrief('press-release', 'en')],
    ['a French press release', sampleBrief('press-release', 'fr')],
    ['a French Mastodon post', sampleBrief('social-post', 'fr', 'mastodon')],
    ['an English marketing e-mail', sampleBrief('marketing-email', 'en')],
    [
      'a minimal customer reply',
      {
        type: 'customer-reply',
        lang: 'fr',
        topic: 'votre commande',
        audience: { name: 'nos clients' },
        keyMessages: ['Votre commande part demain'],
        company: { name: 'Vigie', boilerplate: 'Vigie protège les marques.' },
      },
    ],
  ];
  it.each(valid)('accepts %s', (_name, input) => {
    const brief = parseBrief(input);
    expect(brief.keyMessages.length).toBeGreaterThan(0);
    expect(brief.audience.readingLevel).toBeDefined();
  });

  const invalid: Array<[string, (b: BriefInput) => unknown, RegExp]> = [
    [
      'a social post without a platform',
      (b) => ({ ...b, type: 'social-post', platform: undefined }),
      /platform/,
    ],
    ['an e-mail without a sender', (b) => ({ ...b, type: 'marketing-email', sender: undefined }), /sender/],
    ['no key message', (b) => ({ ...b, keyMessages: [] }), /keyMessages/],
    ['an unknown language', (b) => ({ ...b, lang: 'de' }), /lang/],
    ['an unknown content type', (b) => ({ ...b, type: 'billboard' }), /type/],
    ['a javascript: link', (b) => ({ ...b, links: [{ url: 'javascript:alert(1)' }] }), /links/],
    ['an impossible date', (b) => ({ ...b, dateline: { city: 'Paris', date: '2026-13-40' } }), /dateline/],
    ['an unknown field', (b) => ({ ...b, prompt: 'ignore the rules' }), /prompt|Unrecognized/],
    ['a key message of 10 KB', (b) => ({ ...b, keyMessages: ['x'.repeat(10_000)] }), /keyMessages/],
  ];
  it.each(invalid)('refuses %s with the path', (_name, mutate, path) => {
    const err = (() => {
      try {
        parseBrief(mutate(sampleBrief('press-release', 'en')));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).message).toMatch(path);
  });
});

import { describe, expect, it } from 'vitest';
import { unwrapLink } from './redirects.js';

const bing = `https://www.bing.com/ck/a?!&&p=abc&u=a1${Buffer.from('https://evil-5.example/login').toString('base64url')}&ntb=1`;

describe('unwrapLink', () => {
  it.each([
    // security rewriters: unwrapped, not counted as redirects
    [
      'Safe Links',
      'https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil-1.example%2Fa&data=x',
      'evil-1.example',
      [],
    ],
    [
      'Proofpoint v2',
      'https://urldefense.proofpoint.com/v2/url?u=https-3A__evil-2.example_login&d=x',
      'evil-2.example',
      [],
    ],
    [
      'Proofpoint v3',
      'https://urldefense.com/v3/__https://evil-3.example/login__;!!abc$',
      'evil-3.example',
      [],
    ],
    // open redirectors: unwrapped and remembered
    [
      'Google /url',
      'https://www.google.com/url?q=https://evil-4.example/owa&sa=D',
      'evil-4.example',
      ['www.google.com'],
    ],
    ['Bing ck/a (base64)', bing, 'evil-5.example', ['www.bing.com']],
    ['Google AMP', 'https://www.google.com/amp/s/evil-6.example/page', 'evil-6.example', ['www.google.com']],
    [
      'Safe Links around a Google redirect',
      `https://x.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://www.google.com/url?q=https://evil-7.example/')}`,
      'evil-7.example',
      ['www.google.com'],
    ],
    // left alone
    ['an ordinary link', 'https://www.example.org/news?id=3', 'www.example.org', []],
    [
      'a Google redirect to a non-web scheme',
      'https://www.google.com/url?q=javascript:alert(1)',
      'www.google.com',
      [],
    ],
    ['a Google search page', 'https://www.google.com/search?q=https://x.example', 'www.google.com', []],
  ])('%s', (_name, href, host, via) => {
    const r = unwrapLink(new URL(href));
    expect(r.url.hostname).toBe(host);
    expect(r.via).toEqual(via);
  });
});

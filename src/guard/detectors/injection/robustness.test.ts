import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetectContext, Profile } from '../../types.js';
import { secretDetectors } from '../secret/index.js';
import { injectionDetectors } from './index.js';

const detectors = [...secretDetectors, ...injectionDetectors];
const profiles: Profile[] = ['input', 'ingested', 'output', 'publish'];

function checkAll(text: string): void {
  for (const profile of profiles) {
    const ctx: DetectContext = { lang: 'fr', profile, canaries: ['VIGIE-CANARY-0123456789abcdef'] };
    for (const d of detectors) {
      for (const f of d.detect(text, ctx)) {
        expect(f.start, d.meta.id).toBeGreaterThanOrEqual(0);
        expect(f.end, d.meta.id).toBeLessThanOrEqual(text.length);
        expect(f.start, d.meta.id).toBeLessThan(f.end);
      }
    }
  }
}

// Pieces that the patterns look for, so random strings often get close to a match.
const pieces = fc.constantFrom(
  'ignore ',
  'all ',
  'previous ',
  'instructions',
  'oublie ',
  'toutes ',
  'les ',
  'consignes',
  'précédentes',
  'Vergiss ',
  'alles',
  '<|im_start|>',
  '[INST]',
  '### System:',
  '\u200B',
  '\u202E',
  '\uDB40\uDC41',
  '\uDB40',
  'ο',
  'а',
  'ß',
  'İ',
  '![x](https://e.example/p.png?q=',
  '{data}',
  ')',
  'AKIA',
  'ghp_',
  'sk_live_',
  'eyJ',
  'password=',
  'mot de passe : ',
  'postgres://u:',
  '@h',
  '-----BEGIN PRIVATE KEY-----',
  'aWdub3Jl',
  '1gn0r3 ',
  'VIGIE-CANARY-0123456789abcdef',
  '\n',
  ' ',
  '.',
  '=',
  ':',
  '\uFFFD',
  '\uD800',
);

describe('detectors on random and adversarial input', () => {
  it('never throw and keep offsets inside the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')),
        ),
        (text) => {
          checkAll(text);
        },
      ),
      { numRuns: 1500, seed: 42 },
    );
  });

  it.each([
    ['long runs of one letter', 'a'.repeat(100_000)],
    ['base64-like run', 'QUFB'.repeat(30_000)],
    ['hex run of odd length', `${'ab'.repeat(40_000)}a`],
    ['repeated trigger words', 'ignore all previous '.repeat(5_000)],
    ['repeated delimiters', '<|im_start|>'.repeat(10_000)],
    ['unclosed markdown images', '![x](https://e.example/?q='.repeat(5_000)],
    ['many zero-width characters', 'a\u200Bb'.repeat(30_000)],
    ['lone surrogates', '\uD800a\uDC00'.repeat(20_000)],
    ['blank lines and spaces', `${'\n \n'.repeat(30_000)}${' '.repeat(50_000)}`],
  ])('stays fast on %s', (_name, text) => {
    const t0 = performance.now();
    checkAll(text);
    // A generous bound: catastrophic backtracking would take minutes, not seconds.
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
});

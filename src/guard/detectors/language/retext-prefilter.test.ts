import { describe, expect, it } from 'vitest';
import { equalityCandidates, equalityPrefilterLoaded } from './retext-prefilter.js';

describe('retext-equality prefilter', () => {
  it('found retext-equality’s pattern list (else retext runs on every sentence, slowly)', () => {
    expect(equalityPrefilterLoaded).toBe(true);
  });

  it.each([
    ['Our chairman spoke.', true],
    ['Ask the salesmen.', true],
    ['That plan is crazy.', true],
    ['Our team shipped the release on time.', false],
  ] as const)('%s -> %s', (text, expected) => {
    expect((equalityCandidates(text)?.offsets ?? []).length > 0).toBe(expected);
  });
});

import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { equalityMessages } from './retext-equality-runner.js';

/** retext-equality on the whole text with all its patterns: what the prefiltered runner must equal. */
function reference(text: string): Array<[string, string, number]> {
  const processor = unified().use(retextEnglish).use(retextEquality, { binary: true });
  const file = new VFile(text);
  processor.runSync(processor.parse(file), file);
  return file.messages.map((m) => [
    m.ruleId ?? '',
    String(m.actual),
    m.place && 'start' in m.place ? (m.place.start.offset ?? -1) : -1,
  ]);
}

const texts = [
  'Every policeman and policewoman, every man-made lake, the elderly and the blind.',
  'A Man-Made lake. The man made it. Our front-man, the frontman, and the chair-man.',
  "Don't be lame. Mrs. Smith and the O.C.D. team; he's the chairman's aide.",
  'Our chairman opened the meeting.',
  'He or she can apply. He will call you back.',
  'Ask the salesmen and the saleswomen. The fireman was brave.',
  'That plan is crazy. It is simply the best, and the mailman knows it.',
  'She said "chairman" twice. Her husband is a cameraman.',
  'The team shipped the release on time. Nothing here.',
  'Every policeman and policewoman, every man-made lake, the elderly and the blind.',
  'Whitelist the addresses; his team, her team, their team.',
];

describe('retext-equality runner', () => {
  it.each(texts)('finds what retext-equality finds on the whole text: %s', (text) => {
    const ours = equalityMessages(text).map((m) => [m.ruleId, m.actual, m.start]);
    expect(ours).toEqual(reference(text));
  });

  it('finds what retext-equality finds for every one of its phrases, as written and hyphenated', async () => {
    const { patterns } = (await import(
      // Not exported by the package: the same file the prefilter reads.
      new URL('../../../../node_modules/retext-equality/lib/patterns-en.js', import.meta.url).href
    )) as { patterns: Array<{ inconsiderate: Record<string, string> }> };
    // Abbreviations ("mrs.") end our sentences early, so retext sees them without their context: a
    // known limit of running it sentence by sentence, not of the pattern prefilter tested here.
    const phrases = patterns.flatMap((p) => Object.keys(p.inconsiderate)).filter((p) => !p.includes('.'));
    expect(phrases.length).toBeGreaterThan(500);
    const sentences = phrases.flatMap((phrase) => [
      `We met the ${phrase} yesterday.`,
      `${phrase.replace(/ /g, '-')} again.`,
    ]);
    // Ten sentences per text: several phrases, and pairs such as "he ... she", meet in one run.
    for (let i = 0; i < sentences.length; i += 10) {
      const text = sentences.slice(i, i + 10).join(' ');
      const ours = equalityMessages(text).map((m) => [m.ruleId, m.actual, m.start]);
      expect(ours, text).toEqual(reference(text));
    }
  }, 60_000);

  it('finds nothing and leaves the stack-trace limit as it was on clean text', () => {
    const limit = Error.stackTraceLimit;
    expect(equalityMessages('The team shipped the release on time.')).toEqual([]);
    expect(equalityMessages('Our chairman spoke.').length).toBe(1);
    expect(Error.stackTraceLimit).toBe(limit);
  });
});

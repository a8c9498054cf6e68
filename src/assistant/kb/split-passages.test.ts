import { describe, expect, it } from 'vitest';
import type { Article } from '../types.js';
import { markdownBlocks } from './markdown-text.js';
import { MAX_PASSAGE_WORDS, splitPassages } from './split-passages.js';

function article(body: string, lang: Article['lang'] = 'en'): Article {
  return {
    id: 'a1',
    title: 'Returns',
    owner: 'o',
    lang,
    reviewDate: '2027-01-01',
    version: '1',
    tags: [],
    body,
  };
}

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');
const count = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('splitPassages', () => {
  it('keeps the heading path and a GitHub-style anchor per section', () => {
    const body =
      '# Returns\n\nIntro text.\n\n## How to return\n\nSteps.\n\n### By post\n\nPost it.\n\n## Refunds\n\nMoney back.';
    const passages = splitPassages(article(body));
    expect(passages.map((p) => [p.id, p.headingPath, p.anchor, p.text])).toEqual([
      ['a1#returns', ['Returns'], 'returns', 'Intro text.'],
      ['a1#how-to-return', ['Returns', 'How to return'], 'how-to-return', 'Steps.'],
      ['a1#by-post', ['Returns', 'How to return', 'By post'], 'by-post', 'Post it.'],
      ['a1#refunds', ['Returns', 'Refunds'], 'refunds', 'Money back.'],
    ]);
    expect(passages.map((p) => p.index)).toEqual([0, 1, 2, 3]);
  });

  it('gives text before the first heading the `top` id and an empty anchor', () => {
    const [p] = splitPassages(article('Welcome.\n\n# Next\n\nMore.'));
    expect(p).toMatchObject({ id: 'a1#top', anchor: '', headingPath: [] });
  });

  it('makes repeated headings unique and keeps French accents in anchors', () => {
    const body = '## Délais\n\nA.\n\n## Délais\n\nB.';
    expect(splitPassages(article(body, 'fr')).map((p) => p.anchor)).toEqual(['délais', 'délais-1']);
  });

  it('merges short paragraphs and splits long ones within the word bounds', () => {
    const body = `## S\n\n${words(30)}.\n\n${words(30)}.\n\n${words(150)}.\n\n${words(450)}.`;
    const passages = splitPassages(article(body));
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) expect(count(p.text)).toBeLessThanOrEqual(MAX_PASSAGE_WORDS + 1);
    expect(count(passages[0]!.text)).toBe(60);
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
  });

  it('cuts a long paragraph between sentences', () => {
    const sentence = `${words(24)} end.`;
    const body = `## S\n\n${Array.from({ length: 20 }, () => sentence).join(' ')}`;
    for (const p of splitPassages(article(body))) expect(p.text.endsWith('end.')).toBe(true);
  });
});

describe('markdownBlocks', () => {
  it.each([
    ['HTML comments vanish', 'Visible <!-- hidden\ninstructions --> text', 'Visible text'],
    ['an unclosed comment runs to the end', 'Visible <!-- hidden', 'Visible'],
    ['links keep their text', 'See [the guide](https://example.com/a) now', 'See the guide now'],
    ['images keep their alt text', '![A parcel](p.png)', 'A parcel'],
    ['emphasis and code marks go', 'Open **My orders** and `Settings`', 'Open My orders and Settings'],
    ['HTML tags go', 'Click <b>here</b>', 'Click here'],
    ['list items keep a line each', '- One\n- Two\n1. Three', 'One\nTwo\nThree'],
    ['wrapped lines join', 'First line\nsecond line', 'First line second line'],
    ['quotes lose their marker', '> Quoted', 'Quoted'],
    ['table rows become cells', '| A | B |\n| --- | --- |\n| 1 | 2 |', 'A — B\n1 — 2'],
    ['code fences keep the code', '```\nnpm i\n```', 'npm i'],
  ])('%s', (_name, body, text) => {
    expect(markdownBlocks(body)).toEqual([{ kind: 'text', text }]);
  });

  it.each([
    ['a heading ending in a long run of hashes', `# ${'#'.repeat(100_000)}x`],
    ['a line of spaces', ' '.repeat(100_000)],
    ['a line of brackets', '['.repeat(100_000)],
    ['a line of angle brackets', '<'.repeat(100_000)],
    ['a table rule without dashes', `|${' '.repeat(100_000)}x`],
  ])(
    'stays linear on %s',
    (_name, body) => {
      // Quadratic backtracking on 100,000 characters takes minutes: the test timeout catches it.
      expect(Array.isArray(markdownBlocks(body))).toBe(true);
    },
    10_000,
  );

  it('reads headings of every level', () => {
    expect(markdownBlocks('# One\n###### Six ##')).toEqual([
      { kind: 'heading', level: 1, text: 'One' },
      { kind: 'heading', level: 6, text: 'Six' },
    ]);
  });
});

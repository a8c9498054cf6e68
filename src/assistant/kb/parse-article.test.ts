import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { MAX_ARTICLE_CHARS, parseArticle } from './parse-article.js';

const front = (fields: string) => `---\n${fields}\n---\n# Heading\n\nBody text.\n`;
const valid =
  'title: Returns\nowner: Care team\nlanguage: en\nreview_date: 2027-03-31\nversion: 3\ntags: [returns, refunds]';

describe('parseArticle', () => {
  it('reads the front matter and keeps the body', () => {
    const a = parseArticle(front(valid), { id: 'returns-en' });
    expect(a).toEqual({
      id: 'returns-en',
      title: 'Returns',
      owner: 'Care team',
      lang: 'en',
      reviewDate: '2027-03-31',
      version: '3',
      tags: ['returns', 'refunds'],
      body: '# Heading\n\nBody text.\n',
    });
  });

  it.each([
    [
      'an id in the front matter wins',
      `id: retours-fr\n${valid.replace('language: en', 'language: fr')}`,
      'retours-fr',
    ],
    [
      'without any id, the title slug',
      valid.replace('title: Returns', 'title: Délais de livraison'),
      'délais-de-livraison',
    ],
  ])('%s', (_name, fields, id) => {
    expect(parseArticle(front(fields)).id).toBe(id);
  });

  it('accepts camelCase reviewDate, a BOM and CRLF line ends', () => {
    const text = `\uFEFF${front(valid.replace('review_date', 'reviewDate'))}`.replace(/\n/g, '\r\n');
    expect(parseArticle(text).reviewDate).toBe('2027-03-31');
  });

  it.each([
    ['no front matter', '# Just markdown', /no front matter/],
    ['invalid YAML', front('title: [unclosed'), /not valid YAML/],
    ['missing title', front(valid.replace('title: Returns\n', '')), /title/],
    ['unknown language', front(valid.replace('language: en', 'language: de')), /language/],
    ['bad review date', front(valid.replace('2027-03-31', '31/03/2027')), /review_date/],
    ['missing review date', front(valid.replace('review_date: 2027-03-31\n', '')), /review_date/],
    ['missing version', front(valid.replace('version: 3\n', '')), /version/],
    ['tags not a list', front(valid.replace('tags: [returns, refunds]', 'tags: returns')), /tags/],
    ['bad id', front(`id: "../etc"\n${valid}`), /id/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseArticle(text)).toThrow(message);
    try {
      parseArticle(text);
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('VALIDATION');
    }
  });

  it('refuses oversized articles before parsing', () => {
    const text = front(valid) + 'x'.repeat(MAX_ARTICLE_CHARS);
    expect(() => parseArticle(text)).toThrow(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }));
  });
});

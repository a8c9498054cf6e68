import { describe, expect, it } from 'vitest';
import { parseBrief } from '../brief.js';
import { sampleBrief } from '../sample-briefs.js';
import { draftFromAnswer, sectionsFromMarkdown } from './model-draft.js';

describe('sectionsFromMarkdown', () => {
  it('turns headings, lists and paragraphs into sections', () => {
    expect(
      sectionsFromMarkdown('# Title\n\n## Benefits\n\n- one\n- two\n\nA paragraph\non two lines.'),
    ).toEqual([
      { name: 'title', kind: 'title', text: 'Title' },
      { name: 'heading', kind: 'heading', text: 'Benefits' },
      { name: 'list', kind: 'list', text: 'one\ntwo' },
      { name: 'paragraph', kind: 'paragraph', text: 'A paragraph\non two lines.' },
    ]);
  });
});

describe('draftFromAnswer', () => {
  it('warns when a post is over its platform limit, and never cuts it', () => {
    const answer = `${'Fresh bread every morning. '.repeat(12)}https://colette.example`;
    const draft = draftFromAnswer(answer, parseBrief(sampleBrief('social-post', 'fr', 'x')), 'openai', 'm');
    expect(draft.text).toBe(answer.trim());
    expect(draft.warnings.join(' ')).toMatch(/au-delà de sa limite de 280/);
  });

  it.each(['en', 'fr'] as const)('adds the e-mail footer in %s when missing', (lang) => {
    const draft = draftFromAnswer('Hello', parseBrief(sampleBrief('marketing-email', lang)), 'openai', 'm');
    expect(draft.sections.at(-1)!.name).toBe('footer');
    expect(draft.text).toContain('12 rue de la Paix, 75002 Paris, France');
    expect(draft.involvement).toBe('generated');
  });
});

import { describe, expect, it } from 'vitest';
import { applyDisclosure, DEFAULT_WORDING, disclosureText } from './disclosure.js';

const HTML = '<!doctype html>\n<html lang="en">\n<body>\n<p>Hello</p>\n</body>\n</html>\n';

describe('disclosureText', () => {
  it.each([
    ['none', 'en', null],
    ['none', 'fr', null],
    ['generated', 'en', DEFAULT_WORDING.generated.en],
    ['generated', 'fr', DEFAULT_WORDING.generated.fr],
    ['assisted', 'en', DEFAULT_WORDING.assisted.en],
    ['assisted', 'fr', DEFAULT_WORDING.assisted.fr],
  ] as const)('%s in %s', (involvement, lang, expected) => {
    expect(disclosureText(involvement, lang)).toBe(expected);
  });

  it('defaults name AI in both languages', () => {
    expect(DEFAULT_WORDING.generated.en).toMatch(/artificial intelligence/);
    expect(DEFAULT_WORDING.generated.fr).toMatch(/intelligence artificielle/);
  });

  it('takes the workspace wording for one language and keeps the default for the other', () => {
    const wording = {
      generated: { en: 'Written by a machine, checked by people.', fr: 'Écrit par une machine.' },
    };
    expect(disclosureText('generated', 'en', wording)).toBe('Written by a machine, checked by people.');
    expect(disclosureText('assisted', 'fr', wording)).toBe(DEFAULT_WORDING.assisted.fr);
  });
});

describe('applyDisclosure', () => {
  it('adds nothing for text written without AI', () => {
    for (const format of ['md', 'html', 'text'] as const)
      expect(applyDisclosure('Hello', format, 'none', 'en')).toBe('Hello');
  });

  it.each([
    ['text', 'en', 'Hello\n', `Hello\n\n${DEFAULT_WORDING.generated.en}\n`],
    ['md', 'fr', '# Bonjour\n', `# Bonjour\n\n---\n\n_${DEFAULT_WORDING.generated.fr}_\n`],
    [
      'html',
      'en',
      HTML,
      HTML.replace(
        '</body>',
        `<p class="ai-disclosure" role="note">${DEFAULT_WORDING.generated.en}</p>\n</body>`,
      ),
    ],
  ] as const)('inserts the notice in %s (%s)', (format, lang, input, expected) => {
    const out = applyDisclosure(input, format, 'generated', lang);
    expect(out).toBe(expected);
    expect(applyDisclosure(out, format, 'generated', lang)).toBe(out);
  });

  it('can put the notice first, and escapes custom wording in HTML', () => {
    const wording = { assisted: { en: 'AI <helped> & humans wrote', fr: 'IA' }, position: 'start' as const };
    const out = applyDisclosure(HTML, 'html', 'assisted', 'en', wording);
    expect(out).toContain(
      '<body>\n<p class="ai-disclosure" role="note">AI &lt;helped&gt; &amp; humans wrote</p>\n<p>Hello</p>',
    );
    expect(applyDisclosure('Hello', 'text', 'assisted', 'en', wording)).toBe(
      'AI <helped> & humans wrote\n\nHello',
    );
  });
});

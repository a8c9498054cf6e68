import { describe, expect, it } from 'vitest';
import { buildCatalog, renderCatalogMarkdown } from './catalog.js';
import { allRuleMetas } from './detectors/index.js';

describe('catalog', () => {
  const entries = buildCatalog();

  it('lists every rule once, grouped by category', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(allRuleMetas().map((m) => m.id)));
    for (const id of [
      'language.inclusive',
      'language.profanity',
      'language.readability',
      'claim.unsupported',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('renders an English and a French table with each rule and its example', () => {
    const md = renderCatalogMarkdown(entries);
    expect(md).toContain('## Detectors (EN)');
    expect(md).toContain('## Détecteurs (FR)');
    for (const e of entries) {
      expect(md.split(`\`${e.id}\``).length - 1).toBe(2);
      expect(md).toContain(e.description.fr.replace(/\|/g, '\\|'));
    }
  });

  it('escapes table separators in cells', () => {
    const md = renderCatalogMarkdown([
      {
        id: 'brand.x',
        category: 'brand',
        languages: ['*'],
        defaultSeverity: 'info',
        description: { en: 'a | b', fr: 'c' },
        example: 'line\nbreak',
      },
    ]);
    expect(md).toContain('a \\| b');
    expect(md).toContain('line break');
    expect(md).toContain('| all |');
  });
});

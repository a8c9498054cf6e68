/**
 * Contracts every detector of every category must keep, checked over the whole registry, plus the
 * rule that no detector of ours ships without an example it actually catches.
 */
import { describe, expect, it } from 'vitest';
import type { DetectContext, Lang } from '../types.js';
import { allDetectors, allRuleMetas } from './index.js';

const categories = ['pii', 'secret', 'injection', 'language', 'claim', 'brand', 'disclosure'];

describe('detector registry', () => {
  it('has unique ids', () => {
    const ids = allRuleMetas().map((m) => m.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(allRuleMetas().map((m) => [m.id, m] as const))('%s has well-formed meta', (id, meta) => {
    expect(categories).toContain(meta.category);
    expect(id.startsWith(`${meta.category}.`)).toBe(true);
    expect(meta.languages.length).toBeGreaterThan(0);
    expect(meta.docs.description.en && meta.docs.description.fr).toBeTruthy();
    expect(meta.docs.example.length).toBeGreaterThan(0);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    for (const m of Object.values(meta.messages)) expect(m.en && m.fr).toBeTruthy();
  });

  // The examples need workspace data to mean anything for claims and brand rules.
  const context: Omit<DetectContext, 'lang'> = {
    profile: 'publish',
    now: new Date('2026-11-29T00:00:00Z'),
    facts: [],
    brand: {
      terminology: [
        { preferred: 'Vigie', deprecated: ['Vigie platform'] },
        { preferred: 'email', deprecated: ['e-mail'] },
      ],
      competitors: ['Acme Corp'],
      bannedPhrases: [{ phrase: 'game changer' }],
    },
  };
  const ours = allDetectors().filter((d) => ['language', 'claim', 'brand'].includes(d.meta.category));

  it.each(ours.map((d) => [d.meta.id, d] as const))('%s catches its own catalog example', (_id, detector) => {
    const langs: Lang[] = ['en', 'fr'];
    const found = langs.flatMap((lang) => detector.detect(detector.meta.docs.example, { ...context, lang }));
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(Object.keys(detector.meta.messages)).toContain(d.messageId);
  });
});

import { describe, expect, it } from 'vitest';
import { type BriefInput, contentTypes, parseBrief, platforms } from '../brief.js';
import type { Draft } from '../draft.js';
import { sampleBrief } from '../sample-briefs.js';
import { compose } from './index.js';
import { MAX_SUBJECT_LENGTH, UNSUBSCRIBE_PLACEHOLDER } from './marketing-email.js';
import { PLATFORM_LIMITS, postLength } from './social-length.js';

const NOW = new Date('2026-11-29T08:00:00Z');
const langs = ['en', 'fr'] as const;

function section(draft: Draft, name: string): string | undefined {
  return draft.sections.find((s) => s.name === name)?.text;
}

/** Every number in a draft must come from the brief (facts, dateline, contact...). */
function numbersNotInBrief(draft: Draft, brief: BriefInput): string[] {
  const known = new Set(JSON.stringify(parseBrief(brief)).match(/\d+/g) ?? []);
  // Subject lines are numbered "1." to "3." for the A/B test: list numbering, not a claim.
  const text = draft.text.replace(/^[1-3]\. /gm, '');
  return (text.match(/\d+/g) ?? []).filter((n) => !known.has(n));
}

describe.each(langs)('composer (%s)', (lang) => {
  describe.each(contentTypes)('%s', (type) => {
    const brief = sampleBrief(type, lang, 'linkedin');
    const drafts = compose(brief, { variants: 3, now: NOW });

    it('drafts three variants with different angles and titles, from the composer', () => {
      expect(drafts).toHaveLength(3);
      expect(new Set(drafts.map((d) => d.variant)).size).toBe(3);
      if (type !== 'customer-reply') expect(new Set(drafts.map((d) => d.title)).size).toBeGreaterThan(1);
      for (const d of drafts) {
        expect(d).toMatchObject({ type, lang, provider: 'composer', model: null, involvement: 'none' });
        expect(d.text.length).toBeGreaterThan(100);
        expect(d.markdown.length).toBeGreaterThan(100);
      }
    });

    it('states no figure that is not in the brief or its facts', () => {
      for (const d of drafts) expect(numbersNotInBrief(d, brief)).toEqual([]);
    });

    it('leaves no unfilled template placeholder', () => {
      for (const d of drafts) expect(d.text).not.toMatch(/\{[A-Za-z]+\}|undefined|null|NaN/);
    });

    it('is deterministic for a brief and a seed, and varies with the seed', () => {
      expect(compose(brief, { variants: 3, now: NOW })).toEqual(drafts);
      const other = compose(brief, { variants: 1, seed: 'b', now: NOW })[0]!;
      const first = compose(brief, { variants: 1, seed: 'a', now: NOW })[0]!;
      expect(other.variant === first.variant && other.text === first.text).toBe(false);
    });

    it.runIf(lang === 'fr')(
      'uses French typography (no-break spaces, no plain space before : ; ! ? »)',
      () => {
        for (const d of drafts) {
          expect(d.text).not.toMatch(/ [:;!?»]/);
          expect(d.text).not.toMatch(/« /);
        }
      },
    );
  });
});

describe('press release', () => {
  it.each([
    ['en', 'Press release', 'PARIS, November 29, 2026 –', 'About Vigie', 'Media contact', '###'],
    [
      'fr',
      'Communiqué de presse',
      'Paris, le 29 novembre 2026 –',
      'À propos de Vigie',
      'Contact presse',
      '– FIN –',
    ],
  ] as const)('has the %s structure and conventions', (lang, label, dateline, about, contact, end) => {
    const [d] = compose(sampleBrief('press-release', lang), { now: NOW });
    const names = d!.sections.map((s) => s.name);
    for (const n of [
      'label',
      'headline',
      'subhead',
      'lead',
      'quote',
      'about-heading',
      'about',
      'media-contact',
      'end',
    ]) {
      expect(names).toContain(n);
    }
    expect(section(d!, 'label')).toContain(label);
    expect(section(d!, 'lead')!.startsWith(dateline.replaceAll(' ', lang === 'fr' ? ' ' : ' '))).toBe(true);
    expect(section(d!, 'lead')).toContain('Vigie');
    expect(section(d!, 'about-heading')).toBe(about);
    expect(section(d!, 'media-contact-heading')).toBe(contact);
    expect(section(d!, 'about')).toContain(lang === 'fr' ? 'Vigie aide' : 'Vigie helps');
    expect(d!.sections.at(-1)).toEqual({ name: 'end', kind: 'end', text: end });
    expect(section(d!, 'quote')).toContain('Camille Durand');
  });

  it('uses the brief facts verbatim and every key message', () => {
    const brief = sampleBrief('press-release', 'en');
    for (const d of compose(brief, { variants: 3, now: NOW })) {
      for (const f of parseBrief(brief).facts) expect(d.text).toContain(f.statement);
      for (const m of brief.keyMessages) expect(d.text).toContain(m);
    }
  });

  it('warns about what a press release is missing instead of inventing it', () => {
    const brief = { ...sampleBrief('press-release', 'en'), dateline: undefined, quote: undefined, facts: [] };
    brief.company = { ...brief.company, mediaContact: undefined };
    const [d] = compose(brief, { now: NOW });
    expect(d!.warnings.join(' ')).toMatch(/dateline/);
    expect(d!.warnings.join(' ')).toMatch(/quote/);
    expect(d!.warnings.join(' ')).toMatch(/media contact/);
    expect(d!.warnings.join(' ')).toMatch(/facts/);
    expect(section(d!, 'lead')).toMatch(/^\[CITY\], \[Date\] –/);
    expect(section(d!, 'quote')).toBeUndefined();
  });

  it('leaves out an expired fact and says so', () => {
    const brief = sampleBrief('press-release', 'fr');
    brief.facts = [
      ...(brief.facts ?? []),
      {
        id: 'F-OLD',
        statement: 'Vigie a atteint 99,9 % de disponibilité.',
        source: 'x',
        expiresAt: '2026-01-01T00:00:00Z',
      },
    ];
    const [d] = compose(brief, { now: NOW });
    expect(d!.text).not.toContain('99,9');
    expect(d!.warnings.join(' ')).toContain('F-OLD a expiré le 2026-01-01');
  });

  it('writes the date as each language does', () => {
    const brief = { ...sampleBrief('press-release', 'fr'), dateline: { city: 'Lyon', date: '2026-12-01' } };
    expect(compose(brief, { now: NOW })[0]!.text).toContain('Lyon, le 1er décembre 2026 –');
    const en = { ...sampleBrief('press-release', 'en'), dateline: { city: 'New York', date: '2026-12-01' } };
    expect(compose(en, { now: NOW })[0]!.text).toContain('NEW YORK, December 1, 2026 –');
  });
});

describe('web page', () => {
  it.each(langs)('has hero, benefits, proof points from the facts and a call to action (%s)', (lang) => {
    const brief = sampleBrief('web-page', lang);
    for (const d of compose(brief, { variants: 3, now: NOW })) {
      const names = d.sections.map((s) => s.name);
      expect(names.slice(0, 3)).toEqual(['hero', 'hero-subhead', 'hero-cta']);
      for (const n of ['benefits', 'proof-points', 'cta']) expect(names).toContain(n);
      for (const f of parseBrief(brief).facts)
        expect(section(d, 'proof-points')).toContain(f.statement.replace(/\.$/, '').replace(' %', ' %'));
      expect(section(d, 'cta')).toContain(brief.callToAction!.url);
    }
  });
});

describe('social posts', () => {
  for (const platform of platforms) {
    it.each(langs)(`fit ${platform}'s limit with hashtags at the end (%s)`, (lang) => {
      const brief = sampleBrief('social-post', lang, platform);
      for (const d of compose(brief, { variants: 3, now: NOW })) {
        expect(postLength(d.text, platform)).toBeLessThanOrEqual(PLATFORM_LIMITS[platform]);
        const last = d.sections.at(-1)!;
        if (last.name === 'hashtags')
          expect(last.text).toMatch(/^#\p{L}[\p{L}\p{N}]*( #\p{L}[\p{L}\p{N}]*)*$/u);
        if (platform === 'instagram') {
          expect(d.text).not.toMatch(/https?:/);
          expect(d.text).toMatch(lang === 'fr' ? /Lien en bio/ : /Link in bio/);
        } else {
          expect(d.text).toContain(brief.callToAction!.url);
        }
      }
    });
  }

  it('counts URLs as 23 characters on X, so a long link still fits', () => {
    const brief = sampleBrief('social-post', 'en', 'x');
    brief.callToAction = { text: 'Book a demo', url: `https://vigie.example/${'a'.repeat(200)}` };
    const [d] = compose(brief, { now: NOW });
    expect(d!.text).toContain(brief.callToAction.url);
    expect(d!.text.length).toBeGreaterThan(280);
    expect(postLength(d!.text, 'x')).toBeLessThanOrEqual(280);
  });

  it('never cuts a message that cannot fit: it warns instead', () => {
    const long = `${'Studio keeps every draft within the brand voice and the approved facts, '.repeat(5).trim()}`;
    const brief = { ...sampleBrief('social-post', 'en', 'x'), keyMessages: [long] };
    const [d] = compose(brief, { now: NOW, seed: 0 });
    expect(d!.variant).toBe('benefit');
    expect(d!.text).toContain(long);
    expect(d!.warnings.join(' ')).toMatch(/over its 280: .*nothing was cut/);
  });
});

describe('marketing e-mail', () => {
  it.each([
    [
      'en',
      'Subject lines:',
      'You are receiving this e-mail from Vigie SAS, 12 rue de la Paix, 75002 Paris, France.',
    ],
    [
      'fr',
      'Objets\u00a0:',
      'Vous recevez ce courriel de la part de Vigie SAS, 12 rue de la Paix, 75002 Paris, France.',
    ],
  ] as const)(
    'has 2-3 short subject lines, a preheader and the mandatory footer (%s)',
    (lang, label, footer) => {
      for (const d of compose(sampleBrief('marketing-email', lang), { variants: 3, now: NOW })) {
        const subjects = section(d, 'subjects')!.split('\n');
        expect(subjects[0]).toBe(label);
        expect(subjects.length - 1).toBeGreaterThanOrEqual(2);
        expect(subjects.length - 1).toBeLessThanOrEqual(3);
        for (const s of subjects.slice(1))
          expect(s.replace(/^\d\. /, '').length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
        expect(section(d, 'preheader')).toBeTruthy();
        expect(section(d, 'footer')).toContain(footer);
        expect(section(d, 'footer')).toContain(UNSUBSCRIBE_PLACEHOLDER);
        expect(d.sections.at(-1)!.name).toBe('footer');
      }
    },
  );
});

describe('customer reply', () => {
  it.each([
    ['en', 'Hi Alex,', 'Speak soon,'],
    ['fr', 'Bonjour Alex,', 'À bientôt,'],
  ] as const)('greets, answers with every key message, and closes (%s)', (lang, greeting, signoff) => {
    const brief = sampleBrief('customer-reply', lang);
    const [d] = compose(brief, { now: NOW });
    expect(section(d!, 'greeting')).toBe(greeting);
    for (const m of brief.keyMessages) expect(d!.text).toContain(m.slice(0, 40));
    expect(section(d!, 'signoff')).toBe(`${signoff}\nVigie SAS`);
  });

  it('follows a formal tone', () => {
    const brief = { ...sampleBrief('customer-reply', 'en'), tone: ['formal'] };
    expect(compose(brief, { now: NOW })[0]!.text).toMatch(/^Dear Alex,/);
  });
});

describe('audience and brief options', () => {
  it('uses the brief’s own headline for the first variant only', () => {
    const brief = {
      ...sampleBrief('press-release', 'en'),
      headline: 'Vigie opens Studio to every communications team',
    };
    const [first, second] = compose(brief, { variants: 2, now: NOW });
    expect(first!.title).toBe('Vigie opens Studio to every communications team');
    expect(second!.title).not.toBe(first!.title);
  });

  it('gives a simple reading level one idea per paragraph', () => {
    const base = sampleBrief('customer-reply', 'en');
    const simple = { ...base, audience: { ...base.audience, readingLevel: 'simple' as const } };
    const count = (b: typeof base) =>
      compose(b, { now: NOW })[0]!.sections.filter((s) => s.name === 'answer').length;
    expect(count(simple)).toBe(base.keyMessages.length);
    expect(count(base)).toBe(Math.ceil(base.keyMessages.length / 2));
  });
});

describe('compose options', () => {
  it.each([0, 7, 1.5])('refuses %s variants', (variants) => {
    expect(() => compose(sampleBrief('web-page', 'en'), { variants })).toThrow(/variants/);
  });
});

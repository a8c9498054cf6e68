// Pure logic of the console's Studio pages: the SSE parser, the brief the form sends, and the verify
// page's sorting of dropped files. The components are exercised in Chromium by test/e2e/studio.test.ts.
import { describe, expect, it } from 'vitest';
import { briefSchema } from '../src/studio/brief.js';
import { createEventParser } from '../web/src/api/sse.js';
import type { BrandKit } from '../web/src/api/studioTypes.js';

import { buildBrief, initialBrief, OTHER_AUDIENCE, withLang } from '../web/src/pages/studio/briefForm.js';
import { parseManifest, sortDropped } from '../web/src/pages/studio/verifyFiles.js';

const kit: BrandKit = {
  name: 'Vigie',
  voice: { tone: ['confident', 'friendly'] },
  facts: [],
  boilerplates: [
    { lang: 'en', company: 'Vigie', description: 'Vigie keeps communicators safe.' },
    { lang: 'fr', company: 'Vigie SAS', description: 'Vigie protège les communicants.' },
  ],
  audiences: [
    {
      id: 'press',
      name: 'journalists',
      readingLevel: 'general',
      vocabulary: [],
      channels: ['email'],
      cares: [],
    },
  ],
};

describe('createEventParser', () => {
  it('cuts events out of pieces split anywhere, in order', () => {
    const stream =
      'event: delta\ndata: {"variant":0,"text":"Hel"}\n\nevent: delta\ndata: {"variant":0,"text":"lo"}\n\nevent: draft\ndata: {"id":"d1"}\n\n';
    for (const size of [1, 3, 7, 1000]) {
      const parser = createEventParser();
      const events = [];
      for (let i = 0; i < stream.length; i += size) events.push(...parser.push(stream.slice(i, i + size)));
      expect(events.map((e) => e.event)).toEqual(['delta', 'delta', 'draft']);
      expect(events[2]!.data).toEqual({ id: 'd1' });
    }
  });

  it('skips malformed data and keeps going', () => {
    const parser = createEventParser();
    expect(parser.push('event: delta\ndata: {oops\n\nevent: error\ndata: {"status":503}\n\n')).toEqual([
      { event: 'error', data: { status: 503 } },
    ]);
  });
});

describe('brief form', () => {
  it('builds a brief the API accepts, with the kit’s audience, boilerplate and tone', () => {
    const state = {
      ...initialBrief(kit, 'en'),
      topic: 'the launch of Studio',
      keyMessages: 'Studio drafts in the brand voice\n\n  Every draft is checked  \n',
      channel: 'press',
      city: 'Paris',
    };
    const brief = buildBrief(state, kit);
    const parsed = briefSchema.parse(brief);
    expect(parsed.keyMessages).toEqual(['Studio drafts in the brand voice', 'Every draft is checked']);
    expect(parsed.audience).toMatchObject({ name: 'journalists', channels: ['email', 'press'] });
    expect(parsed.tone).toEqual(['confident', 'friendly']);
    expect(parsed.company).toMatchObject({ name: 'Vigie', boilerplate: 'Vigie keeps communicators safe.' });
    expect(parsed.dateline?.city).toBe('Paris');
  });

  it('switches the boilerplate with the language and takes a typed audience', () => {
    const fr = withLang(initialBrief(kit, 'en'), kit, 'fr');
    expect(fr.company).toBe('Vigie SAS');
    const brief = buildBrief(
      {
        ...fr,
        type: 'social-post',
        platform: 'mastodon',
        audienceId: OTHER_AUDIENCE,
        audienceName: 'les développeurs',
        topic: 'Studio',
        keyMessages: 'Un message',
      },
      kit,
    );
    const parsed = briefSchema.parse(brief);
    expect(parsed).toMatchObject({ platform: 'mastodon', lang: 'fr' });
    expect(parsed.audience).toMatchObject({ name: 'les développeurs', channels: ['mastodon'] });
  });

  it('asks for a sender on a marketing e-mail (the API says which field is missing)', () => {
    const state = {
      ...initialBrief(kit, 'en'),
      type: 'marketing-email' as const,
      topic: 'x',
      keyMessages: 'y',
    };
    expect(briefSchema.safeParse(buildBrief(state, kit)).success).toBe(false);
    const ok = buildBrief(
      { ...state, senderName: 'Vigie SAS', senderAddress: '1 rue de la Paix, Paris' },
      kit,
    );
    expect(briefSchema.safeParse(ok).success).toBe(true);
  });
});

describe('verify page files', () => {
  it('tells the manifest from the exported text', () => {
    const manifest = JSON.stringify({ version: 1, signature: { value: 'x' } });
    expect(
      sortDropped([
        { name: 'release.manifest.json', text: manifest },
        { name: 'release.md', text: '# Title\n\nBody {not json}' },
      ]),
    ).toEqual({ manifest, content: '# Title\n\nBody {not json}' });
    // A JSON file without a signature is content (someone publishing JSON), not a manifest.
    expect(sortDropped([{ name: 'data.json', text: '{"a":1}' }])).toEqual({ content: '{"a":1}' });
  });

  it('parses the pasted manifest: empty is none (HTML), bad JSON is null', () => {
    expect(parseManifest('  ')).toBeUndefined();
    expect(parseManifest('{"a":')).toBeNull();
    expect(parseManifest('{"a":1}')).toEqual({ a: 1 });
  });
});

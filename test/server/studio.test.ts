import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type Principal, rewrapAll, rotateDataKey } from '../../src/core/index.js';
import {
  addComment,
  createDraft,
  diffVersions,
  editDraft,
  exportApprovedDraft,
  getDraft,
  getProviderSettings,
  type Lang,
  listDrafts,
  sampleBrief,
  setOpenAISettings,
  transition,
  verifyPublished,
} from '../../src/studio/index.js';
import { startChatServer } from '../../src/studio/testing/chat-server.js';
import { loginAs, startTestServer, type TestServer } from '../support/server.js';
import { engines, openTestVigie } from '../support/vigie.js';

type Headers = Record<string, string>;

describe('Studio over HTTP', () => {
  let s: TestServer;
  let admin: Headers;
  let editor: Headers;
  let reviewer: Headers;
  beforeAll(async () => {
    s = await startTestServer({ listen: false });
    admin = (await loginAs(s.app, 'admin', s.adminPassword)).headers;
    await createUser(s.vigie, undefined, {
      username: 'emma',
      password: 'editor password 123',
      role: 'editor',
      email: 'emma@example.com',
      displayName: 'Emma Durand',
    });
    await createUser(s.vigie, undefined, {
      username: 'remi',
      password: 'reviewer password 123',
      role: 'reviewer',
      email: 'remi@example.com',
    });
    editor = (await loginAs(s.app, 'emma', 'editor password 123')).headers;
    reviewer = (await loginAs(s.app, 'remi', 'reviewer password 123')).headers;
  });
  afterAll(async () => s.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: unknown) =>
    s.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  const ledgerText = async () =>
    JSON.stringify(
      await s.vigie.db.selectFrom('ledger_entries').selectAll().where('action', 'like', 'studio.%').execute(),
    );

  // The composer uses no AI (involvement none); an edit may declare AI assistance, which export discloses.
  it.each<[Lang, string, 'none' | 'assisted', string | null]>([
    ['en', 'md', 'none', null],
    [
      'fr',
      'html',
      'assisted',
      'Ce texte a été rédigé avec l’assistance d’une intelligence artificielle (IA).',
    ],
    ['en', 'text', 'assisted', 'This text was written with the assistance of artificial intelligence (AI).'],
    ['fr', 'md', 'none', null],
  ])(
    'takes a %s press release from brief to a verified %s export (%s)',
    async (lang, format, involvement, disclosure) => {
      const created = await call('POST', '/api/v1/studio/drafts', editor, {
        brief: sampleBrief('press-release', lang),
        variants: 2,
      });
      expect(created.statusCode).toBe(201);
      const draft = created.json();
      expect(draft.status).toBe('draft');
      expect(draft.variants).toHaveLength(2);
      expect(draft.involvement).toBe('none');
      expect(draft.provider).toBe('composer');
      expect(draft.author).toBe('Emma Durand');
      expect(draft.variants[0].draft.lang).toBe(lang);
      const id = draft.id as string;

      // Text is sealed at rest: neither the brief nor the draft is readable in the tables.
      const stored = await s.vigie.db
        .selectFrom('studio_versions')
        .selectAll()
        .where('draft_id', '=', id)
        .execute();
      expect(JSON.stringify(stored)).not.toContain('Claire');
      const row = await s.vigie.db
        .selectFrom('studio_drafts')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.brief_enc).not.toContain(sampleBrief('press-release', lang).topic);

      const edited = await call('PUT', `/api/v1/studio/drafts/${id}`, editor, {
        variant: 1,
        markdown: `${draft.variants[1].draft.markdown}\n\nOne more closing line.`,
        involvement,
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().version).toBe(2);
      const diff = (await call('GET', `/api/v1/studio/drafts/${id}/diff?from=1&to=2`, editor)).json();
      expect(diff.added).toBeGreaterThan(0);
      expect(diff.patch).toContain('+One more closing line.');

      expect((await call('POST', `/api/v1/studio/drafts/${id}/export`, editor, { format })).statusCode).toBe(
        409,
      );
      expect((await call('POST', `/api/v1/studio/drafts/${id}/submit`, editor, {})).json().status).toBe(
        'in_review',
      );
      const approved = await call('POST', `/api/v1/studio/drafts/${id}/approve`, reviewer, {
        comment: 'Good to go.',
      });
      expect(approved.statusCode).toBe(200);
      expect(approved.json().status).toBe('approved');
      expect(approved.json().comments.map((c: { body: string }) => c.body)).toContain('Good to go.');

      const exported = await call('POST', `/api/v1/studio/drafts/${id}/export`, editor, { format });
      expect(exported.statusCode).toBe(200);
      const { content, manifest } = exported.json();
      if (disclosure) expect(content).toContain(disclosure);
      else expect(content).not.toMatch(/intelligence artificielle|artificial intelligence/);
      expect(manifest.involvement).toBe(involvement);
      expect(content).toContain('One more closing line.');
      // Public names only: the display name when set, else the role; never usernames or e-mails.
      expect(manifest.author).toBe('Emma Durand');
      expect(manifest.reviewers).toEqual(['reviewer']);
      expect(JSON.stringify(manifest)).not.toMatch(/emma@|remi|example\.com/);
      const entry = await s.vigie.db
        .selectFrom('ledger_entries')
        .selectAll()
        .where('seq', '=', manifest.ledgerSeq)
        .executeTakeFirstOrThrow();
      expect(entry.action).toBe('studio.export');
      expect((await call('GET', `/api/v1/studio/drafts/${id}`, editor)).json().status).toBe('exported');

      const body = format === 'html' ? { content } : { content, manifest };
      const ok = await s.app.inject({ method: 'POST', url: '/api/v1/provenance/verify', payload: body });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        ok: true,
        recorded: true,
        author: 'Emma Durand',
        reviewers: ['reviewer'],
      });
      const tampered = `${content.slice(0, 40)}${content[40] === 'x' ? 'y' : 'x'}${content.slice(41)}`;
      const bad = await s.app.inject({
        method: 'POST',
        url: '/api/v1/provenance/verify',
        payload: { ...body, content: tampered },
      });
      expect(bad.json()).toMatchObject({ ok: false, reason: 'content-modified', recorded: false });

      // The ledger holds ids and hashes, never the draft or the brief.
      const ledger = await ledgerText();
      expect(ledger).not.toContain('One more closing line');
      expect(ledger).not.toContain(sampleBrief('press-release', lang).keyMessages[0]);
    },
  );

  it('refuses self-approval (four-eyes), also through the author’s own admin rights', async () => {
    const d = (
      await call('POST', '/api/v1/studio/drafts', admin, { brief: sampleBrief('web-page', 'fr') })
    ).json();
    expect((await call('POST', `/api/v1/studio/drafts/${d.id}/submit`, admin, {})).statusCode).toBe(200);
    const self = await call('POST', `/api/v1/studio/drafts/${d.id}/approve`, admin, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().detail ?? self.body).toMatch(/own draft/);
    // An editor lacks drafts:review; nobody but the author edits; a reviewer sends it back.
    expect((await call('POST', `/api/v1/studio/drafts/${d.id}/approve`, editor, {})).statusCode).toBe(403);
    expect(
      (await call('PUT', `/api/v1/studio/drafts/${d.id}`, reviewer, { markdown: '# Mine now' })).statusCode,
    ).toBe(403);
    const back = await call('POST', `/api/v1/studio/drafts/${d.id}/request-changes`, reviewer, {
      comment: 'Ajoutez la date.',
    });
    expect(back.json().status).toBe('changes_requested');
    expect((await call('POST', `/api/v1/studio/drafts/${d.id}/approve`, reviewer, {})).statusCode).toBe(409);
  });

  it('requires a clean publish scan when the policy says so', async () => {
    const brief = {
      ...sampleBrief('customer-reply', 'en'),
      keyMessages: ['Your card 4111 1111 1111 1111 is blocked'],
    };
    const d = (await call('POST', '/api/v1/studio/drafts', editor, { brief })).json();
    await call('POST', `/api/v1/studio/drafts/${d.id}/submit`, editor, {});
    expect(
      (await call('PUT', '/api/v1/studio/policy', admin, { requireCleanPublishScan: true })).statusCode,
    ).toBe(200);
    try {
      const res = await call('POST', `/api/v1/studio/drafts/${d.id}/approve`, reviewer, {});
      expect(res.statusCode).toBe(409);
      expect(res.json().detail ?? res.body).toMatch(/clean publish scan/);
    } finally {
      await call('PUT', '/api/v1/studio/policy', admin, { requireCleanPublishScan: false });
    }
    expect((await call('POST', `/api/v1/studio/drafts/${d.id}/approve`, reviewer, {})).statusCode).toBe(200);
  });

  it('keeps the brand kit’s facts in Guard’s facts and round-trips the YAML', async () => {
    const yaml = [
      'name: Vigie',
      'voice:',
      '  tone: [clear, warm]',
      'competitors: [Globex]',
      'facts:',
      '  - id: F-BETA',
      '    statement: More than 120 teams joined the beta.',
      '    source: Beta report 2026',
      '    lang: en',
    ].join('\n');
    const put = await call('PUT', '/api/v1/studio/brand-kit', admin, { yaml });
    expect(put.statusCode).toBe(200);
    const facts = (await call('GET', '/api/v1/guard/facts', admin)).json();
    expect(JSON.stringify(facts)).toContain('More than 120 teams joined the beta.');
    expect((await call('GET', '/api/v1/guard/brand', admin)).json().rules.competitors).toEqual(['Globex']);
    const got = (await call('GET', '/api/v1/studio/brand-kit', editor)).json().yaml as string;
    expect(got).toContain('F-BETA');
    expect(got).toContain('warm');
    // A draft can pick the workspace's approved facts by id.
    const d = (
      await call('POST', '/api/v1/studio/drafts', editor, {
        brief: { ...sampleBrief('press-release', 'en'), facts: [] },
        factIds: ['F-BETA'],
      })
    ).json();
    expect(d.brief.facts.map((f: { id: string }) => f.id)).toEqual(['F-BETA']);
    expect(
      (
        await call('POST', '/api/v1/studio/drafts', editor, {
          brief: sampleBrief('press-release', 'en'),
          factIds: ['nope'],
        })
      ).statusCode,
    ).toBe(400);
    expect((await call('PUT', '/api/v1/studio/brand-kit', admin, { yaml: 'name: [' })).statusCode).toBe(400);
    expect((await call('PUT', '/api/v1/studio/brand-kit', editor, { yaml })).statusCode).toBe(403);
  });

  it('seals the provider key and never returns it', async () => {
    const put = await call('PUT', '/api/v1/studio/providers/openai', admin, {
      baseURL: 'http://127.0.0.1:9/v1',
      model: 'local-model',
      apiKey: 'sk-secret-value-123',
    });
    expect(put.statusCode).toBe(200);
    expect(put.body).not.toContain('sk-secret');
    const got = await call('GET', '/api/v1/studio/providers', admin);
    expect(got.json().openai).toMatchObject({ model: 'local-model', hasApiKey: true });
    expect(got.body).not.toContain('sk-secret');
    const row = await s.vigie.db.selectFrom('studio_providers').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('sk-secret');
    expect(await ledgerText()).not.toContain('sk-secret');
  });

  it('answers bad input with 4xx, never 500', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/v1/studio/drafts', { brief: { type: 'press-release' } }],
      ['POST', '/api/v1/studio/drafts', { brief: sampleBrief('press-release', 'en'), variants: 99 }],
      ['GET', '/api/v1/studio/drafts/00000000-0000-4000-8000-000000000000', undefined],
      ['POST', '/api/v1/provenance/verify', { content: 'hello' }],
      ['POST', '/api/v1/provenance/verify', { content: 'hello', manifest: { type: 'nope' } }],
    ];
    for (const [method, url, payload] of cases) {
      const res = await call(method as 'GET', url, editor, payload);
      if (url.endsWith('/verify')) {
        expect(res.statusCode, url).toBe(200);
        expect(res.json().ok).toBe(false);
      } else {
        expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      }
    }
  });
});

describe.each(engines)('Studio storage on %s', (engine) => {
  let t: Awaited<ReturnType<typeof openTestVigie>>;
  beforeAll(async () => {
    t = await openTestVigie(engine);
  });
  afterAll(async () => t.close());

  const person = async (username: string, role: 'editor' | 'reviewer'): Promise<Principal> => {
    const u = await createUser(t.vigie, undefined, { username, password: 'a long password 123', role });
    return { userId: u.id, username, role, permissions: new Set(), via: 'session' };
  };

  it('stores, reviews, exports and verifies a draft, with versions and comments', async () => {
    const author = await person('auteur', 'editor');
    const other = await person('relecteur', 'reviewer');
    const d = await createDraft(t.vigie, author, {
      brief: sampleBrief('marketing-email', 'fr'),
      variants: 3,
    });
    expect(d.variants.map((v) => v.variant)).toEqual([0, 1, 2]);
    await editDraft(t.vigie, author, d.id, { variant: 2 });
    const v2 = await editDraft(t.vigie, author, d.id, { markdown: '# Objet\n\nUn texte plus court.' });
    expect(v2.history.map((h) => h.version)).toEqual([1, 2]);
    await addComment(t.vigie, other, d.id, { body: 'Merci, je relis.' });
    await transition(t.vigie, author, d.id, 'submit');
    await expect(transition(t.vigie, author, d.id, 'approve')).rejects.toThrow(/own draft/);
    await transition(t.vigie, other, d.id, 'approve');
    const out = await exportApprovedDraft(t.vigie, other, d.id, { format: 'md' });
    expect(typeof out.manifest.ledgerSeq).toBe('number');
    expect(await verifyPublished(t.vigie, { content: out.content, manifest: out.manifest })).toMatchObject({
      ok: true,
      recorded: true,
    });
    const view = await getDraft(t.vigie, d.id);
    expect(view.status).toBe('exported');
    expect(view.comments.map((c) => c.body)).toEqual(['Merci, je relis.']);
    const diff = await diffVersions(t.vigie, d.id, { from: 1, to: 2 });
    expect(diff.removed).toBeGreaterThan(0);
    expect((await listDrafts(t.vigie, { status: 'exported' })).map((x) => x.id)).toContain(d.id);
    // A signature from this workspace over bytes it never exported is not "recorded".
    const ledgerSeq = out.manifest.ledgerSeq! - 1;
    expect(
      (await verifyPublished(t.vigie, { content: 'x', manifest: { ...out.manifest, ledgerSeq } })).ok,
    ).toBe(false);
    // Key rotation moves every sealed Studio column forward and the drafts still open.
    await rotateDataKey(t.vigie, undefined);
    expect((await rewrapAll(t.vigie, undefined)).remaining).toBe(0);
    expect((await getDraft(t.vigie, d.id)).comments[0]!.body).toBe('Merci, je relis.');
  });

  it('drafts through a configured OpenAI-compatible endpoint with the key from the vault', async () => {
    const author = await person('modele', 'editor');
    const server = await startChatServer({
      reply: () => '# Studio arrive\n\nStudio rédige des communiqués avec la voix de la marque.',
    });
    try {
      await expect(
        createDraft(t.vigie, author, { brief: sampleBrief('press-release', 'fr'), provider: 'openai' }),
      ).rejects.toThrow(/not configured/);
      await setOpenAISettings(t.vigie, undefined, {
        baseURL: server.url,
        model: 'local',
        apiKey: 'sk-vault-42',
      });
      const d = await createDraft(t.vigie, author, {
        brief: sampleBrief('press-release', 'fr'),
        provider: 'openai',
      });
      expect(d).toMatchObject({ provider: 'openai', model: 'local', involvement: 'generated' });
      expect(d.variants[0]!.draft.title).toBe('Studio arrive');
      expect(server.requests[0]!.authorization).toBe('Bearer sk-vault-42');
      // The brief's media contact left pseudonymised, never in clear.
      expect(JSON.stringify(server.requests[0]!.body)).not.toContain('press@vigie.example');
      expect(JSON.stringify(await getProviderSettings(t.vigie))).not.toContain('sk-vault');
    } finally {
      await server.close();
    }
  });
});

describe('public verification rate limit', () => {
  it('answers 429 past 30 requests a minute', async () => {
    const s = await startTestServer({ listen: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 31; i++) {
        const r = await s.app.inject({
          method: 'POST',
          url: '/api/v1/provenance/verify',
          payload: { content: 'x' },
        });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
      expect(codes[30]).toBe(429);
    } finally {
      await s.close();
    }
  });
});

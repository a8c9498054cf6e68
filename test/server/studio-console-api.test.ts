import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/index.js';
import { sampleBrief } from '../../src/studio/index.js';
import { type ChatServer, startChatServer } from '../../src/studio/testing/chat-server.js';
import { loginAs, startTestServer, type TestServer } from '../support/server.js';
import { engines } from '../support/vigie.js';

type Headers = Record<string, string>;

/** Parses a text/event-stream body into its events, in order. */
function events(body: string): Array<{ event: string; data: Record<string, unknown> }> {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>;
      return { event, data };
    });
}

const ANSWER = [
  '# Studio drafts with safeguards',
  '',
  'Studio drafts press releases in the voice of the brand, and a person approves each one.',
  '',
  'Contact: Claire Martin, press office.',
].join('\n');

describe.each(engines)(
  'Studio API for the console on %s: streaming, llama.cpp settings, reviewer-role policy',
  (engine) => {
    let s: TestServer;
    let chat: ChatServer;
    let admin: Headers;
    let editor: Headers;
    let reviewer: Headers;
    let reviewerId: string;
    beforeAll(async () => {
      s = await startTestServer({ listen: false, engine });
      chat = await startChatServer({ reply: () => ANSWER, chunkSize: 9 });
      admin = (await loginAs(s.app, 'admin', s.adminPassword)).headers;
      await createUser(s.vigie, undefined, {
        username: 'eve',
        password: 'editor password 123',
        role: 'editor',
      });
      ({ id: reviewerId } = await createUser(s.vigie, undefined, {
        username: 'rob',
        password: 'reviewer password 123',
        role: 'reviewer',
      }));
      editor = (await loginAs(s.app, 'eve', 'editor password 123')).headers;
      reviewer = (await loginAs(s.app, 'rob', 'reviewer password 123')).headers;
    });
    afterAll(async () => {
      await chat?.close();
      await s?.close();
    });

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: unknown) =>
      s.app.inject({
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    it('streams an openai draft as server-sent events, then the stored draft', async () => {
      const unset = await call('POST', '/api/v1/studio/drafts/stream', editor, {
        brief: sampleBrief('press-release', 'en'),
        provider: 'openai',
      });
      expect(unset.statusCode).toBe(400);
      expect(unset.headers['content-type']).toContain('application/problem+json');
      expect(
        (
          await call('PUT', '/api/v1/studio/providers/openai', admin, {
            baseURL: chat.url,
            model: 'local-test',
            apiKey: 'sk-stream-secret-7',
          })
        ).statusCode,
      ).toBe(200);

      const res = await call('POST', '/api/v1/studio/drafts/stream', editor, {
        brief: sampleBrief('press-release', 'en'),
        provider: 'openai',
        variants: 2,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
      expect(res.body).not.toContain('sk-stream-secret-7');
      const all = events(res.body);
      const deltas = all.filter((e) => e.event === 'delta');
      expect(deltas.length).toBeGreaterThan(4);
      for (const variant of [0, 1]) {
        const text = deltas
          .filter((d) => d.data.variant === variant)
          .map((d) => d.data.text)
          .join('');
        expect(text).toBe(ANSWER);
      }
      const last = all.at(-1)!;
      expect(last.event).toBe('draft');
      expect(last.data).toMatchObject({ status: 'draft', provider: 'openai', model: 'local-test' });
      expect((last.data.variants as unknown[]).length).toBe(2);
      // The draft is stored like any other.
      const stored = await call('GET', `/api/v1/studio/drafts/${last.data.id as string}`, editor);
      expect(stored.statusCode).toBe(200);
    });

    it('streams a composer draft as one draft event, and refuses what POST /drafts refuses', async () => {
      const res = await call('POST', '/api/v1/studio/drafts/stream', editor, {
        brief: sampleBrief('press-release', 'fr'),
      });
      expect(res.statusCode).toBe(200);
      const all = events(res.body);
      expect(all.map((e) => e.event)).toEqual(['draft']);
      expect(all[0]!.data).toMatchObject({ provider: 'composer', lang: 'fr' });

      const bad = await call('POST', '/api/v1/studio/drafts/stream', editor, { brief: { type: 'poem' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('VALIDATION');
      const { cookie } = editor;
      const noCsrf = await call(
        'POST',
        '/api/v1/studio/drafts/stream',
        { cookie: cookie! },
        {
          brief: sampleBrief('press-release', 'fr'),
        },
      );
      expect(noCsrf.statusCode).toBe(403);
      const forbidden = await s.app.inject({
        method: 'POST',
        url: '/api/v1/studio/drafts/stream',
        payload: { brief: sampleBrief('press-release', 'fr') },
      });
      expect(forbidden.statusCode).toBe(401);
    });

    it('reports an endpoint failure before the first byte as problem+json', async () => {
      const refusing = await startChatServer({ reply: () => ANSWER, status: 401 });
      try {
        await call('PUT', '/api/v1/studio/providers/openai', admin, {
          baseURL: refusing.url,
          model: 'local-test',
          maxRetries: 0,
        });
        const res = await call('POST', '/api/v1/studio/drafts/stream', editor, {
          brief: sampleBrief('press-release', 'en'),
          provider: 'openai',
        });
        expect(res.statusCode).toBe(503);
        expect(res.json().detail).toContain('rejected the API key');
      } finally {
        await refusing.close();
      }
    });

    it('sets the llama.cpp model path and says what is missing, never a 500', async () => {
      const relative = await call('PUT', '/api/v1/studio/providers/llamacpp', admin, {
        modelPath: 'models/tiny.gguf',
      });
      expect(relative.statusCode).toBe(400);
      const notGguf = await call('PUT', '/api/v1/studio/providers/llamacpp', admin, {
        modelPath: '/etc/passwd',
      });
      expect(notGguf.statusCode).toBe(400);
      expect(
        (
          await call('PUT', '/api/v1/studio/providers/llamacpp', editor, {
            modelPath: '/srv/models/tiny.gguf',
          })
        ).statusCode,
      ).toBe(403);

      const set = await call('PUT', '/api/v1/studio/providers/llamacpp', admin, {
        modelPath: '/srv/models/missing-tiny.gguf',
        contextSize: 4096,
      });
      expect(set.statusCode).toBe(200);
      const view = (await call('GET', '/api/v1/studio/providers', admin)).json();
      expect(view.llamacpp).toMatchObject({
        modelPath: '/srv/models/missing-tiny.gguf',
        contextSize: 4096,
        modelFound: false,
      });
      expect(view.llamacpp.problems.join(' ')).toContain('model file is missing');
      // The openai key stays write-only.
      expect(view.openai.hasApiKey).toBe(true);
      expect(JSON.stringify(view)).not.toContain('sk-stream-secret-7');
      expect(JSON.stringify(view.openai)).not.toMatch(/apiKey"/);

      const draft = await call('POST', '/api/v1/studio/drafts', editor, {
        brief: sampleBrief('press-release', 'en'),
        provider: 'llamacpp',
      });
      expect(draft.statusCode).toBe(503);
      expect(draft.json().detail).toContain('model file is missing');
      const entry = await s.vigie.db
        .selectFrom('ledger_entries')
        .selectAll()
        .where('target', '=', 'provider:llamacpp')
        .executeTakeFirstOrThrow();
      expect(entry.details).not.toContain('/srv/models');
    });

    it('judges a token by its owner: an admin’s reviewer-role token cannot approve under the policy', async () => {
      // Tokens are minted by an admin (tokens:manage): one for themselves, one owned by a reviewer.
      const bearer = async (userId?: string): Promise<Headers> => {
        const res = await call('POST', '/api/v1/tokens', admin, {
          name: 'review bot',
          role: 'reviewer',
          ...(userId ? { userId } : {}),
        });
        expect(res.statusCode).toBe(201);
        return { authorization: `Bearer ${res.json().secret as string}` };
      };
      const adminToken = await bearer();
      const reviewerToken = await bearer(reviewerId);
      await call('PUT', '/api/v1/studio/policy', admin, { requireReviewerRole: true });
      try {
        const id = (
          await call('POST', '/api/v1/studio/drafts', editor, { brief: sampleBrief('press-release', 'en') })
        ).json().id as string;
        await call('POST', `/api/v1/studio/drafts/${id}/submit`, editor, {});
        const byAdminToken = await call('POST', `/api/v1/studio/drafts/${id}/approve`, adminToken, {});
        expect(byAdminToken.statusCode).toBe(403);
        expect(byAdminToken.headers['content-type']).toContain('application/problem+json');
        expect(byAdminToken.json().detail).toContain('reviewer role');
        const byReviewerToken = await call('POST', `/api/v1/studio/drafts/${id}/approve`, reviewerToken, {});
        expect(byReviewerToken.statusCode).toBe(200);
        expect(byReviewerToken.json().status).toBe('approved');
      } finally {
        await call('PUT', '/api/v1/studio/policy', admin, { requireReviewerRole: false });
      }
    });

    it('keeps four-eyes across a session and a token: the author’s own token cannot approve', async () => {
      const res = await call('POST', '/api/v1/tokens', admin, { name: 'mine', role: 'admin' });
      const adminToken = { authorization: `Bearer ${res.json().secret as string}` };
      const id = (
        await call('POST', '/api/v1/studio/drafts', admin, { brief: sampleBrief('press-release', 'en') })
      ).json().id as string;
      await call('POST', `/api/v1/studio/drafts/${id}/submit`, admin, {});
      const own = await call('POST', `/api/v1/studio/drafts/${id}/approve`, adminToken, {});
      expect(own.statusCode).toBe(403);
      expect(own.json().detail).toContain('own draft');
    });

    it('lets the policy require the reviewer role for approval', async () => {
      const policy = await call('PUT', '/api/v1/studio/policy', admin, { requireReviewerRole: true });
      expect(policy.statusCode).toBe(200);
      expect((await call('GET', '/api/v1/studio/policy', editor)).json().requireReviewerRole).toBe(true);
      const created = await call('POST', '/api/v1/studio/drafts', editor, {
        brief: sampleBrief('press-release', 'en'),
      });
      const id = created.json().id as string;
      await call('POST', `/api/v1/studio/drafts/${id}/submit`, editor, {});
      const byAdmin = await call('POST', `/api/v1/studio/drafts/${id}/approve`, admin, {});
      expect(byAdmin.statusCode).toBe(403);
      expect(byAdmin.json().detail).toContain('reviewer role');
      expect((await call('POST', `/api/v1/studio/drafts/${id}/approve`, reviewer, {})).json().status).toBe(
        'approved',
      );
      await call('PUT', '/api/v1/studio/policy', admin, { requireReviewerRole: false });
      const other = (
        await call('POST', '/api/v1/studio/drafts', editor, { brief: sampleBrief('press-release', 'fr') })
      ).json().id as string;
      await call('POST', `/api/v1/studio/drafts/${other}/submit`, editor, {});
      expect((await call('POST', `/api/v1/studio/drafts/${other}/approve`, admin, {})).statusCode).toBe(200);
    });
  },
);

describe('the public /verify page', () => {
  it('is served to a browser without a session, like /login', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vigie-console-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Vigie</title><div id="root"></div>');
    const s = await startTestServer({ listen: false, consoleRoot: root });
    try {
      const page = await s.app.inject({ method: 'GET', url: '/verify', headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<div id="root">');
      // And the API it calls needs no session or CSRF token either.
      const verdict = await s.app.inject({
        method: 'POST',
        url: '/api/v1/provenance/verify',
        payload: { content: 'hello', manifest: { version: 1 } },
      });
      expect(verdict.statusCode).toBe(200);
      expect(verdict.json().ok).toBe(false);
    } finally {
      await s.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/index.js';
import { seedInsightsScenario } from '../../src/integrity/insights/workspace/test-fixture.js';
import { loginAs, startTestServer, type TestServer } from '../support/server.js';
import { engines } from '../support/vigie.js';

describe.each(engines)('Insights over HTTP (%s)', (engine) => {
  let s: TestServer;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  let reviewer: Record<string, string>;
  let ids: Map<string, string>;

  beforeAll(async () => {
    s = await startTestServer({ listen: false, engine });
    ids = await seedInsightsScenario(s.vigie);
    for (const role of ['analyst', 'reviewer'] as const)
      await createUser(s.vigie, undefined, { username: role, password: 'a long password 123', role });
    admin = (await loginAs(s.app, 'admin', s.adminPassword)).headers;
    analyst = (await loginAs(s.app, 'analyst', 'a long password 123')).headers;
    reviewer = (await loginAs(s.app, 'reviewer', 'a long password 123')).headers;
  });
  afterAll(async () => s.close());

  it('computes segments, holds an unfair targeting use for review, and lets a reviewer decide', async () => {
    const computed = await s.app.inject({
      method: 'POST',
      url: '/api/v1/segments/compute',
      headers: analyst,
      payload: { kind: 'rfm' },
    });
    expect(computed.statusCode).toBe(200);
    const unfair = computed.json().segments.find((x: { name: string }) => x.name === 'RFM: need_attention');
    expect(unfair.size).toBe(10);

    const asked = await s.app.inject({
      method: 'POST',
      url: `/api/v1/segments/${unfair.id}/uses`,
      headers: analyst,
      payload: { campaign: 'Winter sale' },
    });
    expect(asked.statusCode).toBe(201);
    const { use, audit } = asked.json();
    expect(use.status).toBe('review');
    expect(audit.failures).toContain('four_fifths');

    const held = await s.app.inject({ url: '/api/v1/segment-uses?status=review', headers: reviewer });
    expect(held.json().uses.map((u: { id: string }) => u.id)).toEqual([use.id]);
    expect(
      (await s.app.inject({ url: `/api/v1/fairness-audits/${audit.id}`, headers: reviewer })).json().audit
        .groups,
    ).toHaveLength(2);

    // The analyst may not decide; the reviewer must give a comment.
    const byAnalyst = await s.app.inject({
      method: 'POST',
      url: `/api/v1/segment-uses/${use.id}/decision`,
      headers: analyst,
      payload: { decision: 'approve', comment: 'fine' },
    });
    expect(byAnalyst.statusCode).toBe(403);
    const noComment = await s.app.inject({
      method: 'POST',
      url: `/api/v1/segment-uses/${use.id}/decision`,
      headers: reviewer,
      payload: { decision: 'approve' },
    });
    expect(noComment.statusCode).toBe(400);
    const ok = await s.app.inject({
      method: 'POST',
      url: `/api/v1/segment-uses/${use.id}/decision`,
      headers: reviewer,
      payload: { decision: 'approve', comment: 'Seasonal reactivation; women get the next wave.' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().use.status).toBe('approved');

    const shown = await s.app.inject({ url: `/api/v1/segments/${unfair.id}`, headers: admin });
    expect(shown.json().uses[0].status).toBe('approved');
  });

  it('exports k-anonymous CSV and serves recommendations', async () => {
    await s.app.inject({
      method: 'PUT',
      url: '/api/v1/insights/settings',
      headers: admin,
      payload: { kAnonymity: 11 },
    });
    const csv = await s.app.inject({ url: '/api/v1/segments/export', headers: analyst });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('RFM: need_attention,rfm,suppressed');
    await s.app.inject({
      method: 'PUT',
      url: '/api/v1/insights/settings',
      headers: admin,
      payload: { kAnonymity: 10 },
    });

    const rec = await s.app.inject({
      url: `/api/v1/recommendations/${ids.get('m10')}?n=1`,
      headers: analyst,
    });
    expect(rec.json()).toMatchObject({
      personalised: true,
      items: [{ item: 'p1', source: 'collaborative' }],
      stored: null,
    });
    const batch = await s.app.inject({
      method: 'POST',
      url: '/api/v1/recommendations/compute',
      headers: analyst,
      payload: { n: 2 },
    });
    expect(batch.json().subjects).toBe(40);
    const again = await s.app.inject({ url: `/api/v1/recommendations/${ids.get('m10')}`, headers: analyst });
    expect(again.json().stored[0].item).toBe('p1');
  });

  it('hides a segment whose member was erased and refuses to target it until it is recomputed', async () => {
    const list = async () =>
      (await s.app.inject({ url: '/api/v1/segments', headers: analyst })).json().segments as Array<{
        id: string;
        name: string;
        size: number | null;
        population: number | null;
        profile: unknown;
        stale: boolean;
        staleSince: string | null;
      }>;
    await s.app.inject({
      method: 'POST',
      url: '/api/v1/segments/compute',
      headers: analyst,
      payload: { kind: 'rfm' },
    });
    const seg = (await list()).find((x) => x.name === 'RFM: need_attention')!;
    expect(seg).toMatchObject({ stale: false, staleSince: null });
    const erased = await s.app.inject({
      method: 'DELETE',
      url: `/api/v1/customers/${ids.get('m11')}`,
      headers: admin,
    });
    expect(erased.statusCode).toBe(200);
    // Every RFM segment of that computation: marking only theirs would say which one they were in.
    expect(erased.json().derived.segmentsAffected).toBeGreaterThan(1);

    expect((await list()).find((x) => x.id === seg.id)).toMatchObject({
      stale: true,
      staleSince: expect.any(String),
      size: null,
      population: null,
      profile: null,
    });
    const one = await s.app.inject({ url: `/api/v1/segments/${seg.id}`, headers: analyst });
    expect(one.json().segment).toMatchObject({ stale: true, size: null, population: null, profile: null });
    const csv = await s.app.inject({ url: '/api/v1/segments/export', headers: analyst });
    expect(csv.body).toContain('RFM: need_attention,rfm,stale,stale,');
    const use = await s.app.inject({
      method: 'POST',
      url: `/api/v1/segments/${seg.id}/uses`,
      headers: analyst,
      payload: { campaign: 'After erasure' },
    });
    expect(use.statusCode).toBe(409);
    expect(use.headers['content-type']).toContain('application/problem+json');
    expect(use.json().detail).toBe('This segment counts people who were erased since: recompute it first');

    const recomputed = await s.app.inject({
      method: 'POST',
      url: '/api/v1/segments/compute',
      headers: analyst,
      payload: { kind: 'rfm' },
    });
    const fresh = recomputed.json().segments.find((x: { id: string }) => x.id === seg.id);
    expect(fresh).toMatchObject({ stale: false, staleSince: null });
  });

  it('answers bad input with problem+json 4xx', async () => {
    const bad = [
      { method: 'POST', url: '/api/v1/segments/compute', payload: { kind: 'astrology' } },
      { method: 'POST', url: '/api/v1/segments/compute', payload: { kind: 'cluster', k: 1000 } },
      { method: 'GET', url: '/api/v1/segments/not-a-uuid' },
      { method: 'GET', url: '/api/v1/segments/00000000-0000-4000-8000-000000000000' },
      {
        method: 'POST',
        url: '/api/v1/segments/00000000-0000-4000-8000-000000000000/uses',
        payload: { campaign: 'x' },
      },
      { method: 'GET', url: '/api/v1/recommendations/bad%20subject' },
      { method: 'GET', url: '/api/v1/recommendations/no-such-customer' },
      { method: 'PUT', url: '/api/v1/insights/settings', payload: { kAnonymity: 1 } },
      ...[
        {},
        { item: '' },
        { item: 'x'.repeat(257) },
        { item: 'p0\u0000' },
        { item: 'p0', attribute: 'religion' },
        { item: 'p0', extra: true },
      ].map(
        (payload) => ({ method: 'POST', url: '/api/v1/recommendations/exposure-audit', payload }) as const,
      ),
    ] as const;
    for (const b of bad) {
      const res = await s.app.inject({
        method: b.method,
        url: b.url,
        headers: admin,
        ...('payload' in b ? { payload: b.payload } : {}),
      });
      expect(res.statusCode, b.url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, b.url).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('audits recommendation exposure of an item: 409 before a batch is stored, then k-anonymous', async () => {
    const audit = (headers: Record<string, string>) =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/recommendations/exposure-audit',
        headers,
        payload: { item: 'p0', attribute: 'gender' },
      });
    await s.vigie.db.deleteFrom('recommendations').execute();
    const none = await audit(reviewer);
    expect(none.statusCode).toBe(409);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json().detail).toContain('compute recommendations first');

    await s.app.inject({
      method: 'POST',
      url: '/api/v1/recommendations/compute',
      headers: analyst,
      payload: {},
    });
    const res = await audit(reviewer);
    expect(res.statusCode).toBe(200);
    const body = res.json().audit;
    expect(body).toMatchObject({ item: 'p0', attribute: 'gender', suppressedGroups: 0 });
    expect(body.groups.map((g: { key: string }) => g.key)).toEqual(['female', 'male']);
    // A group with 1 to k - 1 people exposed (or not) keeps only its name, and hides the metrics.
    for (const g of body.groups) if (g.suppressed) expect(body.metrics).toBeNull();
    expect(JSON.stringify(body)).not.toContain(ids.get('f0')!);
  });
});

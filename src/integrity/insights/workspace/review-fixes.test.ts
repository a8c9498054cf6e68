/** Regression tests for the security review of insights (four-eyes, k-anonymity, consent, staleness). */
import { describe, expect, it, vi } from 'vitest';
import { engines, openTestVigie } from '../../../../test/support/vigie.js';
import type { Principal } from '../../../core/index.js';
import { setConsent } from '../../vault/index.js';
import {
  computeRecommendations,
  computeSegments,
  decideSegmentUse,
  listSegments,
  listSegmentUses,
  recommendForSubject,
  requestSegmentUse,
  segmentsCsv,
  storedRecommendations,
  writeInsightsSettings,
} from './index.js';
import { defaultSources, type InsightSources } from './sources.js';
import { NOW, principal, useInsightsScenario } from './test-fixture.js';

const analyst = principal('analyst', { role: 'admin' });
const analystToken: Principal = { ...analyst, via: 'token', tokenId: 't-1' };
const cliOperator: Principal = { ...analyst, userId: 'cli', username: 'cli', via: 'cli' };
const reviewer = principal('reviewer');

describe.each(engines)('insights review fixes (%s)', (engine) => {
  const { vigie, db, ids, s } = useInsightsScenario(() => openTestVigie(engine));

  const needAttention = async () =>
    (await computeSegments(vigie(), analyst, { kind: 'rfm' }, { now: NOW })).find(
      (x) => x.name === 'RFM: need_attention',
    )!;
  /** The scenario's subjects with a gender chosen by the test (the vault only holds female/male). */
  const withGenders = (gender: (id: string) => string): InsightSources => ({
    ...defaultSources,
    attribute: async () =>
      new Map([...ids()].filter(([id]) => /^[fm]\d+$|^r0$/.test(id)).map(([id, sub]) => [sub, gender(id)])),
  });

  it('refuses a requester approving with another credential, and a CLI approving a CLI request', async () => {
    const seg = await needAttention();
    const byToken = await requestSegmentUse(vigie(), analystToken, seg.id, { campaign: 'A' });
    expect(byToken.use).toMatchObject({ status: 'review', requestedBy: 'user:u-analyst' });
    await expect(
      decideSegmentUse(vigie(), analyst, byToken.use.id, { decision: 'approve', comment: 'ok' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const byCli = await requestSegmentUse(vigie(), cliOperator, seg.id, { campaign: 'B' });
    await expect(
      decideSegmentUse(vigie(), cliOperator, byCli.use.id, { decision: 'approve', comment: 'ok' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const decided = await decideSegmentUse(vigie(), reviewer, byCli.use.id, {
      decision: 'reject',
      comment: 'no',
    });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: 'user:u-reviewer' });
  });

  it('merges groups under k, leaves out a lone person with the total, and computes metrics without them', async () => {
    const seg = await needAttention();
    // 21 women, 19 men (9 of them selected), 1 selected non-binary person.
    const lone = withGenders((id) => (id === 'm10' ? 'non_binary' : id.startsWith('m') ? 'male' : 'female'));
    const { audit } = await requestSegmentUse(vigie(), analyst, seg.id, { campaign: 'A' }, lone);
    expect(audit.population).toBeNull();
    expect(audit.suppressedGroups).toBe(1);
    // 9 selected men are fewer than k: the group keeps only its name (k-anonymity review), and the
    // metrics are hidden from the view; the stored report still computes them without the lone person.
    expect(audit.groups).toEqual([
      { key: 'female', suppressed: false, n: 21, selectionRate: 0 },
      { key: 'male', suppressed: true },
    ]);
    expect(audit.metrics).toBeNull();
    const stored = await db()
      .selectFrom('fairness_audits')
      .select('report')
      .where('id', '=', audit.id)
      .executeTakeFirstOrThrow();
    const report = JSON.parse(stored.report);
    expect(Object.keys(report.groups)).toEqual(['female', 'male']);
    expect(report.metrics.demographic_parity_difference).toBeCloseTo(9 / 19);
    const entry = await db()
      .selectFrom('ledger_entries')
      .select('details')
      .where('action', '=', 'insights.segment.use.request')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details)).toMatchObject({ suppressed_groups: 1 });

    // Two groups of 5 together reach k: they show as "other".
    const merged = withGenders((id) =>
      /^m[0-4]$/.test(id) ? 'x' : /^m[5-9]$/.test(id) ? 'y' : id.startsWith('m') ? 'male' : 'female',
    );
    const second = await requestSegmentUse(vigie(), analyst, seg.id, { campaign: 'B' }, merged);
    expect(second.audit).toMatchObject({ population: 41, suppressedGroups: 0 });
    expect(second.audit.groups.map((g) => [g.key, g.n])).toEqual([
      ['female', 21],
      ['male', 10],
      ['other', 10],
    ]);

    // Only one group of at least k: no audit can clear it.
    const few = withGenders((id) => (/^m1[0-2]$/.test(id) ? 'male' : 'female'));
    const third = await requestSegmentUse(vigie(), analyst, seg.id, { campaign: 'C' }, few);
    expect(third.use.status).toBe('review');
    expect(third.audit).toMatchObject({ failures: ['too_few_per_group'], metrics: null, population: 0 });
  });

  it('refuses to audit a segment under k', async () => {
    const seg = await needAttention();
    await writeInsightsSettings(vigie(), undefined, { kAnonymity: 11 });
    await expect(requestSegmentUse(vigie(), analyst, seg.id, { campaign: 'A' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('hides the population of a family with a hidden segment', async () => {
    await computeSegments(vigie(), analyst, { kind: 'rfm' }, { now: NOW });
    await computeSegments(vigie(), analyst, { kind: 'cluster', k: 2 }, { now: NOW });
    await writeInsightsSettings(vigie(), undefined, { kAnonymity: 11 });
    const segs = await listSegments(vigie());
    for (const seg of segs.filter((x) => x.kind === 'rfm')) expect(seg.population).toBeNull();
    // The clusters (20 buyers, 20 browsers) are all shown: their population stays.
    for (const seg of segs.filter((x) => x.kind === 'cluster')) expect(seg.population).toBe(40);
    expect(await segmentsCsv(vigie())).toContain('RFM: champions,rfm,0,suppressed,');
  });

  it('serves stored recommendations only while consent lasts, and re-checks consent before storing', async () => {
    // Consent withdrawn while the batch computes (after consent was read): nothing stored for m11.
    const racing: InsightSources = {
      ...defaultSources,
      events: async (v, o) => {
        await setConsent(v, undefined, s('m11'), { purpose: 'recommendations', status: 'withdrawn' });
        await setConsent(v, undefined, s('m12'), { purpose: 'profiling', status: 'withdrawn' });
        return defaultSources.events(v, o);
      },
    };
    const batch = await computeRecommendations(vigie(), analyst, { n: 3 }, racing);
    expect(batch.subjects).toBe(39);
    expect(await storedRecommendations(vigie(), s('m11'))).toBeNull();
    expect(await storedRecommendations(vigie(), s('m10'))).not.toBeNull();
    await setConsent(vigie(), undefined, s('m10'), { purpose: 'recommendations', status: 'withdrawn' });
    expect(await storedRecommendations(vigie(), s('m10'))).toBeNull();
    expect((await recommendForSubject(vigie(), s('m10'))).personalised).toBe(false);

    await computeSegments(vigie(), analyst, { kind: 'rfm' }, { now: NOW, sources: racing });
    const members = await db().selectFrom('segment_members').select('subject').execute();
    expect(members.map((m) => m.subject)).not.toContain(s('m12'));
  });

  it('reuses the recommender until something changes, and sees a withdrawal at the next request', async () => {
    const reads = vi.spyOn(defaultSources, 'events');
    try {
      expect((await recommendForSubject(vigie(), s('m10'))).personalised).toBe(true);
      expect((await recommendForSubject(vigie(), s('m11'))).personalised).toBe(true);
      expect(reads).toHaveBeenCalledTimes(1);
      await setConsent(vigie(), undefined, s('m10'), { purpose: 'recommendations', status: 'withdrawn' });
      expect((await recommendForSubject(vigie(), s('m10'))).personalised).toBe(false);
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });

  it('marks approved and pending uses stale when the segment is recomputed', async () => {
    const segs = await computeSegments(vigie(), analyst, { kind: 'cluster', k: 2 }, { now: NOW });
    const buyers = segs.find((x) => (x.profile as { means: { purchases: number } }).means.purchases > 0)!;
    const { use } = await requestSegmentUse(vigie(), analyst, buyers.id, { campaign: 'Loyalty' });
    expect(use.status).toBe('approved');
    await computeSegments(vigie(), analyst, { kind: 'cluster', k: 2, seed: 7 }, { now: NOW });
    expect((await listSegmentUses(vigie(), { status: 'stale' })).map((u) => u.id)).toEqual([use.id]);
    const stale = await db()
      .selectFrom('ledger_entries')
      .select('details')
      .where('action', '=', 'insights.segment.use.stale')
      .execute();
    expect(stale.map((e) => JSON.parse(e.details))).toEqual([{ uses: [use.id] }]);
  });
});

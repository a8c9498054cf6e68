import { describe, expect, it } from 'vitest';
import { engines, openTestVigie } from '../../../../test/support/vigie.js';
import {
  computeRecommendations,
  computeSegments,
  decideSegmentUse,
  listAudits,
  listSegments,
  recommendForSubject,
  requestSegmentUse,
  segmentsCsv,
  writeInsightsSettings,
} from './index.js';
import { NOW, principal, useInsightsScenario } from './test-fixture.js';

const analyst = principal('analyst');
const reviewer = principal('reviewer');

describe.each(engines)('insights workspace (%s)', (engine) => {
  const { vigie, db, ids, s } = useInsightsScenario(() => openTestVigie(engine));

  it('computes RFM segments from consenting subjects only, and suppresses sizes under k', async () => {
    const segs = await computeSegments(vigie(), analyst, { kind: 'rfm' }, { now: NOW });
    const by = new Map(segs.map((s) => [s.name, s]));
    expect(by.get('RFM: need_attention')).toMatchObject({ size: 10, population: 20, suppressed: false });
    expect(by.get('RFM: hibernating')).toMatchObject({ size: 10, suppressed: false });
    expect(by.get('RFM: champions')).toMatchObject({ size: 0, suppressed: false });
    const members = await db().selectFrom('segment_members').select('subject').execute();
    expect(members).toHaveLength(20);
    expect(members.map((m) => m.subject)).not.toContain(s('x0'));

    await writeInsightsSettings(vigie(), undefined, { kAnonymity: 11 });
    const hidden = (await listSegments(vigie())).find((s) => s.name === 'RFM: need_attention')!;
    expect(hidden).toMatchObject({ size: null, suppressed: true, profile: null });
    const csv = await segmentsCsv(vigie());
    expect(csv).toContain('RFM: need_attention,rfm,suppressed');
    expect(csv).not.toMatch(/need_attention,rfm,10/);

    const ledger = await db()
      .selectFrom('ledger_entries')
      .selectAll()
      .where('action', '=', 'insights.segment.compute')
      .execute();
    expect(ledger).toHaveLength(7);
    const text = JSON.stringify(ledger);
    for (const subject of ids().values()) expect(text).not.toContain(subject);
  });

  it('sends a segment that excludes women to review, and a reviewer (not the requester) decides with a comment', async () => {
    const segs = await computeSegments(vigie(), analyst, { kind: 'rfm' }, { now: NOW });
    const unfair = segs.find((s) => s.name === 'RFM: need_attention')!;
    const { use, audit } = await requestSegmentUse(vigie(), analyst, unfair.id, { campaign: 'Winter sale' });
    expect(use.status).toBe('review');
    expect(audit.attribute).toBe('gender');
    expect(audit.passed).toBe(false);
    expect(audit.failures).toEqual(['four_fifths', 'parity_difference']);
    // Consenting to profiling with a gender: 21 women (20 + r0) and 20 men; x0 and x1 refused.
    expect(audit.population).toBe(41);
    expect(audit.groups).toEqual([
      { key: 'female', suppressed: false, n: 21, selectionRate: 0 },
      { key: 'male', suppressed: false, n: 20, selectionRate: 0.5 },
    ]);
    expect(audit.metrics).toMatchObject({
      demographic_parity_difference: 0.5,
      demographic_parity_ratio: 0,
      disparate_impact: 0,
    });

    await expect(
      decideSegmentUse(vigie(), analyst, use.id, { decision: 'approve', comment: 'mine' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      decideSegmentUse(vigie(), reviewer, use.id, { decision: 'approve', comment: '' }),
    ).rejects.toThrow();
    const decided = await decideSegmentUse(vigie(), reviewer, use.id, {
      decision: 'reject',
      comment: 'Excludes women entirely.',
    });
    expect(decided).toMatchObject({
      status: 'rejected',
      decidedBy: 'user:u-reviewer',
      comment: 'Excludes women entirely.',
    });
    await expect(
      decideSegmentUse(vigie(), reviewer, use.id, { decision: 'approve', comment: 'again' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const entries = await db()
      .selectFrom('ledger_entries')
      .select(['action', 'details'])
      .where('action', 'like', 'insights.segment.use.%')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'insights.segment.use.request',
      'insights.segment.use.decide',
    ]);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({
      status: 'review',
      failures: ['four_fifths', 'parity_difference'],
    });
    expect(JSON.stringify(entries)).not.toContain('Excludes women');
    expect(await listAudits(vigie())).toHaveLength(1);
  });

  it('approves a segment whose selection rates match across groups, and hides small groups', async () => {
    const segs = await computeSegments(vigie(), analyst, { kind: 'cluster', k: 2 }, { now: NOW });
    const buyers = segs.find((s) => (s.profile as { means: { purchases: number } }).means.purchases > 0)!;
    expect(buyers.size).toBe(20);
    const { use, audit } = await requestSegmentUse(vigie(), analyst, buyers.id, { campaign: 'Loyalty' });
    expect(audit.failures).toEqual([]);
    expect(use).toMatchObject({ status: 'approved', decidedBy: 'policy' });
    const [shown] = await listAudits(vigie());
    expect(shown!.groups).toEqual([
      { key: 'female', suppressed: false, n: 21, selectionRate: 10 / 21 },
      { key: 'male', suppressed: false, n: 20, selectionRate: 0.5 },
    ]);
    // k = 21: the men (20) are too few, and so are the 10 selected women (k-anonymity review).
    await writeInsightsSettings(vigie(), undefined, { kAnonymity: 21 });
    const [view] = await listAudits(vigie());
    expect(view!.groups).toEqual([
      { key: 'female', suppressed: true },
      { key: 'male', suppressed: true },
    ]);
    expect(view).toMatchObject({ passed: true, metrics: null, population: null });
  });

  it('scores purchase propensity with a holdout AUC, and refuses data without both outcomes', async () => {
    // Horizon 2 days: the men's last purchases are the outcome, everything earlier the features.
    const [seg] = await computeSegments(
      vigie(),
      analyst,
      { kind: 'propensity', threshold: 0.5, horizonDays: 2 },
      { now: NOW },
    );
    expect(seg!.name).toBe('Propensity 0.5 over 2 days');
    const profile = seg!.profile as { holdoutAuc: number | null; trainSize: number; holdoutSize: number };
    expect(profile.trainSize + profile.holdoutSize).toBe(40);
    expect(profile.holdoutSize).toBe(12);
    const members = await db().selectFrom('segment_members').select(['subject', 'score']).execute();
    const men = new Set([...ids()].filter(([id]) => /^m1\d$/.test(id)).map(([, s]) => s));
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) {
      expect(m.score).toBeGreaterThanOrEqual(0.5);
      expect(men.has(m.subject)).toBe(true);
    }
    // Horizon 30 days: every purchase before the cutoff is a woman's, and none of them bought since.
    await expect(
      computeSegments(vigie(), analyst, { kind: 'propensity', horizonDays: 30 }, { now: NOW }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('recommends from consenting subjects’ accepted events, with fallbacks', async () => {
    // m10 bought p2, p3, p0: the one product left is p1.
    const r = await recommendForSubject(vigie(), s('m10'), { n: 1 });
    expect(r).toMatchObject({ personalised: true, items: [{ item: 'p1', source: 'collaborative' }] });
    // A browser has no purchase: popular items fill in.
    const cold = await recommendForSubject(vigie(), s('f0'), { n: 5 });
    expect(cold.items.map((i) => i.source)).toEqual(['popular', 'popular', 'popular', 'popular']);
    const all = JSON.stringify([r, cold, await recommendForSubject(vigie(), s('x0'))]);
    expect(all).not.toContain('secret');
    expect(all).not.toContain('poison');
    // r0 did not consent to recommendations: nothing personal.
    expect((await recommendForSubject(vigie(), s('r0'))).personalised).toBe(false);

    const batch = await computeRecommendations(vigie(), analyst, { n: 3 });
    expect(batch.subjects).toBe(40);
    const stored = await db().selectFrom('recommendations').select('subject').execute();
    expect(stored.map((x) => x.subject)).not.toContain(s('r0'));
  });

  it('loses an erased customer from segment members and stored recommendations', async () => {
    const { eraseSubject } = await import('../../vault/index.js');
    await computeSegments(vigie(), analyst, { kind: 'rfm' }, { now: NOW });
    await computeRecommendations(vigie(), analyst, { n: 2 });
    const m10 = s('m10');
    const { deleted } = await eraseSubject(vigie(), undefined, m10);
    expect(deleted).toMatchObject({ segment_members: 1, recommendations: 1 });
    expect(
      await db().selectFrom('segment_members').select('subject').where('subject', '=', m10).execute(),
    ).toEqual([]);
    expect(
      await db().selectFrom('recommendations').select('subject').where('subject', '=', m10).execute(),
    ).toEqual([]);
  });
});

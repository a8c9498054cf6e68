import { describe, expect, it } from 'vitest';
import { engines, openTestVigie } from '../../../../test/support/vigie.js';
import { consentingSubjects, eraseSubject, purgeExpiredCustomers, setRetention } from '../../vault/index.js';
import {
  computeRecommendations,
  computeSegments,
  getAudit,
  getSegment,
  listSegments,
  listSegmentUses,
  requestSegmentUse,
  segmentsCsv,
} from './index.js';
import { defaultSources as sources } from './sources.js';
import { NOW, useInsightsScenario } from './test-fixture.js';

const STALE = 'This segment counts people who were erased since: recompute it first';

describe.each(engines)('segments made stale by erasure and retention (%s)', (engine) => {
  const { vigie, db, s } = useInsightsScenario(() => openTestVigie(engine));

  const byName = async () => new Map((await listSegments(vigie())).map((s) => [s.name, s]));

  it('erasure marks the families the person was in: figures hidden, use refused, recompute clears it', async () => {
    const segs = await computeSegments(vigie(), undefined, { kind: 'rfm' }, { now: NOW });
    await computeSegments(vigie(), undefined, { kind: 'cluster', k: 2 }, { now: NOW });
    const before = await byName();
    expect(before.get('RFM: need_attention')).toMatchObject({ size: 10, stale: false, staleSince: null });
    const pending = await requestSegmentUse(
      vigie(),
      undefined,
      segs.find((x) => x.name === 'RFM: hibernating')!.id,
      { campaign: 'Spring' },
    );

    // m15 bought recently: a member of need_attention, not of hibernating.
    const r = await eraseSubject(vigie(), undefined, s('m15'));
    const after = await byName();
    const rfm = [...after.values()].filter((x) => x.kind === 'rfm');
    // Both families m15 was in, RFM and the clusters, every segment of each.
    expect(r.derived.segmentsAffected).toBe(after.size);
    expect([...after.values()].every((x) => x.stale)).toBe(true);
    expect(r.derived.usesVoided).toBe(1);

    const stale = after.get('RFM: need_attention')!;
    expect(stale).toMatchObject({ stale: true, size: null, population: null, profile: null });
    expect(stale.staleSince).toEqual(expect.any(String));
    // The whole RFM family goes stale, so nobody can tell which class m15 was in; m15 was also in a
    // cluster, so the clusters go stale too.
    for (const x of rfm) expect(x).toMatchObject({ stale: true, staleSince: stale.staleSince });
    // The use requested before rests on an audit that counted m15: voided, its figures hidden.
    const [use] = await listSegmentUses(vigie());
    expect(use).toMatchObject({ id: pending.use.id, status: 'stale' });
    // Ledgered like the uses a recompute voids.
    const voided = await db()
      .selectFrom('ledger_entries')
      .select('details')
      .where('action', '=', 'insights.segment.use.stale')
      .execute();
    expect(voided.map((e) => JSON.parse(e.details))).toEqual([{ uses: [pending.use.id] }]);
    const audit = await getAudit(vigie(), pending.audit.id);
    expect(audit).toMatchObject({ population: null, metrics: null });
    expect(audit.groups.every((g) => g.suppressed)).toBe(true);
    expect(await getSegment(vigie(), stale.id)).toMatchObject({ stale: true, size: null, population: null });

    const csv = await segmentsCsv(vigie());
    expect(csv).toContain('RFM: need_attention,rfm,stale,stale,');
    expect(csv).not.toMatch(/need_attention,rfm,10/);

    await expect(
      requestSegmentUse(vigie(), undefined, stale.id, { campaign: 'Winter' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: STALE });
    // No audit stored for the refused request: only the one made before the erasure.
    expect(await db().selectFrom('fairness_audits').select('id').execute()).toEqual([
      { id: pending.audit.id },
    ]);

    const again = await computeSegments(vigie(), undefined, { kind: 'rfm' }, { now: NOW });
    const fresh = again.find((s) => s.name === 'RFM: need_attention')!;
    // Nine people now: under k, so hidden for k-anonymity, no longer for staleness.
    expect(fresh).toMatchObject({ id: stale.id, stale: false, staleSince: null, suppressed: true });
    const row = await db()
      .selectFrom('segments')
      .select(['size', 'population', 'stale_since'])
      .where('id', '=', stale.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ size: 9, population: 19, stale_since: null });
  });

  it('erasing someone scored but below a propensity threshold makes that family stale too', async () => {
    const [segment] = await computeSegments(
      vigie(),
      undefined,
      { kind: 'propensity', threshold: 0.5, horizonDays: 2 },
      { now: NOW },
    );
    const members = new Set(
      (await db().selectFrom('segment_members').select('subject').execute()).map((m) => m.subject),
    );
    const scored = [...(await consentingSubjects(vigie(), 'profiling'))].find((x) => !members.has(x))!;
    expect(scored).toBeDefined();
    await eraseSubject(vigie(), undefined, scored);
    // The population still counted them: the figures are withdrawn though they were no member.
    expect(await getSegment(vigie(), segment!.id)).toMatchObject({ stale: true, population: null });
  });

  it('a retention purge marks the segments too and drops stored recommendations, like erasure', async () => {
    await computeSegments(vigie(), undefined, { kind: 'rfm' }, { now: NOW });
    await computeRecommendations(vigie(), undefined, {});
    expect((await db().selectFrom('recommendations').select('subject').execute()).length).toBeGreaterThan(1);
    await setRetention(vigie(), undefined, { days: 30 });
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await db().updateTable('customers').set({ updated_at: old }).where('subject', '=', s('f12')).execute();

    expect((await purgeExpiredCustomers(vigie())).deleted).toBe(1);
    expect(await db().selectFrom('recommendations').select('subject').execute()).toEqual([]);
    const after = await byName();
    expect(after.get('RFM: hibernating')).toMatchObject({ stale: true, size: null, population: null });
    // The whole family, so the purge does not say which class f12 was in.
    expect(after.get('RFM: need_attention')).toMatchObject({ stale: true, size: null });
    const entry = await db()
      .selectFrom('ledger_entries')
      .select('details')
      .where('action', '=', 'customers.retention.purge')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details).derived).toMatchObject({ segmentsAffected: after.size, usesVoided: 0 });
  });

  it('an erasure between the audit and the use is caught inside the transaction', async () => {
    const segs = await computeSegments(vigie(), undefined, { kind: 'rfm' }, { now: NOW });
    const target = segs.find((s) => s.name === 'RFM: need_attention')!;
    // The audit reads the sources; the erasure lands while it runs.
    let erased = false;
    const racing = {
      ...sources,
      consenting: async (...args: Parameters<typeof sources.consenting>) => {
        if (!erased) {
          erased = true;
          await eraseSubject(vigie(), undefined, s('m14'));
        }
        return sources.consenting(...args);
      },
    };
    await expect(
      requestSegmentUse(vigie(), undefined, target.id, { campaign: 'Winter' }, racing),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: STALE });
    expect(erased).toBe(true);
    expect(await db().selectFrom('segment_uses').select('id').execute()).toEqual([]);
  });
});

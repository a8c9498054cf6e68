import { describe, expect, it } from 'vitest';
import { engines, openTestVigie } from '../../../../test/support/vigie.js';
import { eraseSubject, purgeExpiredCustomers, setRetention } from '../../vault/index.js';
import {
  computeRecommendations,
  computeSegments,
  getSegment,
  listSegments,
  requestSegmentUse,
  segmentsCsv,
} from './index.js';
import { defaultSources as sources } from './sources.js';
import { NOW, useInsightsScenario } from './test-fixture.js';

const STALE = 'This segment counts people who were erased since: recompute it first';

describe.each(engines)('segments made stale by erasure and retention (%s)', (engine) => {
  const { vigie, db, s } = useInsightsScenario(() => openTestVigie(engine));

  const byName = async () => new Map((await listSegments(vigie())).map((s) => [s.name, s]));

  it('erasure marks the segments the person was in: figures hidden, use refused, recompute clears it', async () => {
    await computeSegments(vigie(), undefined, { kind: 'rfm' }, { now: NOW });
    const before = await byName();
    expect(before.get('RFM: need_attention')).toMatchObject({ size: 10, stale: false, staleSince: null });

    // m15 bought recently: a member of need_attention, not of hibernating.
    const r = await eraseSubject(vigie(), undefined, s('m15'));
    expect(r.derived.segmentsAffected).toBe(1);

    const after = await byName();
    const stale = after.get('RFM: need_attention')!;
    expect(stale).toMatchObject({ stale: true, size: null, population: null, profile: null });
    expect(stale.staleSince).toEqual(expect.any(String));
    // Siblings are current, but their population counted the person too.
    expect(after.get('RFM: hibernating')).toMatchObject({ stale: false, size: 10, population: null });
    expect(await getSegment(vigie(), stale.id)).toMatchObject({ stale: true, size: null, population: null });

    const csv = await segmentsCsv(vigie());
    expect(csv).toContain('RFM: need_attention,rfm,stale,stale,');
    expect(csv).not.toMatch(/need_attention,rfm,10/);

    await expect(
      requestSegmentUse(vigie(), undefined, stale.id, { campaign: 'Winter' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: STALE });
    expect(await db().selectFrom('fairness_audits').select('id').execute()).toEqual([]);

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
    expect(after.get('RFM: need_attention')).toMatchObject({ stale: false, size: 10 });
    const entry = await db()
      .selectFrom('ledger_entries')
      .select('details')
      .where('action', '=', 'customers.retention.purge')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details).derived).toMatchObject({ segmentsAffected: 1 });
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

/**
 * Regression tests for the API security test of k-anonymity (issue 7: "every aggregate shown or
 * exported respects a k-anonymity threshold"): sizes derivable by subtraction, exact sizes in the
 * ledger, small selected counts inside audit groups, rare items in recommendations.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { engines, openTestVigie } from '../../../../test/support/vigie.js';
import {
  computeInputSchema,
  computeSegments,
  getSegment,
  listAudits,
  listSegments,
  recommendForSubject,
  requestSegmentUse,
  segmentsCsv,
  writeInsightsSettings,
} from './index.js';
import { defaultSources, type InsightSources } from './sources.js';
import { insertAcceptedEvents, NOW, principal, useInsightsScenario } from './test-fixture.js';

const analyst = principal('analyst', { role: 'admin' });

describe.each(engines)('insights k-anonymity review (%s)', (engine) => {
  const { vigie, db, ids, s } = useInsightsScenario(() => openTestVigie(engine));

  /** A stored segment row, as a computation would leave it (sizes chosen by the test). */
  const insertSegment = async (
    name: string,
    kind: string,
    definition: Record<string, unknown>,
    size: number,
    population: number,
    at: string,
  ) => {
    const id = randomUUID();
    await db()
      .insertInto('segments')
      .values({
        id,
        name,
        kind,
        definition: JSON.stringify({ kind, ...definition }),
        size,
        population,
        profile: JSON.stringify({ means: {} }),
        computed_at: at,
        computed_by: 'system',
      })
      .execute();
    return id;
  };

  it('hides sizes derivable by subtraction: small complements, and a second cell of a partition', async () => {
    const at = '2026-11-29T00:00:00.000Z';
    const c1 = await insertSegment('Cluster 1 of 3', 'cluster', { k: 3, seed: 42, cluster: 0 }, 22, 50, at);
    const c2 = await insertSegment('Cluster 2 of 3', 'cluster', { k: 3, seed: 42, cluster: 1 }, 20, 50, at);
    const c3 = await insertSegment('Cluster 3 of 3', 'cluster', { k: 3, seed: 42, cluster: 2 }, 8, 50, at);
    // A two-cluster run stored in the same millisecond is another family, untouched by the first.
    const d1 = await insertSegment('Cluster 1 of 2', 'cluster', { k: 2, seed: 42, cluster: 0 }, 25, 50, at);
    await insertSegment('Cluster 2 of 2', 'cluster', { k: 2, seed: 42, cluster: 1 }, 25, 50, at);
    const propensity = (threshold: number, size: number, when: string) =>
      insertSegment(
        `Propensity ${threshold} over 30 days`,
        'propensity',
        { threshold, horizonDays: 30 },
        size,
        50,
        when,
      );
    const p43 = await propensity(0.45, 43, at);
    const p40 = await propensity(0.5, 40, '2026-11-29T00:00:01.000Z');
    const by = new Map((await listSegments(vigie())).map((x) => [x.id, x]));
    // Cluster 3 (8 people) is hidden, and so is the next smallest (20): 50 - 22 leaves 28 for both.
    expect(by.get(c3)).toMatchObject({ size: null, suppressed: true, population: null, profile: null });
    expect(by.get(c2)).toMatchObject({ size: null, suppressed: true, population: null, profile: null });
    expect(by.get(c1)).toMatchObject({ size: 22, suppressed: false, population: null });
    expect(by.get(d1)).toMatchObject({ size: 25, suppressed: false, population: 50 });
    // 43 of 50 would expose the 7 outside the segment.
    expect(by.get(p43)).toMatchObject({ size: null, suppressed: true });
    expect(by.get(p40)).toMatchObject({ size: 40, suppressed: false, population: 50 });
    // One segment read alone follows the same rule as the list.
    expect(await getSegment(vigie(), c2)).toMatchObject({ size: null, suppressed: true, population: null });
    expect(await getSegment(vigie(), p43)).toMatchObject({ size: null, suppressed: true });
    const csv = await segmentsCsv(vigie());
    expect(csv).toContain('Cluster 2 of 3,cluster,suppressed,suppressed');
    expect(csv).toContain('Propensity 0.45 over 30 days,propensity,suppressed');
    expect(csv).not.toMatch(/,(8|20|43),/);
    // A hidden segment cannot be audited or used either (the audit would give its size away).
    await expect(requestSegmentUse(vigie(), analyst, p43, { campaign: 'A' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('records hidden sizes as suppressed in the ledger, as the display does', async () => {
    // k = 11: need_attention (10) and hibernating (10) are hidden, the empty segments are shown.
    await writeInsightsSettings(vigie(), undefined, { kAnonymity: 11 });
    await computeSegments(vigie(), analyst, { kind: 'rfm' }, { now: NOW });
    const entries = await db()
      .selectFrom('ledger_entries')
      .select('details')
      .where('action', '=', 'insights.segment.compute')
      .execute();
    const details = entries.map((e) => JSON.parse(e.details) as Record<string, unknown>);
    expect(details).toHaveLength(7);
    expect(details.filter((d) => d.suppressed === true)).toHaveLength(2);
    for (const d of details) {
      expect(d.population).toBeNull();
      expect(d.size).toBe(d.suppressed ? null : 0);
    }
    expect(JSON.stringify(details)).not.toMatch(/"size":10\b/);
  });

  it('accepts propensity thresholds in steps of 0.05 only (nearby thresholds single people out)', async () => {
    expect(computeInputSchema.safeParse({ kind: 'propensity', threshold: 0.47 }).success).toBe(false);
    expect(computeInputSchema.safeParse({ kind: 'propensity', threshold: 0.45 }).success).toBe(true);
    expect(computeInputSchema.safeParse({ kind: 'propensity', threshold: 0.55 }).success).toBe(true);
    await expect(
      computeSegments(
        vigie(),
        analyst,
        { kind: 'propensity', threshold: 0.48, horizonDays: 2 },
        { now: NOW },
      ),
    ).rejects.toThrow();
  });

  it('hides an audit group with fewer than k selected people, keeping the verdict', async () => {
    const segs = await computeSegments(vigie(), analyst, { kind: 'cluster', k: 2 }, { now: NOW });
    const buyers = segs.find((x) => (x.profile as { means: { purchases: number } }).means.purchases > 0)!;
    // Buyers: f10-f19 and m10-m19. Group "a": every woman, r0 and m10-m13 (25, 14 selected, 11 not);
    // group "b": m0-m9 and m14-m19 (16, 6 selected): n >= k, but 6 selected people.
    const sources: InsightSources = {
      ...defaultSources,
      attribute: async () =>
        new Map(
          [...ids()]
            .filter(([id]) => /^[fm]\d+$|^r0$/.test(id))
            .map(([id, sub]) => [sub, /^m([0-9]|1[4-9])$/.test(id) ? 'b' : 'a']),
        ),
    };
    const { use, audit } = await requestSegmentUse(vigie(), analyst, buyers.id, { campaign: 'A' }, sources);
    expect(audit.groups).toEqual([
      { key: 'a', suppressed: false, n: 25, selectionRate: 14 / 25 },
      { key: 'b', suppressed: true },
    ]);
    expect(audit.metrics).toBeNull();
    expect(audit.population).toBeNull();
    // The verdict stands on the full data: 6/16 is under four fifths of 14/25.
    expect(use.status).toBe('review');
    expect(audit).toMatchObject({ passed: false, failures: ['four_fifths', 'parity_difference'] });
    expect((await listAudits(vigie()))[0]!.groups[1]).toEqual({ key: 'b', suppressed: true });
    // The ledger does not keep the metrics that would give group b's rate away.
    const entry = await db()
      .selectFrom('ledger_entries')
      .select('details')
      .where('action', '=', 'insights.segment.use.request')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details)).toMatchObject({
      metrics: null,
      failures: ['four_fifths', 'parity_difference'],
    });
  });

  it('never lists or recommends an item fewer than k people interacted with', async () => {
    // Only m10 and m11 bought "rare" (k = 10).
    await insertAcceptedEvents(
      vigie(),
      ['m10', 'm11'].map((id) => ({
        subject: s(id),
        type: 'purchase' as const,
        item: 'rare',
        value: 9,
        occurredAt: NOW.toISOString(),
      })),
    );
    const cold = await recommendForSubject(vigie(), s('f0'), { n: 10 });
    expect(cold.items.map((i) => i.item).sort()).toEqual(['p0', 'p1', 'p2', 'p3']);
    for (const id of ['m12', 'm13', 'f10', 'x0', 'm10'])
      expect(JSON.stringify(await recommendForSubject(vigie(), s(id), { n: 10 }))).not.toContain('rare');
    // With k = 2 the two buyers are enough: the item comes back (the floor follows the setting).
    await writeInsightsSettings(vigie(), undefined, { kAnonymity: 2 });
    expect(JSON.stringify(await recommendForSubject(vigie(), s('m12'), { n: 10 }))).toContain('rare');
  });
});

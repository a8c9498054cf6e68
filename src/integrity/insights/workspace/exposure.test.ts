import { describe, expect, it } from 'vitest';
import { engines, openTestVigie } from '../../../../test/support/vigie.js';
import { setConsent } from '../../vault/index.js';
import { auditExposure, computeRecommendations, writeInsightsSettings } from './index.js';
import { principal, useInsightsScenario } from './test-fixture.js';

const analyst = principal('analyst');

describe.each(engines)('recommendation exposure audit (%s)', (engine) => {
  const { vigie, db, ids, s } = useInsightsScenario(() => openTestVigie(engine));

  /** Puts `item` first in the stored recommendations of the given fixture customers. */
  async function exposeTo(item: string, who: readonly string[]): Promise<void> {
    for (const id of who)
      await db()
        .updateTable('recommendations')
        .set({ items: JSON.stringify([{ item, score: 1, source: 'popular' }]) })
        .where('subject', '=', s(id))
        .execute();
  }
  const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('answers 409 until recommendations are computed', async () => {
    await expect(auditExposure(vigie(), analyst, { item: 'p0' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('compute recommendations first'),
    });
  });

  it('audits the stored batch among subjects consenting to profiling and recommendations', async () => {
    await computeRecommendations(vigie(), analyst);
    const stored = await db().selectFrom('recommendations').select(['subject', 'items']).execute();
    // r0 consents to profiling only, x0 and x1 to neither: 20 women and 20 men.
    expect(stored).toHaveLength(40);
    const exposed = (prefix: string) =>
      range(prefix, 20).filter((id) =>
        stored.some(
          (r) => r.subject === s(id) && JSON.parse(r.items).some((x: { item: string }) => x.item === 'p0'),
        ),
      ).length;
    // 12 of 20 exposed in each group (the 10 browsers get the popular items): at k = 10 the 8 left
    // out would be hidden.
    await writeInsightsSettings(vigie(), undefined, { kAnonymity: 5 });
    const audit = await auditExposure(vigie(), analyst, { item: 'p0' });
    expect(audit).toMatchObject({ item: 'p0', attribute: 'gender', population: 40, suppressedGroups: 0 });
    expect(exposed('f')).toBe(12);
    expect(audit.groups).toEqual([
      { key: 'female', suppressed: false, n: 20, selectionRate: exposed('f') / 20 },
      { key: 'male', suppressed: false, n: 20, selectionRate: exposed('m') / 20 },
    ]);
    expect(audit.passed).toBe(true);
    expect(audit.recommendationsComputedAt).toMatch(/^\d{4}-/);
    expect(audit).not.toHaveProperty('segmentId');

    const ledger = await db()
      .selectFrom('ledger_entries')
      .selectAll()
      .where('action', '=', 'insights.exposure.audit')
      .execute();
    expect(ledger).toHaveLength(1);
    expect(JSON.parse(String(ledger[0]!.details))).toMatchObject({
      item: 'p0',
      attribute: 'gender',
      metrics: { demographic_parity_difference: 0 },
      failures: [],
    });
    const text = JSON.stringify(ledger);
    for (const subject of ids().values()) expect(text).not.toContain(subject);
  });

  it('fails an item shown to every woman and half the men, with the women as privileged', async () => {
    await computeRecommendations(vigie(), analyst);
    await exposeTo('promo', [...range('f', 20), ...range('m', 10)]);
    const audit = await auditExposure(vigie(), analyst, { item: 'promo', attribute: 'gender' });
    expect(audit.passed).toBe(false);
    expect(audit.failures).toEqual(['four_fifths', 'parity_difference']);
    expect(audit.groups).toEqual([
      { key: 'female', suppressed: false, n: 20, selectionRate: 1 },
      { key: 'male', suppressed: false, n: 20, selectionRate: 0.5 },
    ]);
    expect(audit.metrics).toMatchObject({
      demographic_parity_difference: 0.5,
      demographic_parity_ratio: 0.5,
      statistical_parity_difference: -0.5,
      disparate_impact: 0.5,
      four_fifths_rule_passed: false,
    });

    // Someone who withdraws consent to recommendations leaves the population.
    await setConsent(vigie(), undefined, s('f19'), { purpose: 'recommendations', status: 'withdrawn' });
    const after = await auditExposure(vigie(), analyst, { item: 'promo' });
    expect(after.groups[0]).toEqual({ key: 'female', suppressed: false, n: 19, selectionRate: 1 });
    expect(after.population).toBe(39);
  });

  it('hides a group with 1 to k - 1 exposed people, and its metrics in the view and the ledger', async () => {
    await computeRecommendations(vigie(), analyst);
    await exposeTo('rare', [...range('f', 20), 'm0', 'm1', 'm2']);
    const audit = await auditExposure(vigie(), analyst, { item: 'rare' });
    // Decided on full data: 1 against 0.15.
    expect(audit.failures).toEqual(['four_fifths', 'parity_difference']);
    expect(audit.groups).toEqual([
      { key: 'female', suppressed: false, n: 20, selectionRate: 1 },
      { key: 'male', suppressed: true },
    ]);
    expect(audit.metrics).toBeNull();
    expect(audit.population).toBeNull();
    const entry = await db()
      .selectFrom('ledger_entries')
      .select('details')
      .where('action', '=', 'insights.exposure.audit')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(entry.details))).toMatchObject({ item: 'rare', metrics: null });
    expect(String(entry.details)).not.toContain('0.15');

    // k lowered to 3: three exposed men may now be shown.
    await writeInsightsSettings(vigie(), undefined, { kAnonymity: 3 });
    const shown = await auditExposure(vigie(), analyst, { item: 'rare' });
    expect(shown.groups[1]).toEqual({ key: 'male', suppressed: false, n: 20, selectionRate: 0.15 });
    expect(shown.metrics?.demographic_parity_difference).toBeCloseTo(0.85, 12);
  });

  it('fails without a usable protected attribute, and refuses bad input', async () => {
    await computeRecommendations(vigie(), analyst);
    // Nobody in the fixture has an age band.
    const audit = await auditExposure(vigie(), analyst, { item: 'p0', attribute: 'age_band' });
    expect(audit).toMatchObject({ attribute: null, passed: false, failures: ['no_protected_attribute'] });
    for (const input of [
      { item: '' },
      { item: 'x'.repeat(257) },
      { item: 'p0\n' },
      { item: 'p\u00070' },
      { item: ' p0' },
      { item: 'p0', attribute: 'birth_year' },
      { item: 'p0', extra: 1 },
    ])
      await expect(auditExposure(vigie(), analyst, input as never), JSON.stringify(input)).rejects.toThrow();
    await expect(auditExposure(vigie(), analyst, { item: 'x'.repeat(256) })).resolves.toMatchObject({
      passed: true,
    });
  });
});

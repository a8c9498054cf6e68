import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, openVigie } from '../../src/core/index.js';
import { createLogger } from '../../src/core/log.js';
import { seedInsightsScenario } from '../../src/integrity/insights/workspace/test-fixture.js';
import { eraseSubject } from '../../src/integrity/vault/index.js';
import { cli } from '../support/cli.js';
import { createTestWorkspace, type TestWorkspace } from '../support/vigie.js';

describe('vigie segments and vigie recommend', () => {
  let ws: TestWorkspace;
  let ids: Map<string, string>;
  beforeEach(async () => {
    ws = await createTestWorkspace('sqlite');
    const vigie = await openVigie(loadConfig(ws.env), { log: createLogger('silent') });
    ids = await seedInsightsScenario(vigie);
    await vigie.close();
  });
  afterEach(async () => ws.cleanup());

  it('computes, lists, audits a use (exit 1 when held), reviews it and recommends', async () => {
    const computed = await cli(['segments', 'compute', '--kind', 'rfm', '--format', 'json'], ws.env);
    expect(computed.code).toBe(0);
    const unfair = JSON.parse(computed.stdout).segments.find(
      (s: { name: string }) => s.name === 'RFM: need_attention',
    );

    const list = await cli(['segments', 'list', '--format', 'csv'], ws.env);
    expect(list.stdout.split('\r\n')[0]).toBe('id,name,kind,size,population,computed_at');
    expect(list.stdout).toContain('RFM: need_attention,rfm,10');

    const text = await cli(['segments', 'use', unfair.id, '--campaign', 'Winter sale'], ws.env);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/: review\n/);
    expect(text.stdout).toContain('female: n=21 selection rate 0.000');
    expect(text.stdout).toContain('failed (four_fifths, parity_difference)');

    const json = await cli(
      ['segments', 'use', unfair.id, '--campaign', 'Spring', '--format', 'json'],
      ws.env,
    );
    const r = JSON.parse(json.stdout);
    expect(r.use.status).toBe('review');
    expect(r.audit.metrics.demographic_parity_difference).toBe(0.5);

    const reviewed = await cli(
      [
        'segments',
        'review',
        r.use.id,
        '--decision',
        'reject',
        '--comment',
        'Excludes women',
        '--format',
        'json',
      ],
      ws.env,
    );
    // The CLI operator is nobody in particular: a CLI request needs a named user to decide it.
    expect(reviewed.code).toBe(2);
    expect(reviewed.stderr).toMatch(/^vigie: .*requested it\n$/);
    const shown = await cli(['segments', 'show', unfair.id, '--format', 'json'], ws.env);
    expect(JSON.parse(shown.stdout).uses.map((u: { status: string }) => u.status)).toEqual([
      'review',
      'review',
    ]);

    // --subject, not a positional argument: about one id in 64 starts with a dash.
    const rec = await cli(
      ['recommend', '--subject', ids.get('m10')!, '--n', '1', '--format', 'json'],
      ws.env,
    );
    expect(JSON.parse(rec.stdout).items).toEqual([
      { item: 'p1', score: expect.any(Number), source: 'collaborative' },
    ]);
  });

  it('prints "stale: recompute" instead of the size of a segment whose member was erased', async () => {
    const computed = await cli(['segments', 'compute', '--kind', 'rfm', '--format', 'json'], ws.env);
    const seg = JSON.parse(computed.stdout).segments.find(
      (x: { name: string }) => x.name === 'RFM: need_attention',
    );
    const vigie = await openVigie(loadConfig(ws.env), { log: createLogger('silent') });
    await eraseSubject(vigie, undefined, ids.get('m12')!);
    await vigie.close();

    const list = await cli(['segments', 'list'], ws.env);
    expect(list.code).toBe(0);
    const line = list.stdout.split('\n').find((l) => l.includes('RFM: need_attention'))!;
    expect(line).toContain('stale: recompute');
    // The size (10) is gone; the computation time is cut first, as 08:10 would match too.
    expect(line!.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, '')).not.toMatch(/\b10\b/);
    const shown = await cli(['segments', 'show', seg.id], ws.env);
    expect(shown.stdout.split('\n')[0]).toMatch(/^RFM: need_attention \(rfm\): stale: recompute/);
    expect(shown.stdout).not.toMatch(/of 20|recencyDays/);
    const use = await cli(['segments', 'use', seg.id, '--campaign', 'x'], ws.env);
    expect(use.code).toBe(2);
    expect(use.stderr).toMatch(/erased since: recompute it first\n$/);
  });

  it('audits the exposure of an item in the stored recommendations (exit 1 when it fails)', async () => {
    const computed = await cli(['recommend', 'compute', '--n', '3', '--format', 'json'], ws.env);
    expect(computed.code).toBe(0);
    expect(JSON.parse(computed.stdout).subjects).toBeGreaterThan(0);
    const vigie = await openVigie(loadConfig(ws.env), { log: createLogger('silent') });
    // Every woman and half the men are shown "promo".
    for (const [id, subject] of ids)
      if (/^f\d+$/.test(id) || /^m\d$/.test(id))
        await vigie.db
          .updateTable('recommendations')
          .set({ items: JSON.stringify([{ item: 'promo', score: 1, source: 'popular' }]) })
          .where('subject', '=', subject)
          .execute();
    await vigie.close();

    const text = await cli(['recommend', 'audit-exposure', '--item', 'promo'], ws.env);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('exposure audit of item "promo": failed (four_fifths, parity_difference)');
    expect(text.stdout).toContain('male: n=20 selection rate 0.500');
    const json = await cli(
      ['recommend', 'audit-exposure', '--item', 'promo', '--attribute', 'gender', '--format', 'json'],
      ws.env,
    );
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).audit).toMatchObject({
      item: 'promo',
      attribute: 'gender',
      passed: false,
      metrics: { disparate_impact: 0.5 },
    });
    // Nobody has an age band: the audit cannot clear the item.
    const none = await cli(
      ['recommend', 'audit-exposure', '--item', 'p0', '--attribute', 'age_band'],
      ws.env,
    );
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('no protected attribute held');
  });

  it('rejects bad input with exit 2 and one line', async () => {
    for (const args of [
      ['segments', 'compute', '--kind', 'horoscope'],
      ['segments', 'compute', '--kind', 'cluster', '--k', '99'],
      ['segments', 'compute', '--kind', 'propensity', '--threshold', '2'],
      ['segments', 'show', 'nope'],
      ['segments', 'use', '00000000-0000-4000-8000-000000000000', '--campaign', 'x'],
      ['recommend', 'bad subject'],
      ['recommend'],
      ['recommend', '--subject', '-no-such-customer'],
      ['segments', 'review', '00000000-0000-4000-8000-000000000000', '--decision', 'approve'],
      // No stored recommendations yet (409), then malformed options.
      ['recommend', 'audit-exposure', '--item', 'p0'],
      ['recommend', 'audit-exposure'],
      ['recommend', 'audit-exposure', '--item', 'p0', '--attribute', 'religion'],
      ['recommend', 'audit-exposure', '--item', 'x'.repeat(257)],
      ['recommend', 'audit-exposure', '--item', 'p\u00070'],
    ]) {
      const r = await cli(args, ws.env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});

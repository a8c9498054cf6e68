import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateGenuineRatings, injectAttack } from '../../src/integrity/index.js';
import type { Rating } from '../../src/integrity/ratings.js';
import { cli } from '../support/cli.js';
import { createTestWorkspace, type TestWorkspace } from '../support/vigie.js';

const csvOf = (ratings: readonly Rating[], prefix: string) =>
  [
    'event_id,customer_id,type,item,value,occurred_at',
    ...ratings.map(
      (r, i) =>
        `${prefix}${i},C-${r.user},rating,film-${r.item},${r.rating},${new Date(r.timestamp! * 1000).toISOString()}`,
    ),
  ].join('\n');

describe('vigie events import and integrity batches', () => {
  let ws: TestWorkspace;
  beforeEach(async () => {
    ws = await createTestWorkspace('sqlite');
  });
  afterEach(async () => ws.cleanup());

  it('imports, quarantines an attack (exit 1), lists, releases and purges in the ledger', async () => {
    const base = generateGenuineRatings({ users: 300, items: 500, seed: 21 });
    const attack = injectAttack(base, { model: 'average', attackSize: 0.1, fillerSize: 0.05, seed: 22 });
    const history = join(ws.home, 'history.csv');
    const attackCsv = join(ws.home, 'attack.csv');
    const jsonl = join(ws.home, 'opens.jsonl');
    writeFileSync(history, `${csvOf(base, 'h')}\nbroken,row\n`);
    writeFileSync(attackCsv, csvOf(attack.ratings.slice(base.length), 'a'));
    writeFileSync(
      jsonl,
      '{"event_id":"o1","customer_id":"C-1","type":"email_open","item":"newsletter-12","occurred_at":"2026-11-02T08:00:00Z"}\n',
    );
    expect((await cli(['init'], ws.env)).code).toBe(0);

    const ok = await cli(['events', 'import', history, '--format', 'json'], ws.env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report).toMatchObject({ format: 'csv', stored: base.length, malformedCount: 1 });
    expect(report.malformed[0]).toMatchObject({ row: base.length + 2 });

    const lines = await cli(['events', 'import', jsonl, '--format', 'jsonl'], ws.env);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toContain('1 events stored');

    const bad = await cli(['events', 'import', attackCsv, '--locale', 'fr'], ws.env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/quarantined|quarantaine/);
    expect(bad.stdout).toMatch(/profils? de notation de ce lot sembl/);

    const listed = await cli(['integrity', 'batches', '--status', 'quarantined', '--format', 'json'], ws.env);
    expect(listed.code).toBe(0);
    const [batch] = JSON.parse(listed.stdout).batches;
    expect(batch.reasons.map((r: { code: string }) => r.code)).toContain('shilling-profiles');

    const text = await cli(['integrity', 'batches'], ws.env);
    expect(text.stdout).toContain('quarantined');
    expect((await cli(['integrity', 'purge', batch.id], ws.env)).stdout).toContain('purged');
    const again = await cli(['integrity', 'release', batch.id], ws.env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/only a quarantined batch/);

    const allBad = join(ws.home, 'all-bad.csv');
    writeFileSync(allBad, 'event_id,customer_id,type,item,occurred_at\nx,,view,sku,yesterday\n');
    const nothing = await cli(['events', 'import', allBad], ws.env);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^vigie: no valid event in .*all 1 row\(s\) are malformed/);

    const missing = await cli(['events', 'import', join(ws.home, 'nope.csv')], ws.env);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['audit', 'verify'], ws.env)).code).toBe(0);
  }, 120_000);
});

import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Engine, engines, openTestVigie } from '../../../test/support/vigie.js';
import type { Vigie } from '../../core/index.js';
import { acceptedEventList, importEvents, listBatches } from './index.js';

const HEADER = 'event_id,customer_id,type,item,value,occurred_at,channel';
const stream = (text: string, chunk = 7) => {
  // Small chunks: lines are split across reads, as with a real file.
  const parts: Buffer[] = [];
  const b = Buffer.from(text);
  for (let i = 0; i < b.length; i += chunk) parts.push(b.subarray(i, i + chunk));
  return Readable.from(parts);
};

describe.each(engines)('event file import on %s', (engine: Engine) => {
  let vigie: Vigie;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ vigie, close } = await openTestVigie(engine));
  });
  afterEach(async () => close());

  it('imports CSV in batches, reporting malformed rows by row and column and ignoring unknown columns', async () => {
    const csv = [
      `\uFEFF${HEADER}`,
      'e1,C-1,view,sku-1,,2026-11-01T10:00:00Z,web',
      'e2,C-2,purchase,sku-2,19.90,2026-11-01T10:05:00Z,shop',
      'e3,C-3,rating,sku-2,,2026-11-01T10:06:00Z,web',
      'e4,C-4,teleport,sku-2,,2026-11-01T10:06:00Z,web',
      'e5,C-5,click,sku-3,,not a date,web',
      `e6,${'x'.repeat(300)},click,sku-3,,2026-11-01T10:06:00Z,web`,
      'e7,C-7,purchase,sku-2,abc,2026-11-01T10:05:00Z,shop',
      `e8,C-8,click,${'y'.repeat(5000)},,2026-11-01T10:06:00Z,web`,
      'e9,C-9,click,"=HYPERLINK(""x"")",,2026-11-01T10:07:00Z,web',
      'e1,C-1,view,sku-1,,2026-11-01T10:00:00Z,web',
      'e10,C-1,email_open,spring-campaign,,2026-11-01T10:08:00Z,mail',
      '',
    ].join('\r\n');
    const seen: number[] = [];
    const r = await importEvents(vigie, undefined, stream(csv), {
      source: 'file',
      batchSize: 2,
      onProgress: (p) => seen.push(p.bytes),
    });
    expect(r.format).toBe('csv');
    expect(r.ignoredColumns).toEqual(['channel']);
    expect(r.rows).toBe(11);
    expect(r.malformed).toEqual([
      { row: 4, column: 'value', reason: 'a rating needs a value' },
      { row: 5, column: 'type', reason: expect.any(String) },
      { row: 6, column: 'occurred_at', reason: expect.any(String) },
      { row: 7, column: 'customer_id', reason: expect.stringMatching(/254|too big|at most/i) },
      { row: 8, column: 'value', reason: expect.any(String) },
      { row: 9, column: null, reason: 'line too long' },
    ]);
    expect(r.stored).toBe(4);
    expect(r.duplicates).toEqual({ inBatch: 0, alreadyStored: 1 });
    expect(r.batches.length).toBe(3);
    expect(seen.at(-1)).toBe(Buffer.byteLength(csv));
    const items = (await acceptedEventList(vigie)).map((e) => e.item).sort();
    // Stored as data: escaping belongs to exports (toCsv), not to storage.
    expect(items).toEqual(['=HYPERLINK("x")', 'sku-1', 'sku-2', 'spring-campaign']);
  });

  it('imports JSON lines, and refuses a CSV header without the required columns', async () => {
    const jsonl = [
      '{"event_id":"j1","customer_id":"C-1","type":"rating","item":"film-1","value":4,"occurred_at":"2026-11-01T10:00:00+01:00","extra":true}',
      '[1,2]',
      '{"event_id":"j2","customer_id":"C-1","type":"rating","item":"film-2","value":"5","occurred_at":"2026-11-01T10:00:00Z"}',
      '{broken',
    ].join('\n');
    const r = await importEvents(vigie, undefined, stream(jsonl, 64), { source: 'file' });
    expect(r).toMatchObject({ format: 'jsonl', rows: 4, valid: 1, stored: 1, ignoredColumns: ['extra'] });
    expect(r.malformed.map((m) => [m.row, m.column])).toEqual([
      [2, null],
      [3, 'value'],
      [4, null],
    ]);
    const [e] = await acceptedEventList(vigie);
    expect(e).toMatchObject({ type: 'rating', value: 4, occurredAt: '2026-11-01T09:00:00.000Z' });

    await expect(
      importEvents(vigie, undefined, stream('event_id,type,item\n1,view,x\n'), { source: 'file' }),
    ).rejects.toThrow(/customer_id, occurred_at/);
    expect((await listBatches(vigie)).length).toBe(1);
  });

  it('reports a line that is not UTF-8 as malformed instead of storing U+FFFD', async () => {
    const file = Buffer.concat([
      Buffer.from(`${HEADER}\ne1,C-1,view,Zoë,,2026-11-01T10:00:00Z,web\n`),
      Buffer.from('e2,C-2,view,Ren\u00e9,,2026-11-01T10:00:00Z,web\n', 'latin1'),
      Buffer.from('e3,C-3,view,sku-3,,2026-11-01T10:00:00Z,web\n'),
    ]);
    const parts: Buffer[] = [];
    for (let i = 0; i < file.length; i += 7) parts.push(file.subarray(i, i + 7));
    const r = await importEvents(vigie, undefined, Readable.from(parts), { source: 'file' });
    expect(r).toMatchObject({ rows: 3, valid: 2, stored: 2 });
    expect(r.malformed).toEqual([
      { row: 3, column: null, reason: 'not valid UTF-8: save the file as UTF-8' },
    ]);
    expect((await acceptedEventList(vigie)).map((e) => e.item).sort()).toEqual(['Zoë', 'sku-3']);
    const badHeader = Buffer.from('event_id,customer_id,type,item,value,occurred_at,r\u00e9f\n', 'latin1');
    await expect(
      importEvents(vigie, undefined, Readable.from([badHeader]), { source: 'file' }),
    ).rejects.toThrow(/line 1: not valid UTF-8/);
  });
});

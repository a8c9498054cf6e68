import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JsonSplitter, MAX_RECORD_BYTES, readRecords } from './read-records.js';

const split = (chunks: string[]) => {
  const s = new JsonSplitter();
  return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
};

describe('JsonSplitter', () => {
  const cases: Array<{ name: string; chunks: string[]; out: string[] }> = [
    { name: 'array', chunks: ['[{"a":1},{"b":2}]'], out: ['{"a":1}', '{"b":2}'] },
    {
      name: 'array cut anywhere',
      chunks: ['[ {"a"', ':"}{,]"}', ' , {"b":[1,{"c":2}]} ]  '],
      out: ['{"a":"}{,]"}', '{"b":[1,{"c":2}]}'],
    },
    { name: 'escaped quotes', chunks: ['[{"a":"x\\"}"}]'], out: ['{"a":"x\\"}"}'] },
    { name: 'byte order mark and empty array', chunks: ['\ufeff[ ]'], out: [] },
    { name: 'JSON lines', chunks: ['{"a":1}\n\n{"b"', ':2}'], out: ['{"a":1}', '{"b":2}'] },
  ];
  for (const c of cases) it(c.name, () => expect(split(c.chunks)).toEqual(c.out));

  const bad: Array<{ name: string; chunks: string[]; error: RegExp }> = [
    { name: 'unterminated', chunks: ['[{"a":1}'], error: /unterminated/ },
    { name: 'not an object', chunks: ['[1,2]'], error: /expected an object/ },
    { name: 'missing comma', chunks: ['[{"a":1}{"b":2}]'], error: /expected an object/ },
    { name: 'trailing text', chunks: ['[{"a":1}] x'], error: /after the JSON array/ },
    { name: 'oversized record', chunks: [`[{"a":"${'x'.repeat(MAX_RECORD_BYTES)}"}]`], error: /larger than/ },
  ];
  for (const c of bad) it(`refuses: ${c.name}`, () => expect(() => split(c.chunks)).toThrow(c.error));
});

describe('readRecords', () => {
  it('numbers CSV records by their line and reports malformed CSV without quoting it', async () => {
    const headers: string[][] = [];
    const rows = [];
    for await (const r of readRecords(Readable.from(['a,b\n1,2\n3,4\n']), 'csv', (h) => headers.push(h)))
      rows.push(r);
    expect(headers).toEqual([['a', 'b']]);
    expect(rows).toEqual([
      { row: 2, record: { a: '1', b: '2' } },
      { row: 3, record: { a: '3', b: '4' } },
    ]);
    const bad = async () => {
      for await (const _ of readRecords(Readable.from(['a,b\n1,"secret@example.com\n']), 'csv', () => {})) {
        /* drain */
      }
    };
    await expect(bad()).rejects.toThrow(/^malformed CSV \(CSV_[A-Z_]+\)$/);
  });
});

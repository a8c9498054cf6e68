import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseRatingsText, readRatings, splitCsvLine } from './read-ratings.js';

const UDATA = '196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n';

describe('readRatings', () => {
  it('reads MovieLens u.data, keeping ids as strings', async () => {
    const r = await readRatings(Readable.from([UDATA]));
    expect(r.format).toBe('udata');
    expect(r.ratings[0]).toEqual({ user: '196', item: '242', rating: 3, timestamp: 881250949 });
    expect(r.ratings).toHaveLength(3);
    expect(r.malformedCount).toBe(0);
    expect(r.bytesRead).toBe(Buffer.byteLength(UDATA));
  });

  it('reads CSV with a header in any column order, quoted ids and CRLF, and lists unknown columns', async () => {
    const csv = '\uFEFFrating,item,user,source\r\n4,"film, the",u-007,web\r\n5,i2,U-008,app\r\n';
    const r = await readRatings(Readable.from([csv]));
    expect(r.format).toBe('csv');
    expect(r.ratings).toEqual([
      { user: 'u-007', item: 'film, the', rating: 4 },
      { user: 'U-008', item: 'i2', rating: 5 },
    ]);
    expect(r.ignoredColumns).toEqual(['source']);
  });

  it('handles lines split across chunks and reports progress', async () => {
    const chunks = ['1\t1', '0\t4\t1\n2\t', '20\t5\t2\n'].map((s) => Buffer.from(s));
    const progress: number[] = [];
    const r = await readRatings(Readable.from(chunks), { onProgress: (b) => progress.push(b) });
    expect(r.ratings.map((x) => [x.user, x.item])).toEqual([
      ['1', '10'],
      ['2', '20'],
    ]);
    expect(progress).toEqual([3, 11, 18]);
  });

  it('skips an over-long line with bounded memory and keeps going', async () => {
    const long = `1\t${'9'.repeat(50_000)}\t3\n`;
    const chunks = [long.slice(0, 20_000), long.slice(20_000), '2\t5\t4\n'];
    const r = await readRatings(Readable.from(chunks), { maxLineLength: 1000 });
    expect(r.malformed).toEqual([{ line: 1, reason: 'line-too-long' }]);
    expect(r.ratings).toEqual([{ user: '2', item: '5', rating: 4 }]);
  });

  it('reads from a file path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-ratings-'));
    const file = join(dir, 'u.data');
    writeFileSync(file, UDATA);
    const r = await readRatings(file);
    expect(r.ratings).toHaveLength(3);
  });

  it.each([['user,item,score\n1,2,3\n'], ['user,rating\n1,2\n']])(
    'rejects the CSV header %j, which lacks a required column',
    async (csv) => {
      await expect(readRatings(Readable.from([csv]))).rejects.toMatchObject({ code: 'VALIDATION' });
    },
  );

  it('reads header-less CSV as user,item,rating[,timestamp]', () => {
    const r = parseRatingsText('7,8,2.5,100\n');
    expect(r.ratings).toEqual([{ user: '7', item: '8', rating: 2.5, timestamp: 100 }]);
  });
});

describe('malformed rows', () => {
  it.each([
    ['1\t2\n', 'too-few-fields'],
    ['1\t2\t3\t4\t5\n', 'too-many-fields'],
    ['\t2\t3\n', 'empty-id'],
    [`${'u'.repeat(300)}\t2\t3\n`, 'id-too-long'],
    ['1\t2\tfive\n', 'bad-rating'],
    ['1\t2\t\n', 'bad-rating'],
    ['1\t2\t3\t-5\n', 'bad-timestamp'],
    ['1\t2\t3\t12.5\n', 'bad-timestamp'],
  ])('%j is %s', (line, reason) => {
    const r = parseRatingsText(`9\t9\t1\n${line}`);
    expect(r.malformed).toEqual([{ line: 2, reason }]);
    expect(r.ratings).toHaveLength(1);
  });

  it('collects up to the limit but counts them all', () => {
    const text = `${'x\t1\tbad\n'.repeat(10)}1\t1\t5\n`;
    const r = parseRatingsText(text, { maxMalformed: 3 });
    expect(r.malformed).toHaveLength(3);
    expect(r.malformedCount).toBe(10);
    expect(r.ratings).toHaveLength(1);
  });

  it('refuses more ratings than allowed', () => {
    expect(() => parseRatingsText(UDATA, { maxRatings: 2 })).toThrowError(
      expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }) as unknown as Error,
    );
  });
});

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['a,,', ['a', '', '']],
    ['', ['']],
  ])('%j', (line, fields) => {
    expect(splitCsvLine(line)).toEqual(fields);
  });
});

import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsv } from './csv-export.js';

describe('escapeCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+33 1 23', "'+33 1 23"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['', ''],
    [-3, '-3'],
    [0.5, '0.5'],
    [true, 'true'],
    [null, ''],
    [undefined, ''],
  ])('%j -> %j', (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a header and CRLF rows in column order', () => {
    const csv = toCsv(
      [
        { user: 'u1', score: 0.9, note: '=cmd' },
        { user: 'u2', score: -1, note: 'ok' },
      ],
      ['user', 'note', 'score'],
    );
    expect(csv).toBe("user,note,score\r\nu1,'=cmd,0.9\r\nu2,ok,-1\r\n");
  });

  it('escapes header cells too and handles no rows', () => {
    expect(toCsv([{ '=x': 1 }])).toBe("'=x\r\n1\r\n");
    expect(toCsv([])).toBe('\r\n');
  });
});

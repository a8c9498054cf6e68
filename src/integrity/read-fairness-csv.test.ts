import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fairnessReportFromCsv, readFairnessRows } from './read-fairness-csv.js';

const CSV = [
  'id,gender,approved,repaid',
  '1,m,1,1',
  '2,m,yes,true',
  '3,m,0,0',
  '4,f,0,1',
  '5,f,1,1',
  '6,"f",false,no',
].join('\n');

describe('fairness CSV', () => {
  it('audits a CSV in one call', async () => {
    const r = await fairnessReportFromCsv(Readable.from([CSV]), {
      prediction: 'approved',
      group: 'gender',
      label: 'repaid',
      privileged: 'm',
    });
    // m: 2 of 3 selected, 2 positives both selected, 1 negative not selected.
    // f: 1 of 3 selected, 2 positives of which 1 selected, 1 negative not selected.
    expect(r.groups).toEqual({
      f: { n: 3, selection_rate: 1 / 3, tpr: 0.5, fpr: 0 },
      m: { n: 3, selection_rate: 2 / 3, tpr: 1, fpr: 0 },
    });
    expect(r.metrics.disparate_impact).toBeCloseTo(0.5, 9);
    expect(r.metrics.average_odds_difference).toBeCloseTo(-0.25, 9); // ((0 - 0) + (0.5 - 1)) / 2
  });

  it('keeps only the named columns', async () => {
    const rowsRead = await readFairnessRows(Readable.from([CSV]), {
      prediction: 'approved',
      group: 'gender',
    });
    expect(rowsRead[0]).toEqual({ approved: '1', gender: 'm' });
    expect(rowsRead).toHaveLength(6);
  });

  it('rejects a missing column and a broken file with VALIDATION', async () => {
    await expect(
      readFairnessRows(Readable.from([CSV]), { prediction: 'approved', group: 'age' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      readFairnessRows(Readable.from(['a,b\n"1,2\n']), { prediction: 'a', group: 'b' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses more rows than allowed', async () => {
    await expect(
      readFairnessRows(Readable.from([CSV]), { prediction: 'approved', group: 'gender' }, { maxRows: 2 }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

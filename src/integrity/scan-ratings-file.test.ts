import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateGenuineRatings, injectAttack } from './attack-generator.js';
import { scanRatingsFile } from './scan-ratings-file.js';

describe('scanRatingsFile', () => {
  it('reads a u.data file with a few broken lines and reports the attack', async () => {
    const base = generateGenuineRatings({ users: 300, items: 500, seed: 2 });
    const attack = injectAttack(base, {
      model: 'random',
      attackSize: 0.1,
      fillerSize: 0.05,
      seed: 3,
      target: '77',
    });
    const lines = attack.ratings.map((r) => `${r.user}\t${r.item}\t${r.rating}\t${r.timestamp}`);
    lines.splice(10, 0, 'garbage line', '1\t2\tNaN\t3');
    const file = join(mkdtempSync(join(tmpdir(), 'vigie-scan-')), 'u.data');
    writeFileSync(file, `${lines.join('\n')}\n`);
    let lastProgress = 0;
    const result = await scanRatingsFile(file, { read: { onProgress: (b) => (lastProgress = b) } });
    expect(result.input).toMatchObject({
      format: 'udata',
      ratings: attack.ratings.length,
      malformedCount: 2,
    });
    expect(result.input.malformed).toEqual([
      { line: 11, reason: 'too-few-fields' },
      { line: 12, reason: 'bad-rating' },
    ]);
    expect(lastProgress).toBe(result.input.bytesRead);
    expect(result.report.target_items[0]).toMatchObject({ item: '77', direction: 'push' });
    const truth = new Set(attack.attackers);
    const hits = result.report.suspicious_users.filter((u) => truth.has(u.user)).length;
    expect(hits).toBeGreaterThanOrEqual(0.9 * truth.size);
    expect(result.report.suspicious_users.length - hits).toBeLessThanOrEqual(2);
  });

  it('uses a forced scale (--scale) that out-of-scale rows cannot move', async () => {
    const base = generateGenuineRatings({ users: 300, items: 500, seed: 2 });
    const attack = injectAttack(base, { model: 'average', attackSize: 0.1, fillerSize: 0.05, seed: 3 });
    // 1% of the ratings at 6 from 20 accounts: the inferred scale becomes 1-6 and hides the attack.
    const strays = Array.from({ length: Math.ceil(0.01 * attack.ratings.length) }, (_, i) => ({
      user: `x${i % 20}`,
      item: String(1 + (i % 400)),
      rating: 6,
    }));
    const lines = [...attack.ratings, ...strays].map((r) => `${r.user}\t${r.item}\t${r.rating}\t1`);
    const file = join(mkdtempSync(join(tmpdir(), 'vigie-scan-')), 'u.data');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const truth = new Set(attack.attackers);
    const caught = (r: Awaited<ReturnType<typeof scanRatingsFile>>) =>
      r.report.suspicious_users.filter((u) => truth.has(u.user)).length;
    expect(caught(await scanRatingsFile(file))).toBeLessThan(0.5 * truth.size);
    const forced = await scanRatingsFile(file, { scale: { min: 1, max: 5 } });
    expect(caught(forced)).toBeGreaterThanOrEqual(0.9 * truth.size);
    expect(forced.report.target_items[0]).toMatchObject({ item: attack.target, direction: 'push' });
  });
});

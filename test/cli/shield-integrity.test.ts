import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { createTestWorkspace, type TestWorkspace } from '../support/vigie.js';

const PHISH = [
  'From: "PayPal Service" <service@paypa1-security.example>',
  'Reply-To: refunds.desk@gmail.com',
  'To: you@example.com',
  'Subject: Your account has been suspended',
  'Authentication-Results: mx.example.com; spf=fail smtp.mailfrom=paypa1-security.example; dkim=none; dmarc=fail header.from=paypa1-security.example',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Unusual activity was detected. Verify your account within 24 hours or it will be closed.</p>',
  '<p><a href="http://192.0.2.7/paypal.com/login">https://www.paypal.com/signin</a></p>',
  '',
].join('\r\n');

const HAM = [
  'From: "Claire Martin" <claire@vigie.example>',
  'To: team@vigie.example',
  'Subject: Minutes of Monday',
  'Authentication-Results: mx.vigie.example; spf=pass smtp.mailfrom=vigie.example; dkim=pass header.d=vigie.example; dmarc=pass header.from=vigie.example',
  '',
  'Hello all, the minutes of Monday are attached to the wiki page. See you Thursday.',
  '',
].join('\r\n');

describe('vigie email, domains and integrity commands', () => {
  let ws: TestWorkspace;
  beforeEach(async () => {
    ws = await createTestWorkspace('sqlite');
  });
  afterEach(async () => ws.cleanup());

  it('analyses several messages in order, exits 1 on phishing, and records verdicts without bodies', async () => {
    const phish = join(ws.home, 'phish.eml');
    const ham = join(ws.home, 'ham.eml');
    writeFileSync(phish, PHISH);
    writeFileSync(ham, HAM);
    expect((await cli(['init'], ws.env)).code).toBe(0);
    const r = await cli(
      ['email', 'analyze', phish, join(ws.home, 'missing.eml'), ham, '--offline', '--format', 'json'],
      ws.env,
    );
    expect(r.code).toBe(1);
    const { files } = JSON.parse(r.stdout);
    expect(files.map((f: { path: string }) => f.path)).toEqual([phish, join(ws.home, 'missing.eml'), ham]);
    expect(files[0].verdict).toBe('phishing');
    expect(files[0].score).toBeGreaterThanOrEqual(60);
    expect(files[0].reasons.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['links.text-mismatch', 'authentication.dmarc-fail']),
    );
    expect(files[1].error).toBe('no such file');
    expect(files[2].verdict).toBe('clean');
    const ok = await cli(['email', 'analyze', ham, '--offline'], ws.env);
    expect(ok.code).toBe(0);
    const verify = await cli(['audit', 'verify'], ws.env);
    expect(verify.code).toBe(0);
  });

  it('permutes a domain as dnstwist-style CSV and refuses an invalid one', async () => {
    const r = await cli(['domains', 'permute', 'vigie.fr'], ws.env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^fuzzer,domain/);
    expect(lines[1]).toBe('*original,vigie.fr');
    expect(lines.length).toBeGreaterThan(500);
    expect((await cli(['domains', 'permute', 'not a domain'], ws.env)).code).toBe(2);
  });

  it('scans ratings and reports fairness metrics with the documented shapes', async () => {
    const ratings = join(ws.home, 'u.data');
    writeFileSync(ratings, '1\t10\t5\t881250949\n1\t11\t3\t881250950\n2\t10\t4\t881250951\n');
    const scan = await cli(['integrity', 'scan-ratings', ratings, '--format', 'json'], ws.env);
    expect(scan.code).toBe(0);
    expect(Object.keys(JSON.parse(scan.stdout)).sort()).toEqual(['suspicious_users', 'target_items']);
    // A file with no readable rating is an input error, not a clean scan.
    const unreadable = join(ws.home, 'ml-1m.dat');
    writeFileSync(unreadable, '1::10::5::881250949\n2::10::4::881250951\n');
    const empty = join(ws.home, 'empty.data');
    writeFileSync(empty, '');
    for (const file of [unreadable, empty]) {
      const r = await cli(['integrity', 'scan-ratings', file], ws.env);
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(/^vigie: no (valid )?rating in .*\n$/);
    }
    const csv = join(ws.home, 'decisions.csv');
    writeFileSync(csv, 'pred,grp,label\n1,a,1\n0,a,0\n1,b,0\n0,b,1\n1,a,1\n');
    const fair = JSON.parse(
      (
        await cli(
          [
            'integrity',
            'fairness',
            csv,
            '--prediction',
            'pred',
            '--group',
            'grp',
            '--label',
            'label',
            '--format',
            'json',
          ],
          ws.env,
        )
      ).stdout,
    );
    expect(fair.groups.a.selection_rate).toBeCloseTo(2 / 3, 12);
    expect(fair.metrics.demographic_parity_difference).toBeCloseTo(1 / 6, 12);
    expect(
      (await cli(['integrity', 'fairness', csv, '--prediction', 'nope', '--group', 'grp'], ws.env)).code,
    ).toBe(2);
  });
});

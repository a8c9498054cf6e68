import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { createTestWorkspace, engines, type TestWorkspace } from '../support/vigie.js';

const CSV = [
  'external_id,first_name,email,consent_marketing_email,consent_analytics',
  'K-1,Inès,ines@example.com,yes,yes',
  'K-2,Hugo,hugo@example.com,no,yes',
].join('\n');

describe.each(engines)('vigie customers on %s', (engine) => {
  let ws: TestWorkspace;
  beforeEach(async () => {
    ws = await createTestWorkspace(engine);
  });
  afterEach(async () => ws.cleanup());

  const file = (name: string, text: string) => {
    const path = join(ws.home, name);
    writeFileSync(path, text);
    return path;
  };

  it('imports (dry run first), finds, manages consent, exports and erases a customer', async () => {
    const path = file('customers.csv', CSV);
    const dry = await cli(['customers', 'import', path, '--dry-run', '--format', 'json'], ws.env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, dryRun: true, rows: 2 });
    expect((await cli(['customers', 'find', '--email', 'ines@example.com'], ws.env)).stdout.trim()).toBe(
      '(none)',
    );

    const imp = await cli(['customers', 'import', path], ws.env);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('2 created');
    const found = await cli(['customers', 'find', '--email', 'INES@example.com', '--format', 'json'], ws.env);
    const [subject] = JSON.parse(found.stdout).subjects as string[];
    expect(subject).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const set = await cli(
      [
        'customers',
        'consent',
        'set',
        '--subject',
        subject!,
        '--purpose',
        'marketing_email',
        '--status',
        'withdrawn',
      ],
      ws.env,
    );
    expect(set.code).toBe(0);
    const got = await cli(
      ['customers', 'consent', 'get', '--email', 'ines@example.com', '--format', 'json'],
      ws.env,
    );
    expect(
      JSON.parse(got.stdout).consents.map(
        (c: { purpose: string; status: string }) => `${c.purpose}:${c.status}`,
      ),
    ).toEqual(['analytics:given', 'marketing_email:withdrawn']);

    const exp = await cli(['customers', 'export-subject', '--email', 'ines@example.com'], ws.env);
    expect(JSON.parse(exp.stdout).profile).toMatchObject({ first_name: 'Inès', external_id: 'K-1' });

    const refused = await cli(['customers', 'erase', '--subject', subject!], ws.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    const erased = await cli(
      ['customers', 'erase', '--subject', subject!, '--yes', '--format', 'json'],
      ws.env,
    );
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout).deleted).toMatchObject({ customers: 1, customer_consents: 2 });
    const again = await cli(['customers', 'export-subject', '--subject', subject!], ws.env);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints the validation report and exits 2 with one line when a row is invalid, importing nothing', async () => {
    const path = file(
      'bad.json',
      JSON.stringify([
        { external_id: 'K-1', email: 'ines@example.com' },
        { external_id: 'K-3', email: 'nope', colour: 'blue' },
      ]),
    );
    const res = await cli(['customers', 'import', path, '--format', 'json'], ws.env);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(res.stdout);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'colour', code: 'unknown_column', reason: 'unknown column' },
        expect.objectContaining({ row: 2, column: 'email' }),
      ]),
    );
    const text = await cli(['customers', 'import', path], ws.env);
    expect(text.stdout).toMatch(/row\s+column\s+reason/);
    expect((await cli(['customers', 'find', '--email', 'ines@example.com'], ws.env)).stdout.trim()).toBe(
      '(none)',
    );
  });

  it('refuses a CSV without a header in one issue, without echoing the first person (exit 2)', async () => {
    const path = file('no-header.csv', CSV.split('\n').slice(1).join('\n'));
    const res = await cli(['customers', 'import', path, '--format', 'json'], ws.env);
    expect(res.code).toBe(2);
    expect(JSON.parse(res.stdout).issues).toEqual([
      expect.objectContaining({ row: 1, column: '', code: 'not_a_header' }),
    ]);
    const text = await cli(['customers', 'import', path], ws.env);
    expect(text.code).toBe(2);
    for (const out of [res.stdout, res.stderr, text.stdout, text.stderr])
      expect(out).not.toMatch(/K-1|Inès|ines@|Hugo|hugo@/);
  });

  it('re-imports a customer field by field, and refuses duplicates and non-UTF-8 files (exit 2)', async () => {
    const full = file(
      'full.csv',
      'external_id,first_name,last_name,email,phone,country,birth_year\nC002,Marc,Martin,marc.martin@example.com,06 12 34 56 78,FR,1980\n',
    );
    expect((await cli(['customers', 'import', full], ws.env)).code).toBe(0);
    const partial = file('city.csv', 'external_id,email,city\nC002,marc.martin@example.com,Marseille\n');
    const upd = await cli(['customers', 'import', partial], ws.env);
    expect(upd.stdout).toContain('1 updated');
    const exp = await cli(['customers', 'export-subject', '--email', 'marc.martin@example.com'], ws.env);
    expect(JSON.parse(exp.stdout).profile).toMatchObject({
      first_name: 'Marc',
      last_name: 'Martin',
      phone: '06 12 34 56 78',
      country: 'FR',
      birth_year: 1980,
      city: 'Marseille',
    });

    const dup = file('dup.csv', 'external_id,email\nC9,a@example.com\nC9,b@example.com\n');
    const res = await cli(['customers', 'import', dup, '--format', 'json'], ws.env);
    expect(res.code).toBe(2);
    expect(JSON.parse(res.stdout).issues).toEqual([
      { row: 3, column: 'external_id', code: 'duplicate_key', reason: 'the same customer appears on row 2' },
    ]);
    expect(res.stdout + res.stderr).not.toContain('C9');

    const latin1 = join(ws.home, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('external_id,first_name\nC10,Ren\u00e9\n', 'latin1'));
    const bad = await cli(['customers', 'import', latin1, '--format', 'json'], ws.env);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).issues).toEqual([
      { row: 2, column: '', code: 'unreadable', reason: 'not valid UTF-8: save the file as UTF-8' },
    ]);
    expect((await cli(['customers', 'find', '--email', 'a@example.com'], ws.env)).stdout.trim()).toBe(
      '(none)',
    );
  });

  it('rejects bad input with exit 2: unknown format, missing file, bad purpose', async () => {
    expect((await cli(['customers', 'import', file('x.txt', 'a')], ws.env)).code).toBe(2);
    // Thrown from the action as commander's InvalidArgumentError: it used to exit 2 in silence.
    const xml = await cli(['customers', 'import', file('ok.csv', CSV), '--input-format', 'xml'], ws.env);
    expect([xml.code, xml.stderr]).toEqual([2, 'vigie: --input-format: expected csv or json\n']);
    expect((await cli(['customers', 'import', join(ws.home, 'missing.csv')], ws.env)).code).toBe(2);
    const bad = await cli(
      ['customers', 'consent', 'set', '--email', 'a@example.com', '--purpose', 'spam', '--status', 'given'],
      ws.env,
    );
    expect(bad.code).toBe(2);
    const purge = await cli(['customers', 'purge-expired', '--format', 'json'], ws.env);
    expect(JSON.parse(purge.stdout).deleted).toBe(0);
    const ret = await cli(['customers', 'retention', '--days', '400'], ws.env);
    expect(ret.stdout.trim()).toBe('retention: 400 days');
  });
});

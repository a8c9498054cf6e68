import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Engine, engines, openTestVigie } from '../../../test/support/vigie.js';
import type { Vigie } from '../../core/index.js';
import { NotUtf8Error, StrictUtf8 } from '../bounded-lines.js';
import { getProfile, importCustomers, subjectOf } from './index.js';

/** Small chunks: records and multi-byte characters are cut across reads, as with a real file. */
const stream = (data: string | Buffer, chunk = 5) => {
  const b = typeof data === 'string' ? Buffer.from(data) : data;
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += chunk) parts.push(b.subarray(i, i + chunk));
  return Readable.from(parts);
};
const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('StrictUtf8', () => {
  it('decodes UTF-8 cut anywhere and names the line of the first invalid byte', () => {
    const text = 'a,b\nRené,Zoë 😀\n';
    const bytes = Buffer.from(text);
    for (let size = 1; size <= 4; size++) {
      const d = new StrictUtf8();
      let out = '';
      for (let i = 0; i < bytes.length; i += size) out += d.decode(bytes.subarray(i, i + size));
      expect(out + d.end()).toBe(text);
    }
    const bad = Buffer.concat([Buffer.from('a\nb\n'), latin1('Ren\u00e9\n'), Buffer.from('c\n')]);
    for (let size = 1; size <= bad.length; size++) {
      const d = new StrictUtf8();
      let failure: unknown;
      try {
        for (let i = 0; i < bad.length; i += size) d.decode(bad.subarray(i, i + size));
        d.end();
      } catch (err) {
        failure = err;
      }
      expect(failure, `chunks of ${size}`).toBeInstanceOf(NotUtf8Error);
      expect((failure as NotUtf8Error).line, `chunks of ${size}`).toBe(3);
    }
    try {
      new StrictUtf8().decode(bad);
    } catch (err) {
      expect((err as NotUtf8Error).validPrefix).toBe('a\nb\n');
    }
    // A sequence cut by the end of the input.
    const cut = new StrictUtf8();
    cut.decode(Buffer.from('ok\n\xc3', 'latin1'));
    expect(() => cut.end()).toThrow(expect.objectContaining({ line: 2 }));
  });
});

describe.each(engines)('customer import semantics on %s', (engine: Engine) => {
  let t: Awaited<ReturnType<typeof openTestVigie>>;
  let vigie: Vigie;
  beforeEach(async () => {
    t = await openTestVigie(engine);
    vigie = t.vigie;
  });
  afterEach(async () => t.close());

  const count = async () => (await vigie.db.selectFrom('customers').select('subject').execute()).length;
  const profile = async (id: string) => (await getProfile(vigie, undefined, subjectOf(vigie, id))).profile;

  it('keeps the fields a re-import leaves out, and clears those given empty', async () => {
    const full = [
      'external_id,first_name,last_name,email,phone,country,birth_year,gender,sensitive_basis',
      'C002,Marc,Martin,marc.martin@example.com,06 12 34 56 78,FR,1980,male,consent',
    ].join('\n');
    expect(await importCustomers(vigie, undefined, stream(full), { format: 'csv' })).toMatchObject({
      ok: true,
      created: 1,
    });
    const partial = 'external_id,email,city\nC002,marc.martin@example.com,Marseille\n';
    expect(await importCustomers(vigie, undefined, stream(partial), { format: 'csv' })).toMatchObject({
      ok: true,
      created: 0,
      updated: 1,
    });
    expect(await profile('C002')).toEqual({
      external_id: 'C002',
      first_name: 'Marc',
      last_name: 'Martin',
      email: 'marc.martin@example.com',
      phone: '06 12 34 56 78',
      country: 'FR',
      birth_year: 1980,
      gender: 'male',
      sensitive_basis: 'consent',
      city: 'Marseille',
    });
    // An empty cell (or a JSON null) clears; the phone, national, still reads with the stored country.
    const clear = 'external_id,first_name,phone\nC002,,07 98 76 54 32\n';
    expect((await importCustomers(vigie, undefined, stream(clear), { format: 'csv' })).ok).toBe(true);
    const json = '{"external_id":"C002","birth_year":null,"GENDER":"female"}\n';
    expect((await importCustomers(vigie, undefined, stream(json), { format: 'json' })).ok).toBe(true);
    const p = await profile('C002');
    expect(p).not.toHaveProperty('first_name');
    expect(p).not.toHaveProperty('birth_year');
    expect(p).toMatchObject({ last_name: 'Martin', phone: '07 98 76 54 32', gender: 'female' });
    // The merged profile is checked: clearing the lawful basis of a stored gender is refused.
    const noBasis = await importCustomers(vigie, undefined, stream('external_id,sensitive_basis\nC002,\n'), {
      format: 'csv',
    });
    expect(noBasis.ok).toBe(false);
    expect(noBasis.issues).toEqual([
      { row: 2, column: 'gender', code: 'lawful_basis_required', reason: expect.any(String) },
    ]);
    expect(await profile('C002')).toMatchObject({ sensitive_basis: 'consent' });
  });

  it('refuses a customer twice in one file, and a column twice in the header', async () => {
    const twice = [
      'external_id,email,consent_marketing_email',
      'C1,a@example.com,yes',
      'C2,b@example.com,yes',
      'C1,other@example.com,no',
    ].join('\n');
    const r = await importCustomers(vigie, undefined, stream(twice), { format: 'csv' });
    expect(r).toMatchObject({ ok: false, rows: 3, invalidRows: 1, created: 0 });
    expect(r.issues).toEqual([
      { row: 4, column: 'external_id', code: 'duplicate_key', reason: 'the same customer appears on row 2' },
    ]);
    const byEmail = '{"email":"x@example.com"}\n{"email":"X@example.com "}\n';
    const r2 = await importCustomers(vigie, undefined, stream(byEmail), { format: 'json' });
    expect(r2.issues).toEqual([
      { row: 2, column: 'email', code: 'duplicate_key', reason: 'the same customer appears on row 1' },
    ]);
    const header = 'external_id,email,Email\nC1,a@example.com,b@example.com\n';
    const r3 = await importCustomers(vigie, undefined, stream(header), { format: 'csv' });
    expect(r3.ok).toBe(false);
    expect(r3.issues).toContainEqual({
      row: 1,
      column: 'email',
      code: 'duplicate_column',
      reason: expect.any(String),
    });
    expect(await count()).toBe(0);
  });

  it('refuses bytes that are not UTF-8, naming the row (CSV line, JSON record)', async () => {
    const file = Buffer.concat([
      Buffer.from('external_id,first_name\nC1,Zoë\nC2,Ana\n'),
      latin1('C3,Ren\u00e9\n'),
      Buffer.from('C4,Léa\n'),
    ]);
    const r = await importCustomers(vigie, undefined, stream(file), { format: 'csv' });
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([
      { row: 4, column: '', code: 'unreadable', reason: 'not valid UTF-8: save the file as UTF-8' },
    ]);
    const big = await importCustomers(vigie, undefined, Readable.from([file]), { format: 'csv' });
    expect(big.issues.map((i) => i.row)).toEqual([4]);
    const json = Buffer.concat([
      Buffer.from('[{"external_id":"C1"},\n{"external_id":"C2"},\n'),
      latin1('{"external_id":"C3","first_name":"Ren\u00e9"}]'),
    ]);
    for (const input of [stream(json), Readable.from([json])]) {
      const rj = await importCustomers(vigie, undefined, input, { format: 'json' });
      expect(rj.issues).toEqual([{ row: 3, column: '', code: 'unreadable', reason: expect.any(String) }]);
    }
    expect(await count()).toBe(0);
  });

  it('counts every row of a file with more issues than the report lists', async () => {
    const rows = ['external_id,email'];
    for (let i = 0; i < 5000; i++) rows.push(`C${i},not-an-email`);
    const r = await importCustomers(vigie, undefined, stream(rows.join('\n'), 4096), { format: 'csv' });
    expect(r).toMatchObject({ ok: false, rows: 5000, invalidRows: 5000, issuesTruncated: true });
    expect(r.issues).toHaveLength(1000);
  });

  it('reports a bad JSON array element at its position', async () => {
    const arr = '[{"external_id":"A"},{"external_id":"B"},{"external_id":"C"},42]';
    for (const input of [stream(arr), Readable.from([arr])]) {
      const r = await importCustomers(vigie, undefined, input, { format: 'json' });
      expect(r.issues).toEqual([
        { row: 4, column: '', code: 'unreadable', reason: 'expected an object in the JSON array' },
      ]);
    }
  });

  it('accepts known column names in any case, and words typed and control-character values clearly', async () => {
    const ok = ' External_ID ,EMAIL,First_Name\nC1,a@example.com,Ana\n';
    expect(await importCustomers(vigie, undefined, stream(ok), { format: 'csv' })).toMatchObject({
      ok: true,
      created: 1,
    });
    expect(await profile('C1')).toMatchObject({ first_name: 'Ana', email: 'a@example.com' });
    const bad = '{"external_id":"C2","birth_year":true,"first_name":"An\\u0007a","city":"Pa\\tris"}\n';
    const r = await importCustomers(vigie, undefined, stream(bad), { format: 'json' });
    expect(r.issues).toEqual([
      { row: 1, column: 'first_name', code: 'invalid_value', reason: 'control characters are not allowed' },
      { row: 1, column: 'city', code: 'invalid_value', reason: 'control characters are not allowed' },
      { row: 1, column: 'birth_year', code: 'invalid_value', reason: 'expected a year' },
    ]);
  });
});

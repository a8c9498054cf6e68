import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Engine, engines, openTestVigie } from '../../../test/support/vigie.js';
import { rewrapAll, rotateDataKey, type Vigie } from '../../core/index.js';
import {
  accessExport,
  consentInputSchema,
  consentingSubjects,
  eraseSubject,
  findSubjects,
  getProfile,
  importCustomers,
  purgeExpiredCustomers,
  rectifyProfile,
  SUBJECT_TABLES,
  setConsent,
  setRetention,
  subjectAttribute,
  subjectOf,
} from './index.js';

const CSV = [
  'external_id,first_name,last_name,email,phone,street,postal_code,city,country,birth_year,gender,sensitive_basis,consent_marketing_email,consent_profiling,attributes',
  'CRM-1,Amélie,Poulain,Amelie.Poulain@Example.com,06 12 34 56 78,15 rue Lepic,75018,Paris,FR,1975,female,consent,yes,no,"{""tier"":""gold""}"',
  'CRM-2,John,Smith,john.smith@example.org,+44 20 7946 0958,10 Downing St,SW1A 2AA,London,GB,1980,,,no,yes,',
  ',Zoé,Durand,zoe.durand@example.fr,,,,,,,,,,,',
].join('\n');

const csv = (text: string) => Readable.from([Buffer.from(text)]);
const PERSONAL = [
  'Amélie',
  'Poulain',
  'amelie.poulain@example.com',
  'Amelie.Poulain',
  '0612345678',
  '612345678',
  'rue Lepic',
  'john.smith',
  'Smith',
  'Downing',
  '7946',
  'Durand',
  'zoe.durand',
  'CRM-1',
  'CRM-2',
];

/** Every text value of every table, as one string: what someone holding the database file would read. */
async function dumpText(vigie: Vigie): Promise<string> {
  const parts: string[] = [];
  const tables =
    vigie.storage.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(vigie.db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
          vigie.db,
        );
  expect(tables.rows.map((r) => r.name)).toContain('customers');
  for (const { name: table } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(vigie.db);
    for (const row of rows.rows) for (const v of Object.values(row)) if (typeof v === 'string') parts.push(v);
  }
  return parts.join('\n');
}

describe.each(engines)('customer vault on %s', (engine: Engine) => {
  let t: Awaited<ReturnType<typeof openTestVigie>>;
  let vigie: Vigie;
  beforeEach(async () => {
    t = await openTestVigie(engine);
    vigie = t.vigie;
  });
  afterEach(async () => {
    await t.close();
  });

  it('lists in SUBJECT_TABLES only tables and columns that exist (erasure relies on it)', async () => {
    for (const { table, column } of SUBJECT_TABLES)
      await expect(
        sql`select ${sql.ref(column)} from ${sql.table(table)} where 1 = 0`.execute(vigie.db),
        table,
      ).resolves.toBeDefined();
  });

  it('imports a CSV, keeps no personal data in clear anywhere in the database, and finds by e-mail', async () => {
    const report = await importCustomers(vigie, undefined, csv(CSV), { format: 'csv' });
    expect(report).toMatchObject({ ok: true, rows: 3, created: 3, updated: 0, consents: 4, issues: [] });
    const dump = await dumpText(vigie);
    for (const value of PERSONAL) expect(dump, value).not.toContain(value);
    expect(dump.toLowerCase()).not.toContain('amelie.poulain@example.com');

    const [subject] = await findSubjects(vigie, undefined, { email: ' AMELIE.poulain@example.com' });
    expect(subject).toBe(subjectOf(vigie, 'CRM-1'));
    expect(await findSubjects(vigie, undefined, { phone: '+33 6 12 34 56 78' })).toEqual([subject]);
    const p = await getProfile(vigie, undefined, subject!);
    expect(p.profile).toMatchObject({
      external_id: 'CRM-1',
      first_name: 'Amélie',
      email: 'amelie.poulain@example.com',
      birth_year: 1975,
      gender: 'female',
      attributes: { tier: 'gold' },
    });
    // No CRM id: the normalised e-mail keys the profile.
    expect(await findSubjects(vigie, undefined, { email: 'zoe.durand@example.fr' })).toEqual([
      subjectOf(vigie, 'zoe.durand@example.fr'),
    ]);
    const ledger = await vigie.db.selectFrom('ledger_entries').select(['action', 'details']).execute();
    expect(ledger.map((e) => e.action)).toContain('customers.import');
    expect(JSON.stringify(ledger)).not.toMatch(/Poulain|example\.com/i);
  });

  it('imports nothing when one row is invalid, and reports row, column and reason', async () => {
    const bad = `${CSV}\nCRM-9,Bad,Row,not-an-email,,,,,,1850,male,,maybe,,`;
    const report = await importCustomers(vigie, undefined, csv(bad), { format: 'csv' });
    expect(report.ok).toBe(false);
    expect(report.created).toBe(0);
    const cols = report.issues.map((i) => `${i.row}:${i.column}`);
    expect(cols).toEqual(expect.arrayContaining(['5:email', '5:birth_year', '5:consent_marketing_email']));
    expect(JSON.stringify(report)).not.toContain('not-an-email');
    expect(await vigie.db.selectFrom('customers').select('subject').execute()).toEqual([]);
    expect(await vigie.db.selectFrom('customer_consents').select('subject').execute()).toEqual([]);
  });

  it('refuses unknown columns, sensitive attributes without a lawful basis, and malformed files', async () => {
    const r1 = await importCustomers(
      vigie,
      undefined,
      csv('external_id,email,shoe_size\nA,a@example.com,42'),
      { format: 'csv' },
    );
    expect(r1.issues).toContainEqual({
      row: 1,
      column: 'shoe_size',
      code: 'unknown_column',
      reason: 'unknown column',
    });
    const r2 = await importCustomers(vigie, undefined, csv('external_id,gender\nA,male'), { format: 'csv' });
    expect(r2.issues).toContainEqual({
      row: 2,
      column: 'gender',
      code: 'lawful_basis_required',
      reason: expect.stringContaining('lawful basis'),
    });
    const r3 = await importCustomers(vigie, undefined, csv('[{"external_id":"A"},'), { format: 'json' });
    expect(r3.ok).toBe(false);
    expect(r3.issues[0]!.reason).toMatch(/unterminated/);
    expect(await vigie.db.selectFrom('customers').select('subject').execute()).toEqual([]);
  });

  it('imports JSON arrays and JSON lines, upserts by subject, and dry-runs without writing', async () => {
    const arr = JSON.stringify([
      { external_id: 'J1', email: 'j1@example.com', first_name: 'Jo', attributes: { vip: true } },
      { external_id: 'J2', email: 'j2@example.com', age_band: '25_34', sensitive_basis: 'consent' },
    ]);
    const dry = await importCustomers(vigie, undefined, csv(arr), { format: 'json', dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, rows: 2 });
    expect(await vigie.db.selectFrom('customers').select('subject').execute()).toEqual([]);
    expect(await importCustomers(vigie, undefined, csv(arr), { format: 'json' })).toMatchObject({
      created: 2,
    });
    const lines =
      '{"external_id":"J1","email":"j1@example.com","first_name":"Joanna"}\n{"external_id":"J3","email":"j3@example.com"}\n';
    expect(await importCustomers(vigie, undefined, csv(lines), { format: 'json' })).toMatchObject({
      created: 1,
      updated: 1,
    });
    expect((await getProfile(vigie, undefined, subjectOf(vigie, 'J1'))).profile.first_name).toBe('Joanna');
    expect(await subjectAttribute(vigie, 'age_band')).toEqual(new Map([[subjectOf(vigie, 'J2'), '25_34']]));
  });

  it('tracks consent per purpose and exposes the consenting subjects', async () => {
    await importCustomers(vigie, undefined, csv(CSV), { format: 'csv' });
    const amelie = subjectOf(vigie, 'CRM-1');
    const john = subjectOf(vigie, 'CRM-2');
    expect(await consentingSubjects(vigie, 'marketing_email')).toEqual(new Set([amelie]));
    expect(await consentingSubjects(vigie, 'profiling')).toEqual(new Set([john]));
    const after = await setConsent(vigie, undefined, amelie, {
      purpose: 'marketing_email',
      status: 'withdrawn',
    });
    const m = after.find((c) => c.purpose === 'marketing_email')!;
    expect(m.status).toBe('withdrawn');
    expect(m.given_at).not.toBeNull();
    expect(m.withdrawn_at).not.toBeNull();
    expect(await consentingSubjects(vigie, 'marketing_email')).toEqual(new Set());
    await setConsent(vigie, undefined, john, {
      purpose: 'analytics',
      status: 'given',
      lawful_basis: 'legitimate_interests',
    });
    expect(await consentingSubjects(vigie, 'analytics')).toEqual(new Set([john]));
    expect(await subjectAttribute(vigie, 'birth_year', [amelie, john, 'nobody'])).toEqual(
      new Map([
        [amelie, '1975'],
        [john, '1980'],
      ]),
    );
  });

  it('rectifies, exports and erases a subject everywhere, shredding its key', async () => {
    await importCustomers(vigie, undefined, csv(CSV), { format: 'csv' });
    const s = subjectOf(vigie, 'CRM-2');
    const r = await rectifyProfile(vigie, undefined, s, { email: 'John@New.example', street: null });
    expect(r.profile.email).toBe('john@new.example');
    expect(r.profile.street).toBeUndefined();
    expect(await findSubjects(vigie, undefined, { email: 'john@new.example' })).toEqual([s]);
    await expect(rectifyProfile(vigie, undefined, s, { gender: 'male' })).rejects.toThrow(/lawful basis/);

    const exp = await accessExport(vigie, undefined, s);
    expect(exp.profile).toMatchObject({ first_name: 'John', email: 'john@new.example' });
    expect(exp.consents.map((c) => c.purpose).sort()).toEqual(['marketing_email', 'profiling']);
    // The import's consent decisions are in the subject's history too (issue 7 security test, defect 3).
    expect(exp.history.map((h) => h.action)).toEqual([
      'customers.consent.withdraw',
      'customers.consent.give',
      'customers.rectify',
    ]);

    const keyBefore = (
      await vigie.db
        .selectFrom('customers')
        .select('key_enc')
        .where('subject', '=', s)
        .executeTakeFirstOrThrow()
    ).key_enc;
    const erased = await eraseSubject(vigie, undefined, s);
    expect(erased.deleted).toMatchObject({ customers: 1, customer_consents: 2 });
    for (const { table, column } of SUBJECT_TABLES) {
      const left = await sql<{
        n: number;
      }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${s}`.execute(vigie.db);
      expect(Number(left.rows[0]!.n), table).toBe(0);
    }
    expect(await dumpText(vigie)).not.toContain(keyBefore);
    await expect(getProfile(vigie, undefined, s)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(eraseSubject(vigie, undefined, s)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const entries = await vigie.db.selectFrom('ledger_entries').select(['action', 'target']).execute();
    expect(entries).toContainEqual({ action: 'customers.dsr.erase', target: `subject:${s}` });
    expect(entries).toContainEqual({ action: 'customers.dsr.access', target: `subject:${s}` });
    expect(entries).toContainEqual({ action: 'customers.rectify', target: `subject:${s}` });
  });

  it('survives a data key rotation and rewrap: per-subject keys move forward, profiles still open', async () => {
    await importCustomers(vigie, undefined, csv(CSV), { format: 'csv' });
    await rotateDataKey(vigie, undefined);
    const r = await rewrapAll(vigie, undefined);
    expect(r.remaining).toBe(0);
    const keys = await vigie.db.selectFrom('customers').select('key_enc').execute();
    for (const k of keys) expect(k.key_enc.startsWith(`vk${r.version}:`)).toBe(true);
    expect((await getProfile(vigie, undefined, subjectOf(vigie, 'CRM-1'))).profile.first_name).toBe('Amélie');
  });

  it('refuses control characters in a consent source, which is stored in clear', () => {
    const given = { purpose: 'profiling', status: 'given' } as const;
    expect(consentInputSchema.safeParse({ ...given, source: 'web form' }).success).toBe(true);
    expect(consentInputSchema.safeParse({ ...given, source: 'web\u0000form' }).success).toBe(false);
  });

  it('deletes profiles past the retention period, not the active ones', async () => {
    await importCustomers(vigie, undefined, csv(CSV), { format: 'csv' });
    await setRetention(vigie, undefined, { days: 30 });
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await vigie.db.updateTable('customers').set({ updated_at: old }).execute();
    await vigie.db
      .updateTable('customers')
      .set({ last_active_at: new Date().toISOString() })
      .where('subject', '=', subjectOf(vigie, 'CRM-1'))
      .execute();
    expect((await purgeExpiredCustomers(vigie)).deleted).toBe(2);
    const left = await vigie.db.selectFrom('customers').select('subject').execute();
    expect(left).toEqual([{ subject: subjectOf(vigie, 'CRM-1') }]);
    expect(await vigie.db.selectFrom('customer_consents').select('subject').distinct().execute()).toEqual(
      left,
    );
  });

  describe('defects found by the security test of issue 7', () => {
    const setUp = async () => {
      await importCustomers(vigie, undefined, csv(CSV), { format: 'csv' });
      return { amelie: subjectOf(vigie, 'CRM-1'), john: subjectOf(vigie, 'CRM-2') };
    };

    it('erasure drops every stored recommendation and counts the segments that still include the person', async () => {
      const { amelie, john } = await setUp();
      const zoe = subjectOf(vigie, 'zoe.durand@example.fr');
      const at = new Date().toISOString();
      const segment = (id: string, kind = 'rfm') => ({
        id,
        name: id,
        kind,
        definition: '{}',
        size: 2,
        population: 3,
        profile: '{"mean_monetary":42}',
        computed_at: at,
        computed_by: 'test',
      });
      await vigie.db
        .insertInto('segments')
        .values([segment('s1'), segment('s2'), segment('s3', 'cluster')])
        .execute();
      await vigie.db
        .insertInto('segment_members')
        .values([
          { segment_id: 's1', subject: amelie, score: null },
          { segment_id: 's1', subject: john, score: null },
          { segment_id: 's2', subject: john, score: null },
          { segment_id: 's3', subject: zoe, score: null },
        ])
        .execute();
      // "only-john-bought" was learnt from John's events and recommended to the others.
      await vigie.db
        .insertInto('recommendations')
        .values(
          [amelie, john, zoe].map((subject) => ({
            subject,
            items: '[{"item":"only-john-bought","score":1}]',
            computed_at: at,
          })),
        )
        .execute();
      const r = await eraseSubject(vigie, undefined, john);
      expect(r.deleted).toMatchObject({ recommendations: 1, segment_members: 2 });
      expect(r.derived).toEqual({ recommendations: 2, segmentsAffected: 2, usesVoided: 0 });
      expect(await vigie.db.selectFrom('recommendations').select('subject').execute()).toEqual([]);
      // The families John was in are stale (their figures still count him), not Zoé's cluster.
      const stale = await vigie.db
        .selectFrom('segments')
        .select(['id', 'stale_since'])
        .orderBy('id')
        .execute();
      expect(stale.map((x) => [x.id, x.stale_since !== null])).toEqual([
        ['s1', true],
        ['s2', true],
        ['s3', false],
      ]);
      const entry = await vigie.db
        .selectFrom('ledger_entries')
        .select('details')
        .where('action', '=', 'customers.dsr.erase')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(entry.details).derived).toEqual({
        recommendations: 2,
        segmentsAffected: 2,
        usesVoided: 0,
      });
      expect(entry.details).not.toMatch(/s1|s2|only-john/);
    });

    it('never lets an older consent override a newer withdrawal (API and import), and refuses future dates', async () => {
      const { amelie } = await setUp();
      await setConsent(vigie, undefined, amelie, { purpose: 'marketing_email', status: 'withdrawn' });
      await expect(
        setConsent(vigie, undefined, amelie, {
          purpose: 'marketing_email',
          status: 'given',
          at: '2020-01-01T00:00:00Z',
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/more recent/) });
      expect(await consentingSubjects(vigie, 'marketing_email')).toEqual(new Set());

      const old =
        'external_id,email,consent_marketing_email,consent_at\nCRM-1,amelie.poulain@example.com,yes,2026-01-01T00:00:00Z';
      const r = await importCustomers(vigie, undefined, csv(old), { format: 'csv' });
      expect(r).toMatchObject({ ok: true, updated: 1, consents: 0, consentsSkipped: 1 });
      expect(await consentingSubjects(vigie, 'marketing_email')).toEqual(new Set());
      // A newer decision still applies, from either side.
      const now = new Date().toISOString();
      await setConsent(vigie, undefined, amelie, { purpose: 'marketing_email', status: 'given', at: now });
      expect(await consentingSubjects(vigie, 'marketing_email')).toEqual(new Set([amelie]));

      const future = old.replace('2026-01-01', '2999-01-01');
      const f = await importCustomers(vigie, undefined, csv(future), { format: 'csv' });
      expect(f.ok).toBe(false);
      expect(f.issues).toContainEqual({
        row: 2,
        column: 'consent_at',
        code: 'invalid_value',
        reason: 'a consent cannot be dated in the future',
      });
    });

    it('records a decision dated a little ahead (clock skew) at its arrival, so a withdrawal just after wins', async () => {
      const { amelie } = await setUp();
      const ahead = new Date(Date.now() + 50_000).toISOString();
      await setConsent(vigie, undefined, amelie, { purpose: 'marketing_email', status: 'given', at: ahead });
      await setConsent(vigie, undefined, amelie, { purpose: 'marketing_email', status: 'withdrawn' });
      expect(await consentingSubjects(vigie, 'marketing_email')).toEqual(new Set());
    });

    it('ledgers each imported consent decision per subject, like the API, with ids only', async () => {
      const dry = await importCustomers(vigie, undefined, csv(CSV), { format: 'csv', dryRun: true });
      expect(dry.ok).toBe(true);
      expect(await vigie.db.selectFrom('ledger_entries').select('seq').execute()).toEqual([]);
      const { amelie, john } = await setUp();
      const rows = await vigie.db
        .selectFrom('ledger_entries')
        .select(['action', 'target', 'details'])
        .where('action', 'like', 'customers.consent.%')
        .orderBy('seq')
        .execute();
      const shape = rows.map((e) => `${e.target} ${e.action} ${JSON.parse(e.details).purpose}`);
      expect(shape.sort()).toEqual(
        [
          `subject:${amelie} customers.consent.give marketing_email`,
          `subject:${amelie} customers.consent.withdraw profiling`,
          `subject:${john} customers.consent.withdraw marketing_email`,
          `subject:${john} customers.consent.give profiling`,
        ].sort(),
      );
      for (const e of rows)
        expect(Object.keys(JSON.parse(e.details)).sort()).toEqual(['importId', 'lawfulBasis', 'purpose']);
      for (const value of PERSONAL) expect(JSON.stringify(rows), value).not.toContain(value);
    });

    it('refuses to import again a customer who asked for erasure, and imports nothing', async () => {
      const { john } = await setUp();
      await eraseSubject(vigie, undefined, john);
      const again = `${CSV}\nCRM-3,New,Person,new.person@example.com,,,,,,,,,,,\nCRM-4,Bad,Row,not-an-email,,,,,,,,,,,`;
      const r = await importCustomers(vigie, undefined, csv(again), { format: 'csv' });
      expect(r).toMatchObject({ ok: false, invalidRows: 2 });
      // The erased row is reported even though another row had already failed.
      expect(r.issues).toEqual([
        expect.objectContaining({ row: 6, column: 'email', code: 'invalid_value' }),
        {
          row: 3,
          column: 'external_id',
          code: 'erased_subject',
          reason: expect.stringContaining('asked for erasure'),
        },
      ]);
      expect(JSON.stringify(r)).not.toMatch(/Smith|CRM-2/);
      expect(await findSubjects(vigie, undefined, { email: 'new.person@example.com' })).toEqual([]);
      expect(
        await vigie.db.selectFrom('customers').select('subject').where('subject', '=', john).execute(),
      ).toEqual([]);
    });

    it('does not echo data from a CSV without a header, nor data-like column names', async () => {
      const noHeader = CSV.split('\n').slice(1).join('\n');
      const r = await importCustomers(vigie, undefined, csv(noHeader), { format: 'csv' });
      expect(r.ok).toBe(false);
      expect(r.issues).toEqual([
        {
          row: 1,
          column: '',
          code: 'not_a_header',
          reason: expect.stringContaining('expected columns such as external_id, email'),
        },
      ]);
      for (const value of PERSONAL) expect(JSON.stringify(r), value).not.toContain(value);
      expect(await vigie.db.selectFrom('customers').select('subject').execute()).toEqual([]);

      const shifted =
        'external_id,email,jean.dupont@example.com,0612345678,shoe_size\nA,a@example.com,x,y,42';
      const s2 = await importCustomers(vigie, undefined, csv(shifted), { format: 'csv' });
      expect(s2.issues.filter((i) => i.row === 1).map((i) => i.column)).toEqual([
        'column 3',
        'column 4',
        'shoe_size',
      ]);
      expect(JSON.stringify(s2)).not.toMatch(/dupont|0612345678/);
      const json = '{"external_id":"A","jean.dupont@example.com":1}';
      const s3 = await importCustomers(vigie, undefined, csv(json), { format: 'json' });
      expect(s3.issues.map((i) => i.column)).toEqual(['column 2']);
      expect(JSON.stringify(s3)).not.toContain('dupont');
    });

    it('lets the event loop run during a long import', async () => {
      const lines = ['external_id,email'];
      for (let i = 0; i < 5000; i++) lines.push(`C-${i},c${i}@example.com`);
      let ticks = 0;
      let running = true;
      const tick = () => {
        ticks++;
        if (running) setImmediate(tick);
      };
      setImmediate(tick);
      const r = await importCustomers(vigie, undefined, csv(lines.join('\n')), {
        format: 'csv',
        dryRun: true,
      });
      running = false;
      expect(r).toMatchObject({ ok: true, rows: 5000 });
      expect(ticks).toBeGreaterThanOrEqual(5);
    });

    it('refuses unknown fields and values that cannot be an e-mail or a phone', async () => {
      await setUp();
      const given = { purpose: 'profiling', status: 'given' } as const;
      expect(consentInputSchema.safeParse({ ...given, zz: 1 }).success).toBe(false);
      for (const input of [
        { email: 'amelie.poulain@example.com', zz: 1 },
        { email: 'jean.dupont' },
        { phone: '+33 1' },
      ])
        await expect(findSubjects(vigie, undefined, input as never), JSON.stringify(input)).rejects.toThrow();
      expect(await findSubjects(vigie, undefined, { email: 'AMELIE.poulain@example.com ' })).toHaveLength(1);
    });
  });
});

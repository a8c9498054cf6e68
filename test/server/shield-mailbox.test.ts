import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogger,
  ensureAdmin,
  openVigie,
  rewrapAll,
  rotateDataKey,
  type Vigie,
} from '../../src/core/index.js';
import { buildApp } from '../../src/server/app.js';
import { buildEml } from '../../src/shield/email/test-eml.js';
import { pollMailboxIfDue } from '../../src/shield/index.js';
import { REPLIES_PER_REPORTER } from '../../src/shield/mailbox/poll.js';
import { cli } from '../support/cli.js';
import { startImapServer, startSmtpServer, type TestImap, type TestSmtp } from '../support/mail-servers.js';
import { ADMIN_PASSWORD, loginAs } from '../support/server.js';
import { createTestWorkspace, engines, type TestWorkspace } from '../support/vigie.js';

/**
 * The reported-phish mailbox end to end, over real protocols on 127.0.0.1: staff forward a phish to an
 * IMAP mailbox (Hoodiecrow), Vigie polls it, analyses the attached original, answers the reporter by
 * SMTP (smtp-server) and flags the message seen.
 */
const phish = readFileSync(join(import.meta.dirname, '../fixtures/phishing/fr-colissimo-frais.eml'));

/** A staff member forwarding the phish "as attachment", with a few words of their own in French. */
const forwardFr = buildEml({
  from: 'Jane Doe <jane.doe@corp.example>',
  to: 'signalement@corp.example',
  subject: 'TR: Votre colis est en attente de livraison',
  text: 'Bonjour, ce message me semble suspect : pouvez-vous vérifier avant que je clique ? Merci beaucoup.',
  attachments: [{ filename: 'suspect.eml', contentType: 'message/rfc822', content: phish }],
});

const noDns = async () => {
  throw Object.assign(new Error('no such name'), { code: 'ENOTFOUND' });
};

describe.each(engines)('reported mailbox (%s)', (engine) => {
  let ws: TestWorkspace;
  let vigie: Vigie;
  let app: FastifyInstance;
  let imap: TestImap;
  let smtp: TestSmtp;
  let headers: Record<string, string>;
  const logs: string[] = [];

  const settings = (over: { imapPassword?: string; smtpPassword?: string } = {}) => ({
    enabled: true,
    imap: {
      host: '127.0.0.1',
      port: imap.port,
      tls: 'none',
      user: imap.user,
      password: over.imapPassword ?? imap.password,
      folder: 'INBOX',
    },
    smtp: {
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: smtp.user,
      password: over.smtpPassword ?? smtp.password,
      from: 'vigie@corp.example',
    },
    pollMinutes: 5,
    reporterDomains: ['corp.example'],
  });
  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startImapServer(), startSmtpServer()]);
    ws = await createTestWorkspace(engine, { VIGIE_ADMIN_PASSWORD: ADMIN_PASSWORD });
    // Everything the server logs, at the most verbose level, to check that no password leaks into it.
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logs.push(String(chunk));
        cb();
      },
    });
    vigie = await openVigie(ws.config, { log: createLogger('trace', sink) });
    await ensureAdmin(vigie);
    app = await buildApp(vigie, { rateLimitPerMinute: 100_000, shield: { resolver: noDns } });
    await app.ready();
    headers = (await loginAs(app, 'admin', ADMIN_PASSWORD)).headers;
  });
  afterAll(async () => {
    await app?.close();
    await vigie?.close();
    await ws?.cleanup();
    await Promise.all([imap?.close(), smtp?.close()]);
  });

  it('keeps the passwords sealed and write-only', async () => {
    const put = await call('PUT', '/api/v1/shield/mailbox/settings', settings());
    expect(put.statusCode, put.body).toBe(200);
    const got = await call('GET', '/api/v1/shield/mailbox/settings');
    expect(got.json().settings.imap).toMatchObject({ host: '127.0.0.1', passwordSet: true });
    expect(got.json().settings.smtp).toMatchObject({ user: smtp.user, passwordSet: true });
    for (const body of [put.body, got.body]) {
      expect(body).not.toContain(imap.password);
      expect(body).not.toContain(smtp.password);
    }
    const row = await vigie.db.selectFrom('mailbox_settings').selectAll().executeTakeFirstOrThrow();
    expect(row.imap_password_enc).toMatch(/^vk\d+:/);
    expect(JSON.stringify(row)).not.toContain(imap.password);
    // Saving again without passwords keeps the stored ones.
    const { password: _i, ...imapNoPassword } = settings().imap;
    const { password: _s, ...smtpNoPassword } = settings().smtp;
    const again = await call('PUT', '/api/v1/shield/mailbox/settings', {
      ...settings(),
      imap: imapNoPassword,
      smtp: smtpNoPassword,
    });
    expect(again.statusCode, again.body).toBe(200);
    const test = await call('POST', '/api/v1/shield/mailbox/test');
    expect(test.json()).toEqual({ imap: { ok: true }, smtp: { ok: true } });
  });

  it('refuses plain-text transport to another machine', async () => {
    const res = await call('PUT', '/api/v1/shield/mailbox/settings', {
      ...settings(),
      imap: { ...settings().imap, host: 'imap.corp.example' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('only allowed for a server on this machine');
  });

  it('refuses to send a stored password to a server, port or user it was not typed for', async () => {
    const { password: _i, ...imapKept } = settings().imap;
    const { password: _s, ...smtpKept } = settings().smtp;
    for (const change of [
      { imap: { ...imapKept, host: 'localhost' } },
      { imap: { ...imapKept, port: imap.port + 1 } },
      { imap: { ...imapKept, user: 'someone-else' } },
      { smtp: { ...smtpKept, host: 'localhost' } },
      { smtp: { ...smtpKept, port: smtp.port + 1 } },
      { smtp: { ...smtpKept, user: 'someone-else' } },
    ]) {
      const res = await call('PUT', '/api/v1/shield/mailbox/settings', { ...settings(), ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(/^(imap|smtp)\.password: type the password again/);
    }
    // Nothing was saved: the stored settings still point at the servers the passwords were typed for.
    const got = (await call('GET', '/api/v1/shield/mailbox/settings')).json().settings;
    expect(got.imap).toMatchObject({ host: '127.0.0.1', port: imap.port, user: imap.user });
    expect(got.smtp).toMatchObject({ host: '127.0.0.1', port: smtp.port, user: smtp.user });
    // Typing the password again is fine.
    const typed = await call('PUT', '/api/v1/shield/mailbox/settings', {
      ...settings(),
      imap: { ...settings().imap, host: 'localhost' },
    });
    expect(typed.statusCode, typed.body).toBe(200);
    expect((await call('PUT', '/api/v1/shield/mailbox/settings', settings())).statusCode).toBe(200);
  });

  it('allows plain text only to a loopback address, not to a host name that starts with 127.', async () => {
    const res = await call('PUT', '/api/v1/shield/mailbox/settings', {
      ...settings(),
      smtp: { ...settings().smtp, host: '127.evil.example' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('only allowed for a server on this machine');
  });

  it('refuses offline authentication until the receiving servers are listed', async () => {
    const res = await call('PUT', '/api/v1/shield/mailbox/settings', { ...settings(), offline: true });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'offline-needs-authserv-ids' });
    expect(res.json().detail).toContain('authserv-ids');
  });

  it('says only "could not connect" when nothing answers, never the socket error', async () => {
    const closed = await new Promise<number>((resolve) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    await call('PUT', '/api/v1/shield/mailbox/settings', {
      ...settings(),
      imap: { ...settings().imap, port: closed },
      smtp: { ...settings().smtp, port: closed },
    });
    const test = (await call('POST', '/api/v1/shield/mailbox/test')).json();
    expect(test.imap).toEqual({
      ok: false,
      error: 'IMAP: could not connect to the server',
      reason: 'imap-connect',
    });
    expect(test.smtp).toEqual({
      ok: false,
      error: 'SMTP: could not connect to the server',
      reason: 'smtp-connect',
    });
    expect(JSON.stringify(test)).not.toContain('ECONN');
    expect((await call('PUT', '/api/v1/shield/mailbox/settings', settings())).statusCode).toBe(200);
  });

  it('analyses the attached phish, stores it, answers the reporter in French and flags the message', async () => {
    await imap.deliver(forwardFr);
    const res = await call('POST', '/api/v1/shield/mailbox/poll');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().poll).toMatchObject({ fetched: 1, analysed: 1, replied: 1, rejected: 0 });

    const queue = (await call('GET', '/api/v1/shield/mailbox/reports')).json().reports;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ reporter: 'j•••e@corp.example', verdict: 'phishing', reply: 'replied' });
    expect(queue[0].receivedAt).toMatch(/^\d{4}-/);
    const analysis = (await call('GET', `/api/v1/shield/emails/${queue[0].analysisId}`)).json().analysis;
    // The attachment was analysed, not the colleague's forward.
    expect(analysis).toMatchObject({
      source: 'mailbox',
      subject: 'Votre colis est en attente de livraison',
      from: 'suivi@notification-colis-88.top',
    });

    expect(smtp.received).toHaveLength(1);
    const reply = smtp.received[0]!;
    expect(reply.to).toEqual(['jane.doe@corp.example']);
    expect(reply.parsed.subject).toContain('Hameçonnage');
    expect(reply.parsed.inReplyTo).toBe('<test@sender.example>');
    expect(reply.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    const text = reply.parsed.text ?? '';
    const html = String(reply.parsed.html);
    expect(text).toContain('tentative d’hameçonnage');
    expect(text).toContain('Pourquoi');
    expect(html).toContain('<ul><li>');
    // No live link from the analysed mail: addresses are defanged and nothing is an anchor.
    for (const body of [text, html]) {
      expect(body).not.toContain('notification-colis-88.top');
      expect(body).not.toMatch(/https?:\/\//);
      expect(body).not.toContain('<a ');
    }
    expect(text).toContain('notification-colis-88[.]top');

    const flags = await imap.flags();
    expect([...flags.values()][0]).toContain('\\Seen');
  });

  it('does not process a message twice', async () => {
    const res = await call('POST', '/api/v1/shield/mailbox/poll');
    expect(res.json().poll).toMatchObject({ fetched: 0, analysed: 0 });
    expect((await call('GET', '/api/v1/shield/mailbox/reports')).json().reports).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('answers an inline English forward in English and never answers outside the reporter domains', async () => {
    await imap.deliver(
      buildEml({
        from: 'Sam <sam@corp.example>',
        subject: 'Fwd: weird invoice',
        text: 'Hi team, I received this and I am not sure it is genuine, can you please have a look?\n\n---------- Forwarded message ---------\nFrom: Billing <billing@invoices-pay.top>\nPlease pay the attached invoice today at https://invoices-pay.top/login',
      }),
    );
    await imap.deliver(
      buildEml({ from: 'Mallory <m@elsewhere.example>', subject: 'Fwd: hello', text: 'Please check this.' }),
    );
    const res = await call('POST', '/api/v1/shield/mailbox/poll');
    expect(res.json().poll).toMatchObject({ fetched: 2, analysed: 2, replied: 1 });
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.to).toEqual(['sam@corp.example']);
    expect(smtp.received[1]!.parsed.subject).toMatch(/^\[Vigie\] (Phishing|Suspicious|No threat)/);
    const queue = (await call('GET', '/api/v1/shield/mailbox/reports')).json().reports;
    expect(queue.map((r: { reply: string }) => r.reply).sort()).toEqual([
      'not_replied',
      'replied',
      'replied',
    ]);
  });

  it('polls on the schedule only when due', async () => {
    // The last poll was just now: a 5-minute interval is not due yet, ten minutes later it is.
    expect(await pollMailboxIfDue(vigie, new Date(), { resolver: noDns })).toBeNull();
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await pollMailboxIfDue(vigie, later, { resolver: noDns })).toMatchObject({ fetched: 0 });
  });

  it('polls on demand from the CLI', async () => {
    await imap.deliver(
      buildEml({ from: 'Sam <sam@corp.example>', subject: 'Fwd: lunch', text: 'Is this real?' }),
    );
    const res = await cli(['email', 'poll', '--format', 'json'], ws.env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).poll).toMatchObject({ fetched: 1, analysed: 1, replied: 1 });
    expect(smtp.received).toHaveLength(3);
  });

  it('takes at most the configured number of messages per poll', async () => {
    await call('PUT', '/api/v1/shield/mailbox/settings', {
      ...settings(),
      imap: { ...settings().imap, moveTo: 'Processed' },
      maxMessagesPerPoll: 2,
    });
    const before = (await imap.flags()).size;
    for (const n of [1, 2, 3])
      await imap.deliver(buildEml({ from: 'sam@corp.example', subject: `Fwd: ${n}`, text: 'Is this real?' }));
    expect((await call('POST', '/api/v1/shield/mailbox/poll')).json().poll).toMatchObject({ fetched: 2 });
    expect((await call('POST', '/api/v1/shield/mailbox/poll')).json().poll).toMatchObject({ fetched: 1 });
    expect(smtp.received).toHaveLength(6);
    // Moved out of the inbox once processed, and flagged seen where they went.
    expect((await imap.flags()).size).toBe(before);
    const moved = [...(await imap.flags('Processed')).values()];
    expect(moved).toHaveLength(3);
    for (const flags of moved) expect(flags).toContain('\\Seen');
  });

  it('still opens passwords and reporters after a key rotation and rewrap', async () => {
    await rotateDataKey(vigie, undefined);
    const { remaining } = await rewrapAll(vigie, undefined);
    expect(remaining).toBe(0);
    expect((await call('POST', '/api/v1/shield/mailbox/test')).json()).toEqual({
      imap: { ok: true },
      smtp: { ok: true },
    });
    const queue = (await call('GET', '/api/v1/shield/mailbox/reports')).json().reports;
    expect(queue.at(-1).reporter).toBe('j•••e@corp.example');
  });

  it('authenticates offline from the workspace’s receiving servers only', async () => {
    const put = await call('PUT', '/api/v1/shield/protection', { authservIds: ['mx.corp.example'] });
    expect(put.statusCode, put.body).toBe(200);
    await call('PUT', '/api/v1/shield/mailbox/settings', { ...settings(), offline: true });
    // The sender wrote a passing header on top; our own server recorded the DMARC failure below it.
    const forged = buildEml({
      from: 'Bank <alerts@bank.example>',
      subject: 'Statement',
      text: 'Your statement is ready.',
      headers: [
        'Authentication-Results: mx.evil.example; spf=pass; dkim=pass; dmarc=pass header.from=bank.example',
        'Authentication-Results: mx.corp.example; spf=fail; dkim=none; dmarc=fail header.from=bank.example',
      ],
    });
    await imap.deliver(
      buildEml({
        from: 'sam@corp.example',
        subject: 'Fwd: statement',
        text: 'Is this real?',
        attachments: [{ filename: 'statement.eml', contentType: 'message/rfc822', content: forged }],
      }),
    );
    expect((await call('POST', '/api/v1/shield/mailbox/poll')).json().poll).toMatchObject({ analysed: 1 });
    const [latest] = (await call('GET', '/api/v1/shield/mailbox/reports')).json().reports;
    const analysis = (await call('GET', `/api/v1/shield/emails/${latest.analysisId}`)).json().analysis;
    expect(analysis.reasons.map((r: { id: string }) => r.id)).toContain('authentication.dmarc-fail');
  });

  it('says clearly when the credentials are wrong', async () => {
    await call('PUT', '/api/v1/shield/mailbox/settings', settings({ imapPassword: 'wrong imap password' }));
    const poll = await call('POST', '/api/v1/shield/mailbox/poll');
    expect(poll.statusCode).toBe(400);
    expect(poll.headers['content-type']).toContain('application/problem+json');
    expect(poll.json().detail).toBe('IMAP: the server refused the user name or password');
    const state = (await call('GET', '/api/v1/shield/mailbox/settings')).json().settings;
    expect(state.lastPoll).toMatchObject({ reason: 'imap-auth' });
    const fromCli = await cli(['email', 'poll'], ws.env);
    expect(fromCli.code).toBe(2);
    expect(fromCli.stderr).toBe('vigie: IMAP: the server refused the user name or password\n');

    await call('PUT', '/api/v1/shield/mailbox/settings', settings({ smtpPassword: 'wrong smtp password' }));
    const test = (await call('POST', '/api/v1/shield/mailbox/test')).json();
    expect(test.imap).toEqual({ ok: true });
    expect(test.smtp).toMatchObject({ ok: false, reason: 'smtp-auth' });
    expect(test.smtp.error).toBe('SMTP: the server refused the user name or password');
  });

  it('keeps passwords and reporters out of the logs and the ledger', async () => {
    const ledger = JSON.stringify(await vigie.db.selectFrom('ledger_entries').selectAll().execute());
    expect(ledger).toContain('shield.mailbox.report');
    const all = logs.join('');
    expect(all.length).toBeGreaterThan(0);
    for (const text of [ledger, all]) {
      for (const secret of [imap.password, smtp.password, 'wrong imap password', 'wrong smtp password'])
        expect(text).not.toContain(secret);
      expect(text).not.toContain('jane.doe@corp.example');
      expect(text).not.toContain('sam@corp.example');
    }
    const reporters = await vigie.db.selectFrom('mailbox_reports').select('reporter_enc').execute();
    for (const r of reporters) expect(r.reporter_enc ?? 'vk1:').toMatch(/^vk\d+:/);
  });

  it('answers only the mailbox’s own domain when no reporter domain is set', async () => {
    await call('PUT', '/api/v1/shield/mailbox/settings', { ...settings(), reporterDomains: [] });
    const before = smtp.received.length;
    await imap.deliver(
      buildEml({ from: 'victim@elsewhere.example', subject: 'Fwd: x', text: 'Is this real?' }),
    );
    await imap.deliver(buildEml({ from: 'sam@corp.example', subject: 'Fwd: y', text: 'Is this real?' }));
    expect((await call('POST', '/api/v1/shield/mailbox/poll')).json().poll).toMatchObject({
      fetched: 2,
      replied: 1,
    });
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([['sam@corp.example']]);
  });

  it('stores but does not answer a reporter who already got the day’s answers', async () => {
    const index = vigie.keyring.blindIndex('sam@corp.example', {
      table: 'mailbox_reports',
      column: 'reporter',
    });
    const already = await vigie.db
      .selectFrom('mailbox_reports')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('reporter_index', '=', index)
      .where('status', '=', 'replied')
      .executeTakeFirstOrThrow();
    const fake = Array.from({ length: REPLIES_PER_REPORTER - Number(already.n) }, (_, i) => ({
      id: `fake-${i}`,
      analysis_id: null,
      account: 'fake',
      folder: 'fake',
      uid_validity: '1',
      uid: i,
      reporter_enc: null,
      reporter_index: index,
      locale: 'en',
      status: 'replied',
      error: null,
      received_at: null,
      created_at: new Date().toISOString(),
    }));
    if (fake.length > 0) await vigie.db.insertInto('mailbox_reports').values(fake).execute();
    const before = smtp.received.length;
    await imap.deliver(buildEml({ from: 'sam@corp.example', subject: 'Fwd: again', text: 'Is this real?' }));
    expect((await call('POST', '/api/v1/shield/mailbox/poll')).json().poll).toMatchObject({
      fetched: 1,
      analysed: 1,
      replied: 0,
      replySkipped: 1,
    });
    expect(smtp.received.length).toBe(before);
    const [latest] = (await call('GET', '/api/v1/shield/mailbox/reports')).json().reports;
    expect(latest).toMatchObject({ reply: 'reply_skipped', reporter: 's•••m@corp.example' });
    expect(latest.analysisId).not.toBeNull();
    await vigie.db.deleteFrom('mailbox_reports').where('folder', '=', 'fake').execute();
  });

  it('keeps each mailbox account’s UIDs apart, so a change of mailbox skips nothing', async () => {
    const last = await vigie.db
      .selectFrom('mailbox_reports')
      .select(['uid_validity', 'uid'])
      .where('folder', '=', 'INBOX')
      .orderBy('uid', 'desc')
      .executeTakeFirstOrThrow();
    // Another account once had a message with the very folder, UIDVALIDITY and UID the next one gets.
    await vigie.db
      .insertInto('mailbox_reports')
      .values({
        id: 'other-account',
        analysis_id: null,
        account: 'another-account',
        folder: 'INBOX',
        uid_validity: last.uid_validity,
        uid: last.uid + 1,
        reporter_enc: null,
        reporter_index: null,
        locale: 'en',
        status: 'replied',
        error: null,
        received_at: null,
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await imap.deliver(
      buildEml({ from: 'kim@corp.example', subject: 'Fwd: new box', text: 'Is this real?' }),
    );
    expect((await call('POST', '/api/v1/shield/mailbox/poll')).json().poll).toMatchObject({
      fetched: 1,
      analysed: 1,
      skipped: 0,
    });
    const ours = await vigie.db
      .selectFrom('mailbox_reports')
      .select('account')
      .where('uid', '=', last.uid + 1)
      .where('id', '!=', 'other-account')
      .executeTakeFirstOrThrow();
    expect(ours.account).toMatch(/^[0-9a-f]{32}$/);
  });
});

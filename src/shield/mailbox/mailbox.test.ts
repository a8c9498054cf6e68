import { describe, expect, it } from 'vitest';
import { buildEml } from '../email/test-eml.js';
import type { EmailAnalysis } from '../email/types.js';
import { imapError } from './imap.js';
import { composeReply, defang } from './reply.js';
import { maskAddress } from './reports.js';
import { smtpError } from './smtp.js';
import { reporterLocale, unwrapReport } from './unwrap.js';

const phish = buildEml({
  from: 'Service <alerts@paypa1-secure.example>',
  subject: 'Your account is on hold',
  text: 'Verify now at https://paypa1-secure.example/login',
});

const analysis = (over: Partial<EmailAnalysis> = {}): EmailAnalysis =>
  ({
    score: 80,
    verdict: 'phishing',
    subject: 'Your account is on hold at paypa1-secure.example',
    from: 'alerts@paypa1-secure.example',
    reasons: [
      {
        id: 'links.text-mismatch',
        group: 'links',
        points: 20,
        where: 'link',
        evidence: 'https://paypa1-secure.example/login',
        message: 'A link shows one address but leads to another: https://paypa1-secure.example/login.',
      },
    ],
    ...over,
  }) as EmailAnalysis;

describe('defang', () => {
  const cases: Array<[string, string]> = [
    ['https://evil.example/login', 'hxxps[:]//evil[.]example/login'],
    ['http://10.0.0.1/a', 'hxxp[:]//10[.]0[.]0[.]1/a'],
    ['write to boss@corp.example', 'write to boss[@]corp[.]example'],
    ['www.evil.example.', 'www[.]evil[.]example.'],
    ['An end of sentence. Next', 'An end of sentence. Next'],
  ];
  it.each(cases)('%s', (input, expected) => expect(defang(input)).toBe(expected));
});

describe('composeReply', () => {
  it('answers in French with the verdict and the reasons, and no live link', () => {
    const mail = composeReply('fr', { analysis: analysis() });
    expect(mail.subject).toContain('Hameçonnage');
    expect(mail.text).toContain('tentative d’hameçonnage');
    expect(mail.text).toContain('Score de risque\u00a0: 80/100');
    for (const body of [mail.text, mail.html]) {
      expect(body).not.toMatch(/https?:\/\//);
      expect(body).not.toContain('paypa1-secure.example');
      expect(body).not.toContain('<a');
    }
    expect(mail.html).toContain('<html lang="fr">');
  });

  it('answers in English and escapes HTML from the analysed mail', () => {
    const mail = composeReply('en', {
      analysis: analysis({
        verdict: 'clean',
        score: 5,
        subject: '<img src=x onerror=alert(1)>',
        reasons: [],
      }),
    });
    expect(mail.subject).toBe('[Vigie] No threat found in the message you reported');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).not.toContain('<img');
    expect(mail.text).not.toContain('Why:');
  });

  it('says why a message could not be analysed', () => {
    const mail = composeReply('fr', { rejected: 'too-large' });
    expect(mail.text).toContain('il dépasse la taille maximale');
  });
});

describe('maskAddress', () => {
  it.each([
    ['jane.doe@corp.example', 'j•••e@corp.example'],
    ['jo@corp.example', 'j•••@corp.example'],
    ['not-an-address', '•••'],
  ])('%s', (input, expected) => expect(maskAddress(input)).toBe(expected));
});

describe('reporterLocale', () => {
  it('prefers Content-Language, then the reporter’s own words, then the default', () => {
    expect(reporterLocale('fr-FR', 'Hello there, please check this message for me.', 'en')).toBe('fr');
    expect(reporterLocale('', 'Bonjour, pouvez-vous vérifier ce message qui me semble bizarre ?', 'en')).toBe(
      'fr',
    );
    expect(reporterLocale('', 'Hi, could you please check this message, it looks odd to me?', 'fr')).toBe(
      'en',
    );
    expect(reporterLocale('', '', 'fr')).toBe('fr');
  });
});

describe('unwrapReport', () => {
  it('analyses the attached original, not the forward', async () => {
    const wrapper = buildEml({
      from: 'Jane <Jane.Doe@corp.example>',
      subject: 'TR: compte',
      text: 'Bonjour, ce message me semble suspect, pouvez-vous vérifier ?',
      attachments: [{ filename: 'x.eml', contentType: 'message/rfc822', content: phish }],
    });
    const report = await unwrapReport(wrapper, 'en');
    expect(report).toMatchObject({ reporter: 'jane.doe@corp.example', locale: 'fr', attached: true });
    expect(report.suspect.toString()).toContain('paypa1-secure.example');
    expect(report.suspect.toString()).not.toContain('Jane');
  });

  it('analyses an inline forward itself, and reads the language before the forwarded part', async () => {
    const wrapper = buildEml({
      from: 'sam@corp.example',
      text: 'Hi, I think this one is fake, could you please check it for me?\n\n-------- Message transféré --------\nDe : Service\nBonjour, votre compte est suspendu, merci de vérifier vos informations.',
    });
    const report = await unwrapReport(wrapper, 'fr');
    expect(report).toMatchObject({ attached: false, locale: 'en', automatic: false });
    expect(report.suspect).toBe(wrapper);
  });

  it('flags automatic messages so they are never answered', async () => {
    const report = await unwrapReport(
      buildEml({ headers: ['Auto-Submitted: auto-replied'], text: 'Out of office' }),
      'en',
    );
    expect(report.automatic).toBe(true);
  });

  it.each([
    ['Precedence: junk'],
    ['Precedence: list'],
    ['X-Autoreply: yes'],
    ['X-Autorespond: vacation'],
    ['Return-Path: <>'],
  ])('treats %s as automatic', async (header) => {
    const report = await unwrapReport(buildEml({ headers: [header], text: 'Away' }), 'en');
    expect(report.automatic).toBe(true);
  });

  it.each(['MAILER-DAEMON@mx.corp.example', 'postmaster@corp.example'])(
    'treats mail from %s as automatic',
    async (from) => {
      expect((await unwrapReport(buildEml({ from, text: 'Undeliverable' }), 'en')).automatic).toBe(true);
    },
  );

  it('treats a delivery report as automatic, and a person’s forward as not', async () => {
    const dsn = Buffer.from(
      [
        'From: Mail System <bounces@corp.example>',
        'To: sam@corp.example',
        'Subject: Undelivered Mail',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--b--',
        '',
      ].join('\r\n'),
    );
    expect((await unwrapReport(dsn, 'en')).automatic).toBe(true);
    const person = buildEml({
      from: 'sam@corp.example',
      returnPath: 'sam@corp.example',
      text: 'Is this real?',
    });
    expect((await unwrapReport(person, 'en')).automatic).toBe(false);
  });
});

describe('connection failures', () => {
  it('never tells a refused port from a silent or unreachable one', () => {
    const said = ['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'ECONNRESET', undefined].map(
      (code) => {
        const [i, s] = [imapError({ code }), smtpError({ code })];
        return `${i.message}|${i.details?.reason}|${s.message}|${s.details?.reason}`;
      },
    );
    expect(new Set(said)).toEqual(
      new Set([
        'IMAP: could not connect to the server|imap-connect|SMTP: could not connect to the server|smtp-connect',
      ]),
    );
  });

  it('says when TLS failed, and when the login was refused', () => {
    expect(imapError({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }).details).toEqual({ reason: 'imap-tls' });
    expect(smtpError({ code: 'ETLS' }).message).toBe('SMTP: the TLS connection failed');
    expect(smtpError({ code: 'EAUTH' }).details).toEqual({ reason: 'smtp-auth' });
    expect(imapError({ authenticationFailed: true }).details).toEqual({ reason: 'imap-auth' });
  });
});

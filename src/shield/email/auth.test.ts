/**
 * Authentication computed by mailauth with a resolver function instead of DNS: a message DKIM-signed in
 * the test with a key generated here, its public key and the SPF and DMARC records served by the resolver.
 */
import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEmail } from './analyse.js';
import { authFromHeader } from './auth.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_B64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

/** TXT records by name; everything else does not exist. */
const ZONE: Record<string, string> = {
  'sender.example': 'v=spf1 ip4:192.0.2.10 -all',
  'sel._domainkey.sender.example': `v=DKIM1; k=rsa; p=${PUBLIC_B64}`,
  '_dmarc.sender.example': 'v=DMARC1; p=reject',
  'attacker.example': 'v=spf1 ip4:192.0.2.10 -all',
  'sel._domainkey.attacker.example': `v=DKIM1; k=rsa; p=${PUBLIC_B64}`,
  '_dmarc.acme.example': 'v=DMARC1; p=reject; adkim=s; aspf=s',
};

async function resolver(name: string, rrtype: string): Promise<unknown> {
  const record = ZONE[name.toLowerCase().replace(/\.$/, '')];
  if (rrtype === 'TXT' && record) return [[record]];
  throw Object.assign(new Error(`${name} ${rrtype} not found`), { code: 'ENOTFOUND' });
}

function message(from: string, envelope: string, body: string): string {
  return [
    `Return-Path: <${envelope}>`,
    'Received: from mail.sender.example (mail.sender.example [192.0.2.10]) by mx.acme.example with ESMTPS id 1; Tue, 14 Oct 2025 08:00:00 +0000',
    `From: ${from}`,
    'To: camille@acme.example',
    'Subject: Quarterly report',
    'Date: Tue, 14 Oct 2025 08:00:00 +0000',
    'Message-ID: <1@sender.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

async function signed(raw: string, domain: string): Promise<string> {
  const key = {
    signingDomain: domain,
    selector: 'sel',
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const { signatures } = await dkimSign(raw, { ...key, signatureData: [key] });
  // Guard the fixture itself: an empty signature would make the DKIM cases meaningless.
  if (!signatures.includes('DKIM-Signature')) throw new Error('the test message could not be signed');
  return signatures + raw;
}

describe('authentication with a resolver', () => {
  let good: string;
  beforeAll(async () => {
    good = await signed(
      message('Alice <alice@sender.example>', 'bounce@sender.example', 'Hello, the report is ready.'),
      'sender.example',
    );
  });

  it('passes SPF, DKIM and DMARC for an aligned, signed message', async () => {
    const r = await analyseEmail(Buffer.from(good), { resolver });
    expect(r.auth).toMatchObject({ source: 'resolver', spf: 'pass', dkim: 'pass', dmarc: 'pass' });
    expect(r.reasons.filter((x) => x.group === 'authentication')).toEqual([]);
    expect(r.verdict).toBe('clean');
  });

  it('fails DKIM when the body was changed after signing', async () => {
    const tampered = good.replace('the report is ready', 'pay the new account');
    const r = await analyseEmail(Buffer.from(tampered), { resolver });
    expect(r.auth.dkim).toBe('fail');
    expect(r.reasons.map((x) => x.id)).toContain('authentication.dkim-fail');
  });

  it('fails DMARC when the From domain is not the one that signed or sent (spoofing)', async () => {
    const spoof = await signed(
      message('CEO <ceo@acme.example>', 'x@attacker.example', 'Please pay today.'),
      'attacker.example',
    );
    const r = await analyseEmail(Buffer.from(spoof), { resolver, locale: 'fr' });
    expect(r.auth.dmarc).toBe('fail');
    const reason = r.reasons.find((x) => x.id === 'authentication.dmarc-fail');
    expect(reason?.where).toBe('Authentication-Results');
    expect(reason?.evidence).toContain('acme.example');
    expect(reason?.message).toMatch(/usurpé/);
  });
});

describe('authentication offline, from the receiving server’s header', () => {
  it.each([
    [
      'mx.example; spf=pass smtp.mailfrom=a.example; dkim=pass header.d=a.example; dmarc=pass header.from=a.example',
      { spf: 'pass', dkim: 'pass', dmarc: 'pass' },
    ],
    [
      'spf=fail (sender IP is 198.51.100.1) smtp.mailfrom=a.example; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=a.example;compauth=fail reason=000',
      { spf: 'fail', dkim: 'none', dmarc: 'fail', compauth: 'fail' },
    ],
    ['mx.example; spf=softfail smtp.mailfrom=a.example', { spf: 'softfail', dkim: 'none', dmarc: 'none' }],
  ])('%s', (header, expected) => {
    expect(authFromHeader([header], 'a.example')).toMatchObject({ source: 'header', ...expected });
  });

  it('falls back to Received-SPF when there is no Authentication-Results', () => {
    expect(
      authFromHeader([], 'a.example', [
        'Fail (mx.example: domain of a.example does not designate 198.51.100.1)',
      ]),
    ).toMatchObject({
      source: 'header',
      spf: 'fail',
      dmarc: 'none',
    });
  });

  it('reports no source when the header is absent', () => {
    expect(authFromHeader([], 'a.example').source).toBe('none');
  });
});

import { describe, expect, it } from 'vitest';
import { analyseEmail } from './analyse.js';
import { authFromHeader, authservIdOf, resinfoParts } from './auth.js';
import { buildEml } from './test-eml.js';

/**
 * Offline trust in Authentication-Results (RFC 8601 section 5): a sender can write any such header
 * before the mail reaches us, so with a configured list only the topmost header of one of the
 * workspace's receiving servers counts.
 */
const OURS = 'mx.corp.example';
const forgedPass =
  'mx.evil.example; spf=pass smtp.mailfrom=bank.example; dkim=pass; dmarc=pass header.from=bank.example';
const oursFail = `${OURS}; spf=fail smtp.mailfrom=bank.example; dkim=none; dmarc=fail header.from=bank.example`;
const oursPassOlder = `${OURS} 1; spf=pass; dkim=pass; dmarc=pass header.from=bank.example`;

describe('authservIdOf', () => {
  it.each([
    [`${OURS}; spf=pass`, OURS],
    ['MX.Corp.Example 1; dkim=pass', OURS],
    ['  mx.corp.example\r\n ; spf=none', OURS],
    ['spf=pass smtp.mailfrom=a.example', 'spf=pass'],
    ['', ''],
  ])('%j', (header, id) => expect(authservIdOf(header)).toBe(id));
});

describe('authentication offline with trusted receiving servers', () => {
  it('without a list, trusts the topmost header as before', () => {
    expect(authFromHeader([forgedPass, oursFail], 'bank.example')).toMatchObject({ dmarc: 'pass' });
  });

  it('skips headers other servers wrote, whatever their place', () => {
    expect(authFromHeader([forgedPass, oursFail], 'bank.example', [], [OURS])).toMatchObject({
      source: 'header',
      dmarc: 'fail',
      spf: 'fail',
    });
  });

  it('takes the topmost of our own headers', () => {
    expect(authFromHeader([oursFail, oursPassOlder], 'bank.example', [], [OURS]).dmarc).toBe('fail');
    expect(authFromHeader([oursPassOlder, oursFail], 'bank.example', [], [OURS]).dmarc).toBe('pass');
  });

  it('trusts nothing when none of our servers wrote a header, not even Received-SPF', () => {
    expect(
      authFromHeader(
        [forgedPass],
        'bank.example',
        ['Pass (mx.evil.example: designates 203.0.113.9)'],
        [OURS],
      ),
    ).toMatchObject({ source: 'none', spf: 'none', dmarc: 'none', dkim: 'none' });
  });

  it('keeps a forged pass from hiding a DMARC failure in a full analysis', async () => {
    const raw = buildEml({
      from: 'Bank <alerts@bank.example>',
      subject: 'Statement',
      text: 'Your statement is ready.',
      // The forged header is on top; only the configured list tells the two apart.
      headers: [`Authentication-Results: ${forgedPass}`, `Authentication-Results: ${oursFail}`],
    });
    const trusting = await analyseEmail(raw, { offline: true });
    expect(trusting.auth.dmarc).toBe('pass');
    const strict = await analyseEmail(raw, {
      offline: true,
      protection: { brands: [], vips: [], authservIds: [OURS] },
    });
    expect(strict.auth.dmarc).toBe('fail');
    expect(strict.reasons.map((r) => r.id)).toContain('authentication.dmarc-fail');
  });
});

describe('Authentication-Results parsing reads methods only at the start of each resinfo', () => {
  // Our own server's header: the envelope sender the attacker chose is copied into a comment and a property.
  const ours =
    'mx.corp.example; spf=fail (mx.corp.example: domain of dmarc=pass@evil.example does not designate 198.51.100.7 as permitted sender) smtp.mailfrom=dmarc=pass@evil.example; dkim=none (message not signed) header.d=none; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=bank.example';

  it('is not fooled by dmarc=pass inside a comment or a property value', () => {
    expect(authFromHeader([ours], 'bank.example', [], [OURS])).toMatchObject({
      spf: 'fail',
      dkim: 'none',
      dmarc: 'fail',
    });
  });

  it('does not read a method from a comment or a quoted string when the real one is absent', () => {
    const noDmarc =
      'mx.corp.example; spf=fail (dmarc=pass; dkim=pass) smtp.mailfrom="x;dmarc=pass"; dkim=none';
    expect(authFromHeader([noDmarc], 'bank.example', [], [OURS])).toMatchObject({
      spf: 'fail',
      dkim: 'none',
      dmarc: 'none',
    });
  });

  it('handles nested and unbalanced comments in linear time', () => {
    expect(resinfoParts('a; spf=pass (x (y) z; dmarc=pass) p=1; dkim=fail')).toEqual([
      'a',
      'spf=pass   p=1',
      'dkim=fail',
    ]);
    const hostile = `mx.corp.example; dmarc=fail ${'('.repeat(50_000)}; dmarc=pass`;
    const started = Date.now();
    expect(authFromHeader([hostile], 'bank.example', [], [OURS]).dmarc).toBe('fail');
    expect(Date.now() - started).toBeLessThan(500);
  });
});

import { describe, expect, it } from 'vitest';
import { analyseEmail } from './analyse.js';
import { authFromHeader, authservIdOf } from './auth.js';
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

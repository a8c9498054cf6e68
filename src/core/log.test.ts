import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPath } from './log.js';

describe('logger', () => {
  it('redacts passwords, secrets, tokens and credentials wherever they appear', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => {
      text += c.toString();
    });
    const log = createLogger('info', out);
    log.info(
      {
        password: 'hunter2-password',
        body: { password: 'nested-password', token: 'vgt_secret_token' },
        req: { headers: { authorization: 'Bearer vgt_abc', cookie: 'vigie_session=xyz' } },
      },
      'hello',
    );
    expect(text).toContain('hello');
    for (const secret of [
      'hunter2-password',
      'nested-password',
      'vgt_secret_token',
      'vgt_abc',
      'vigie_session=xyz',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('logs request paths without the query string or segments that look like personal data', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => {
      text += c.toString();
    });
    createLogger('info', out).info(
      { req: { method: 'GET', url: `/api/v1/customers/jean%40example.com/x/${'y'.repeat(80)}?q=secret` } },
      'incoming request',
    );
    expect(JSON.parse(text).req).toMatchObject({ method: 'GET', url: '/api/v1/customers/…/x/…' });
    expect(text).not.toContain('secret');
  });

  it('masks e-mails and phone numbers however they are encoded, and keeps ordinary ids', () => {
    for (const segment of [
      'jean.dupont%2540example.com',
      'jean.dupont%EF%BC%A0example.com',
      '%2B33612345678',
      '06%2012%2034%2056%2078',
    ])
      expect(maskPath(`/api/v1/customers/${segment}`), segment).toBe('/api/v1/customers/…');
    // A UUID may hold six digits in a row once its dashes are gone: still not a phone number.
    expect(maskPath('/api/v1/segments/12345678-5b7d-4e21-9c3a-1b2c3d4e5f60')).toBe(
      '/api/v1/segments/12345678-5b7d-4e21-9c3a-1b2c3d4e5f60',
    );
  });
});

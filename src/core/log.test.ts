import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';

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
});

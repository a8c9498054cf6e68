import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { engines, openTestVigie } from '../../../test/support/vigie.js';
import { createUser, findUserByEmail, listUsers } from '../access/users.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { openVigie, type Vigie } from '../workspace.js';
import { rewrapAll, rotateDataKey } from './rotation.js';

const PASSWORD = 'correct horse battery staple';

describe.each(engines)('vault on %s', (engine) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function open(): Promise<{ vigie: Vigie; env: Record<string, string> }> {
    const t = await openTestVigie(engine);
    close = t.close;
    return { vigie: t.vigie, env: t.ws.env };
  }

  it('seals fields with associated data and reads them back', async () => {
    const { vigie } = await open();
    const ctx = { table: 'users', column: 'email', row: 'r1' };
    const sealed = vigie.keyring.seal('ada@example.com', ctx);
    expect(sealed).toMatch(/^vk1:/);
    expect(sealed).not.toContain('ada');
    expect(await vigie.keyring.open(sealed, ctx)).toBe('ada@example.com');
  });

  it('refuses a flipped ciphertext bit with a clear error', async () => {
    const { vigie } = await open();
    const ctx = { table: 'users', column: 'email', row: 'r1' };
    const sealed = vigie.keyring.seal('ada@example.com', ctx);
    const body = Buffer.from(sealed.slice(4), 'base64');
    body[14]! ^= 0x01;
    const tampered = `vk1:${body.toString('base64')}`;
    await expect(vigie.keyring.open(tampered, ctx)).rejects.toThrow(/cannot decrypt users.email of row r1/);
    await expect(vigie.keyring.open(tampered, ctx)).rejects.toMatchObject({ code: 'DECRYPT_FAILED' });
  });

  it('refuses a ciphertext moved to another row or column', async () => {
    const { vigie } = await open();
    const sealed = vigie.keyring.seal('ada@example.com', { table: 'users', column: 'email', row: 'r1' });
    await expect(
      vigie.keyring.open(sealed, { table: 'users', column: 'email', row: 'r2' }),
    ).rejects.toMatchObject({
      code: 'DECRYPT_FAILED',
    });
    await expect(
      vigie.keyring.open(sealed, { table: 'users', column: 'display_name', row: 'r1' }),
    ).rejects.toThrow(/moved from another row/);
  });

  it('refuses a wrong master key with a clear error', async () => {
    const { vigie, env } = await open();
    await vigie.close();
    const wrong = loadConfig({ ...env, VIGIE_MASTER_KEY: randomBytes(32).toString('base64') });
    const err = await openVigie(wrong).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('MASTER_KEY_MISMATCH');
    expect((err as AppError).message).toMatch(/master key does not match/);
    // Reopen with the right key so the afterEach can close cleanly.
    const right = await openVigie(loadConfig(env));
    await right.close();
  });

  it('reads data written under three key versions after rotation and rewrap', async () => {
    const { vigie } = await open();
    await createUser(vigie, undefined, {
      username: 'v1user',
      password: PASSWORD,
      role: 'editor',
      email: 'one@example.com',
    });
    expect(await rotateDataKey(vigie, undefined)).toBe(2);
    await createUser(vigie, undefined, {
      username: 'v2user',
      password: PASSWORD,
      role: 'editor',
      email: 'two@example.com',
    });
    expect(await rotateDataKey(vigie, undefined)).toBe(3);
    await createUser(vigie, undefined, {
      username: 'v3user',
      password: PASSWORD,
      role: 'editor',
      email: 'three@example.com',
    });

    const rows = await vigie.db
      .selectFrom('users')
      .select(['username', 'email_enc'])
      .orderBy('username')
      .execute();
    expect(rows.map((r) => r.email_enc?.slice(0, 4))).toEqual(['vk1:', 'vk2:', 'vk3:']);
    expect((await listUsers(vigie)).map((u) => u.email)).toEqual([
      'one@example.com',
      'two@example.com',
      'three@example.com',
    ]);

    // An interrupted rewrap (one row) loses nothing; the next run finishes the job.
    const partial = await rewrapAll(vigie, undefined, { batchSize: 1, maxRows: 1 });
    expect(partial.rewrapped).toBe(1);
    expect(partial.remaining).toBe(1);
    expect((await listUsers(vigie)).map((u) => u.email)).toEqual([
      'one@example.com',
      'two@example.com',
      'three@example.com',
    ]);
    const rest = await rewrapAll(vigie, undefined);
    expect(rest.remaining).toBe(0);
    const after = await vigie.db.selectFrom('users').select('email_enc').execute();
    expect(after.every((r) => r.email_enc?.startsWith('vk3:'))).toBe(true);
    expect((await listUsers(vigie)).map((u) => u.email)).toEqual([
      'one@example.com',
      'two@example.com',
      'three@example.com',
    ]);
    // The blind index still finds users after rotation.
    expect((await findUserByEmail(vigie, 'TWO@example.com'))?.username).toBe('v2user');
    const actions = await vigie.db.selectFrom('ledger_entries').select('action').execute();
    expect(actions.filter((a) => a.action === 'keys.rotate')).toHaveLength(2);
  });
});

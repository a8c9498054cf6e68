import { afterEach, describe, expect, it } from 'vitest';
import { engines, openTestVigie } from '../../../test/support/vigie.js';
import { createUser, updateUser } from './users.js';

describe.each(engines)('users on %s', (engine) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('keeps one active administrator when two are demoted at the same time', async () => {
    const t = await openTestVigie(engine);
    close = t.close;
    const password = 'correct horse battery staple 42';
    const a = await createUser(t.vigie, undefined, { username: 'ada', password, role: 'admin' });
    const b = await createUser(t.vigie, undefined, { username: 'bob', password, role: 'admin' });
    const results = await Promise.allSettled([
      updateUser(t.vigie, undefined, a.id, { role: 'editor' }),
      updateUser(t.vigie, undefined, b.id, { role: 'editor' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const admins = (await t.vigie.db.selectFrom('users').select('id').where('role', '=', 'admin').execute())
      .length;
    expect(admins).toBe(1);
  });
});

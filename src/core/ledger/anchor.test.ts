import { afterEach, describe, expect, it } from 'vitest';
import { engines, openTestVigie } from '../../../test/support/vigie.js';
import type { Vigie } from '../workspace.js';
import { type Anchor, anchorSchema } from './anchor.js';
import { verifyLedger } from './audit.js';

async function fill(vigie: Vigie, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await vigie.ledger.record({ actor: 'cli', action: 'test.write', details: { i } });
}

describe.each(engines)('ledger anchors on %s', (engine) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
  async function anchoredAt(size: number): Promise<{ vigie: Vigie; anchor: Anchor }> {
    const t = await openTestVigie(engine);
    close = t.close;
    await fill(t.vigie, size - (await t.vigie.ledger.size()));
    // What an auditor saved: the JSON of `vigie audit head --format json`.
    const printed = JSON.parse(JSON.stringify({ ...(await t.vigie.ledger.head()), publicKey: 'ignored' }));
    return { vigie: t.vigie, anchor: anchorSchema.parse(printed) };
  }

  it('holds while the ledger grows from the anchored head', async () => {
    const { vigie, anchor } = await anchoredAt(8);
    await fill(vigie, 5);
    const result = await verifyLedger(vigie, { anchor });
    expect(result.ok).toBe(true);
    expect(result.anchor).toEqual({ ok: true, treeSize: 8, issuedAt: anchor.issuedAt, reason: null });
  });

  it('catches a ledger rolled back below the anchor, which verification alone cannot see', async () => {
    const { vigie, anchor } = await anchoredAt(8);
    // Back to an earlier genuine state: the last three entries, their heads and nodes gone.
    await vigie.db.deleteFrom('ledger_entries').where('seq', '>=', 5).execute();
    await vigie.db.deleteFrom('ledger_heads').where('tree_size', '>', 5).execute();
    await vigie.db.updateTable('ledger_state').set({ tree_size: 5 }).where('id', '=', 1).execute();
    const result = await verifyLedger(vigie, { anchor });
    expect(result.ok).toBe(false);
    expect(result.anchor?.reason).toMatch(/holds 5 entries, fewer than the 8 .* rolled back or wiped/);
  });

  it('catches a ledger rewritten under the anchored size', async () => {
    const { vigie, anchor } = await anchoredAt(8);
    // History rewritten with its tree recomputed: the node covering entries 0..7 changes.
    await vigie.db
      .updateTable('ledger_nodes')
      .set({ hash: Buffer.alloc(32, 7) })
      .where('level', '=', 3)
      .where('idx', '=', 0)
      .execute();
    const result = await verifyLedger(vigie, { anchor });
    expect(result.ok).toBe(false);
    expect(result.anchor?.reason).toMatch(/first 8 entries no longer match .* rewritten/);
  });

  it('refuses an anchor this workspace did not sign', async () => {
    const { vigie, anchor } = await anchoredAt(4);
    const forged = { ...anchor, rootHash: 'ab'.repeat(32) };
    expect((await verifyLedger(vigie, { anchor: forged })).anchor?.reason).toMatch(/signature is invalid/);
    const stranger = { ...anchor, keyId: 'someone-else' };
    expect((await verifyLedger(vigie, { anchor: stranger })).anchor?.reason).toMatch(/does not hold/);
  });
});

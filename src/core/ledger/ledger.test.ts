import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { engines, openTestVigie } from '../../../test/support/vigie.js';
import { publicKeyFromRaw } from '../crypto/keyring.js';
import type { Vigie } from '../workspace.js';
import { exportLines, verifyExportLines } from './export.js';
import { verifyConsistency, verifyInclusion } from './merkle.js';
import { verifyStoredLedger } from './verify.js';

function keys(vigie: Vigie) {
  const { keyId, publicKey } = vigie.keyring.signingPublicKey;
  return new Map([[keyId, publicKeyFromRaw(Buffer.from(publicKey, 'base64'))]]);
}

async function fill(vigie: Vigie, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await vigie.ledger.record({ actor: 'user:u1', action: 'test.write', target: `doc:${i}`, details: { i } });
  }
}

describe.each(engines)('ledger on %s', (engine) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
  async function open(): Promise<Vigie> {
    const t = await openTestVigie(engine);
    close = t.close;
    return t.vigie;
  }

  it('appends entries with signed heads and serves proofs that verify', async () => {
    const vigie = await open();
    await fill(vigie, 9);
    await vigie.ledger.record([
      { actor: 'cli', action: 'test.batch', details: { n: 1 } },
      { actor: 'cli', action: 'test.batch', details: { n: 2 } },
    ]);
    const head = await vigie.ledger.head();
    expect(head.treeSize).toBe(11);
    for (let seq = 0; seq < 11; seq++) {
      const p = await vigie.ledger.inclusionProof(seq);
      verifyInclusion(
        seq,
        p.treeSize,
        Buffer.from(p.leafHash, 'hex'),
        p.proof.map((h) => Buffer.from(h, 'hex')),
        Buffer.from(head.rootHash, 'hex'),
      );
    }
    for (let from = 1; from <= 11; from++) {
      const c = await vigie.ledger.consistencyProof(from, 11);
      const old = await vigie.ledger.rootAt(from);
      verifyConsistency(
        from,
        11,
        c.proof.map((h) => Buffer.from(h, 'hex')),
        old,
        Buffer.from(head.rootHash, 'hex'),
      );
    }
    const res = await verifyStoredLedger(vigie.db, keys(vigie));
    expect(res).toMatchObject({ ok: true, treeSize: 11, entriesChecked: 11, firstBad: null });
    expect(res.headsChecked).toBe(10);
  });

  it('appends concurrently without forking the tree', async () => {
    const vigie = await open();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        vigie.ledger.record({ actor: 'system', action: 'test.parallel', details: { i } }),
      ),
    );
    const res = await verifyStoredLedger(vigie.db, keys(vigie));
    expect(res.ok).toBe(true);
    expect(res.treeSize).toBe(20);
  });

  it('rolls the entry back with the action it records', async () => {
    const vigie = await open();
    await fill(vigie, 2);
    await expect(
      vigie.db.transaction().execute(async (tx) => {
        await vigie.ledger.append(tx, [{ actor: 'cli', action: 'test.doomed' }]);
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await vigie.ledger.size()).toBe(2);
    expect((await verifyStoredLedger(vigie.db, keys(vigie))).ok).toBe(true);
  });

  const tamperings: Array<[string, (v: Vigie) => Promise<void>, number, RegExp]> = [
    [
      'an edited row',
      async (v) => {
        await v.db
          .updateTable('ledger_entries')
          .set({ actor: 'user:someone-else' })
          .where('seq', '=', 3)
          .execute();
      },
      3,
      /modified/,
    ],
    [
      'a deleted row',
      async (v) => void (await v.db.deleteFrom('ledger_entries').where('seq', '=', 4).execute()),
      4,
      /missing/,
    ],
    [
      'a deleted last row',
      async (v) => void (await v.db.deleteFrom('ledger_entries').where('seq', '=', 7).execute()),
      7,
      /missing/,
    ],
    [
      'an inserted row',
      async (v) => {
        await v.db
          .insertInto('ledger_entries')
          .values({
            seq: 8,
            at: new Date().toISOString(),
            actor: 'cli',
            action: 'fake',
            target: '',
            details: '{}',
          })
          .execute();
      },
      8,
      /inserted/,
    ],
    [
      'reordered rows',
      async (v) => {
        const a = await v.db
          .selectFrom('ledger_entries')
          .selectAll()
          .where('seq', '=', 1)
          .executeTakeFirstOrThrow();
        const b = await v.db
          .selectFrom('ledger_entries')
          .selectAll()
          .where('seq', '=', 2)
          .executeTakeFirstOrThrow();
        await v.db
          .updateTable('ledger_entries')
          .set({ target: b.target, details: b.details })
          .where('seq', '=', 1)
          .execute();
        await v.db
          .updateTable('ledger_entries')
          .set({ target: a.target, details: a.details })
          .where('seq', '=', 2)
          .execute();
      },
      1,
      /modified/,
    ],
    [
      'an edited row whose leaf hash was recomputed too',
      async (v) => {
        const { entryLeafHash } = await import('./entry.js');
        const row = await v.db
          .selectFrom('ledger_entries')
          .selectAll()
          .where('seq', '=', 5)
          .executeTakeFirstOrThrow();
        const forged = { ...row, seq: 5, details: JSON.parse(row.details), action: 'test.innocent' };
        await v.db
          .updateTable('ledger_entries')
          .set({ action: 'test.innocent' })
          .where('seq', '=', 5)
          .execute();
        await v.db
          .updateTable('ledger_nodes')
          .set({ hash: entryLeafHash(forged) })
          .where('level', '=', 0)
          .where('idx', '=', 5)
          .execute();
      },
      5,
      /tree node|signed head/,
    ],
    [
      'a stored head that does not match',
      async (v) => {
        await v.db
          .updateTable('ledger_heads')
          .set({ root_hash: Buffer.alloc(32, 7) })
          .where('tree_size', '=', 6)
          .execute();
      },
      5,
      /signature|signed head/,
    ],
  ];

  it.each(tamperings)('names the first bad entry after %s', async (_name, tamper, seq, reason) => {
    const vigie = await open();
    await fill(vigie, 8);
    expect((await verifyStoredLedger(vigie.db, keys(vigie))).ok).toBe(true);
    await tamper(vigie);
    const res = await verifyStoredLedger(vigie.db, keys(vigie));
    expect(res.ok).toBe(false);
    expect(res.firstBad?.seq).toBe(seq);
    expect(res.firstBad?.reason).toMatch(reason);
  });

  it('detects a rewrite whose signed heads were deleted, and refuses to sign on top of it', async () => {
    const vigie = await open();
    await fill(vigie, 6);
    await vigie.db.updateTable('ledger_entries').set({ actor: 'user:forged' }).where('seq', '=', 2).execute();
    // Recompute every stored hash from the forged rows, as an attacker with database access could.
    const { entryLeafHash } = await import('./entry.js');
    const { rowToEntry } = await import('./ledger.js');
    const { hashChildren } = await import('./merkle.js');
    const rows = await vigie.db.selectFrom('ledger_entries').selectAll().orderBy('seq').execute();
    await vigie.db.deleteFrom('ledger_nodes').execute();
    const frontier: { level: number; hash: Buffer }[] = [];
    for (const row of rows) {
      const seq = Number(row.seq);
      let node = { level: 0, hash: entryLeafHash(rowToEntry(row)) };
      await vigie.db.insertInto('ledger_nodes').values({ level: 0, idx: seq, hash: node.hash }).execute();
      while (frontier.length && frontier[frontier.length - 1]!.level === node.level) {
        const left = frontier.pop()!;
        node = { level: node.level + 1, hash: hashChildren(left.hash, node.hash) };
        await vigie.db
          .insertInto('ledger_nodes')
          .values({ level: node.level, idx: Math.floor(seq / 2 ** node.level), hash: node.hash })
          .execute();
      }
      frontier.push(node);
    }
    await vigie.db
      .updateTable('ledger_state')
      .set({ frontier: Buffer.concat(frontier.map((f) => f.hash)) })
      .where('id', '=', 1)
      .execute();
    await vigie.db.deleteFrom('ledger_heads').execute();
    const res = await verifyStoredLedger(vigie.db, keys(vigie));
    expect(res.ok).toBe(false);
    expect(res.firstBad?.reason).toMatch(/no signed head/);
    await expect(vigie.ledger.record({ actor: 'cli', action: 'test.launder' })).rejects.toMatchObject({
      code: 'INTEGRITY',
    });
  });

  it('exports JSON lines that verify offline and detect a modified byte', async () => {
    const vigie = await open();
    await fill(vigie, 5);
    const head = await vigie.ledger.head();
    const lines: string[] = [];
    for await (const l of exportLines(vigie.db, head, vigie.keyring.signingPublicKey.publicKey))
      lines.push(l);
    expect(lines).toHaveLength(10);
    const asStream = (ls: string[]) => createInterface({ input: Readable.from(ls.join('\n')) });
    expect(await verifyExportLines(asStream(lines))).toMatchObject({ ok: true, treeSize: 5 });
    const bad = [...lines];
    const at = bad.findIndex((l) => l.includes('doc:2'));
    bad[at] = bad[at]!.replace('doc:2', 'doc:9');
    expect((await verifyExportLines(asStream(bad))).firstBad?.seq).toBe(2);
    expect((await verifyExportLines(asStream(lines), 'AAAA')).ok).toBe(false);
    expect((await verifyExportLines(asStream(lines.slice(0, 4)))).ok).toBe(false);
  });

  it('keeps proof generation independent of the ledger size', async () => {
    const vigie = await open();
    await vigie.ledger.record(
      Array.from({ length: 3000 }, (_, i) => ({ actor: 'system', action: 'bulk', details: { i } })),
    );
    const count = await sql<{ n: number }>`select count(*) as n from ledger_nodes`.execute(vigie.db);
    expect(Number(count.rows[0]!.n)).toBeLessThan(6000);
    const p = await vigie.ledger.inclusionProof(1234);
    expect(p.proof.length).toBeLessThanOrEqual(12);
  });
});

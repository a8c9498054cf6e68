import { type KeyObject, verify as verifySignature } from 'node:crypto';
import type { Executor } from '../db/index.js';
import { entryLeafHash, headMessage, type LedgerEntry, type SignedHead } from './entry.js';
import { headFromRow, rowToEntry } from './ledger.js';
import { hashChildren, hashFromNodes } from './merkle.js';

export interface BadEntry {
  seq: number;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  treeSize: number;
  entriesChecked: number;
  headsChecked: number;
  firstBad: BadEntry | null;
}

/**
 * Recomputes the tree from entry contents, one entry at a time, keeping only the frontier. Used on the
 * database and on offline exports alike. Stops at the first problem, which it names.
 */
export class TreeRebuilder {
  private frontier: { level: number; hash: Buffer }[] = [];
  size = 0;
  lastGoodHead = 0;
  /**
   * The first internal node that did not match. Not fatal at once: the next signed head usually names
   * the bad entry more precisely, so the caller reports this only if no head does.
   */
  nodeMismatch: BadEntry | undefined;

  /** Adds an entry; `stored` gives the stored node hashes to compare against, when there are any. */
  add(entry: LedgerEntry, stored?: (level: number, idx: number) => Buffer | undefined): BadEntry | undefined {
    if (entry.seq !== this.size) {
      return entry.seq > this.size
        ? {
            seq: this.size,
            reason: `entry ${this.size} is missing: it was deleted or the sequence was renumbered`,
          }
        : { seq: entry.seq, reason: `entry ${entry.seq} appears twice or out of order` };
    }
    const seq = this.size;
    let node = { level: 0, hash: entryLeafHash(entry) };
    const check = (level: number, idx: number, hash: Buffer): BadEntry | undefined => {
      if (!stored) return undefined;
      const s = stored(level, idx);
      if (!s)
        return {
          seq,
          reason: `the recorded hash of ${level === 0 ? `entry ${seq}` : `tree node ${level}/${idx}`} is missing`,
        };
      if (!s.equals(hash)) {
        return level === 0
          ? {
              seq,
              reason: `entry ${seq} does not match its recorded hash: it was modified after it was recorded`,
            }
          : {
              seq: idx * 2 ** level,
              reason: `tree node ${level}/${idx} does not match the entries it covers`,
            };
      }
      return undefined;
    };
    const bad = check(0, seq, node.hash);
    if (bad) return bad;
    while (this.frontier.length > 0 && this.frontier[this.frontier.length - 1]!.level === node.level) {
      const left = this.frontier.pop()!;
      node = { level: node.level + 1, hash: hashChildren(left.hash, node.hash) };
      this.nodeMismatch ??= check(node.level, Math.floor(seq / 2 ** node.level), node.hash);
    }
    this.frontier.push(node);
    this.size++;
    return undefined;
  }

  frontierHashes(): Buffer[] {
    return this.frontier.map((n) => n.hash);
  }

  root(): Buffer {
    return hashFromNodes(this.frontierHashes());
  }

  /** Checks a signed head whose size equals the entries added so far. */
  checkHead(head: SignedHead, publicKey: KeyObject | undefined): BadEntry | undefined {
    const firstOfBatch = this.lastGoodHead;
    if (!publicKey)
      return {
        seq: firstOfBatch,
        reason: `the head at size ${head.treeSize} is signed by unknown key ${head.keyId}`,
      };
    const signed = verifySignature(null, headMessage(head), publicKey, Buffer.from(head.signature, 'base64'));
    if (!signed)
      return { seq: firstOfBatch, reason: `the signature of the head at size ${head.treeSize} is invalid` };
    if (this.root().toString('hex') !== head.rootHash) {
      return {
        seq: firstOfBatch,
        reason: `the entries ${firstOfBatch}..${head.treeSize - 1} do not match the signed head at size ${head.treeSize}: they were altered together with their hashes`,
      };
    }
    this.lastGoodHead = head.treeSize;
    return this.nodeMismatch;
  }
}

const PAGE = 2000;

/** Full verification of the ledger stored in the database. */
export async function verifyStoredLedger(
  db: Executor,
  publicKeys: Map<string, KeyObject>,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  const state = await db.selectFrom('ledger_state').selectAll().where('id', '=', 1).executeTakeFirst();
  const stateSize = state ? Number(state.tree_size) : 0;
  const rebuilder = new TreeRebuilder();
  let headsChecked = 0;
  const result = (firstBad: BadEntry | null): VerifyResult => ({
    ok: firstBad === null,
    treeSize: stateSize,
    entriesChecked: rebuilder.size,
    headsChecked,
    firstBad,
  });

  let pendingHeads = await loadHeads(db, -1, stateSize);
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('seq', '>', after)
      // Bounded to the state read first: entries a live server appends meanwhile are checked below.
      .where('seq', '<', stateSize)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    const first = Number(rows[0]!.seq);
    const last = Number(rows[rows.length - 1]!.seq);
    const nodes = await loadNodes(db, Math.min(first, rebuilder.size), last + 1);
    for (const row of rows) {
      let entry: LedgerEntry;
      try {
        entry = rowToEntry(row);
      } catch {
        return result({
          seq: Number(row.seq),
          reason: `entry ${row.seq} is not valid JSON: it was modified`,
        });
      }
      if (entry.seq >= stateSize) {
        return result({
          seq: entry.seq,
          reason: `entry ${entry.seq} is not covered by the tree: it was inserted`,
        });
      }
      const bad = rebuilder.add(entry, (level, idx) => nodes.get(`${level}/${idx}`));
      if (bad) return result(bad);
      while (pendingHeads.length > 0 && pendingHeads[0]!.treeSize <= rebuilder.size) {
        const head = pendingHeads.shift()!;
        if (head.treeSize < rebuilder.size) continue;
        const badHead = rebuilder.checkHead(head, publicKeys.get(head.keyId));
        headsChecked++;
        if (badHead) return result(badHead);
        if (pendingHeads.length === 0) pendingHeads = await loadHeads(db, head.treeSize, stateSize);
      }
    }
    after = last;
    onProgress?.(rebuilder.size, stateSize);
  }
  if (rebuilder.nodeMismatch) return result(rebuilder.nodeMismatch);
  if (rebuilder.size < stateSize) {
    return result({ seq: rebuilder.size, reason: `entry ${rebuilder.size} is missing: it was deleted` });
  }
  if (pendingHeads.length > 0) {
    return result({
      seq: rebuilder.size,
      reason: `a signed head claims ${pendingHeads[0]!.treeSize} entries, but only ${rebuilder.size} exist`,
    });
  }
  if (state && !Buffer.concat(rebuilder.frontierHashes()).equals(state.frontier)) {
    return result({
      seq: Math.max(0, stateSize - 1),
      reason: 'the stored tree state does not match the entries',
    });
  }
  // Every entry must be covered by a signed head: deleting heads must not hide a rewrite.
  if (stateSize > 0 && rebuilder.lastGoodHead !== stateSize) {
    return result({
      seq: rebuilder.lastGoodHead,
      reason: `the entries ${rebuilder.lastGoodHead}..${stateSize - 1} are covered by no signed head`,
    });
  }
  // Rows beyond the tree: appended by a live server since we started (fine) or inserted (not).
  const now = await db.selectFrom('ledger_state').select('tree_size').where('id', '=', 1).executeTakeFirst();
  const nowSize = now ? Number(now.tree_size) : 0;
  if (nowSize < stateSize)
    return result({ seq: nowSize, reason: 'the ledger shrank while it was being verified' });
  const extra = await db
    .selectFrom('ledger_entries')
    .select('seq')
    .where('seq', '>=', nowSize)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  if (extra)
    return result({
      seq: Number(extra.seq),
      reason: `entry ${extra.seq} is not covered by the tree: it was inserted`,
    });
  return result(null);
}

async function loadHeads(db: Executor, afterSize: number, maxSize: number): Promise<SignedHead[]> {
  const rows = await db
    .selectFrom('ledger_heads')
    .selectAll()
    .where('tree_size', '>', afterSize)
    .where('tree_size', '<=', maxSize)
    .orderBy('tree_size')
    .limit(PAGE)
    .execute();
  return rows.map(headFromRow);
}

/** Stored nodes completed by leaves in [start, end): node (l, i) is completed by leaf (i + 1) * 2^l - 1. */
async function loadNodes(db: Executor, start: number, end: number): Promise<Map<string, Buffer>> {
  const map = new Map<string, Buffer>();
  const ranges: { level: number; lo: number; hi: number }[] = [];
  for (let level = 0; 2 ** level <= end; level++) {
    const lo = Math.ceil((start + 1) / 2 ** level) - 1;
    const hi = Math.floor(end / 2 ** level) - 1;
    if (hi >= lo) ranges.push({ level, lo, hi });
  }
  if (ranges.length === 0) return map;
  const rows = await db
    .selectFrom('ledger_nodes')
    .selectAll()
    .where((eb) =>
      eb.or(
        ranges.map((r) => eb.and([eb('level', '=', r.level), eb('idx', '>=', r.lo), eb('idx', '<=', r.hi)])),
      ),
    )
    .execute();
  for (const row of rows) map.set(`${row.level}/${Number(row.idx)}`, row.hash);
  return map;
}

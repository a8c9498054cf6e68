import type { Keyring } from '../crypto/keyring.js';
import type { Db, Executor, LedgerHeadRow } from '../db/index.js';
import { chunked, nowIso } from '../db/index.js';
import { AppError } from '../errors.js';
import {
  canonicalJson,
  entryLeafHash,
  headMessage,
  type LedgerEntry,
  type LedgerEntryInput,
  type SignedHead,
} from './entry.js';
import {
  consistencyRanges,
  decompose,
  EMPTY_ROOT,
  HASH_SIZE,
  hashChildren,
  hashFromNodes,
  inclusionRanges,
  type NodeId,
  type Range,
} from './merkle.js';

interface FrontierNode {
  level: number;
  hash: Buffer;
}

// Stay well under SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_CHUNK = 500;

function unpackFrontier(size: number, packed: Buffer): FrontierNode[] {
  const ids = decompose({ start: 0, end: size });
  if (packed.length !== ids.length * HASH_SIZE) {
    throw new AppError('INTEGRITY', 'the ledger state is corrupt: frontier does not match the tree size');
  }
  return ids.map((id, i) => ({ level: id.level, hash: packed.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE) }));
}

export function rowToEntry(row: {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
}): LedgerEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: JSON.parse(row.details),
  };
}

/** A stored head row as the signed head it records (hex root, base64 signature). */
export function headFromRow(row: LedgerHeadRow): SignedHead {
  return {
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash.toString('hex'),
    issuedAt: row.issued_at,
    signature: row.signature.toString('base64'),
    keyId: row.key_id,
  };
}

export interface InclusionProof {
  seq: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  rootHash: string;
}

/**
 * The tamper-evident ledger. Appends happen inside the caller's transaction, so an action and its
 * entry commit or roll back together. The writer serialises on the single `ledger_state` row (a row
 * lock on PostgreSQL, the write lock on SQLite), so several instances can append safely.
 */
export class Ledger {
  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
  ) {}

  async append(tx: Executor, inputs: LedgerEntryInput[]): Promise<LedgerEntry[]> {
    if (inputs.length === 0) return [];
    // The no-op update takes the lock before we read the state (a read first could go stale).
    await tx
      .updateTable('ledger_state')
      .set((eb) => ({ tree_size: eb.ref('tree_size') }))
      .where('id', '=', 1)
      .execute();
    const state = await tx
      .selectFrom('ledger_state')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    let size = Number(state.tree_size);
    const frontier = unpackFrontier(size, state.frontier);
    // Never extend a tree the workspace did not sign: a rewritten state or deleted heads stop writes.
    const latest = await tx
      .selectFrom('ledger_heads')
      .selectAll()
      .orderBy('tree_size', 'desc')
      .limit(1)
      .executeTakeFirst();
    const signed =
      size === 0
        ? !latest
        : Boolean(
            latest &&
              Number(latest.tree_size) === size &&
              latest.root_hash.equals(hashFromNodes(frontier.map((n) => n.hash))) &&
              this.keyring.verify(
                headMessage({
                  treeSize: size,
                  rootHash: latest.root_hash.toString('hex'),
                  issuedAt: latest.issued_at,
                }),
                latest.signature,
                latest.key_id,
              ),
          );
    if (!signed) {
      throw new AppError(
        'INTEGRITY',
        'the ledger does not match its latest signed head: run `vigie audit verify`',
      );
    }
    const at = nowIso();
    const entries: LedgerEntry[] = [];
    const nodes: { level: number; idx: number; hash: Buffer }[] = [];
    for (const input of inputs) {
      const entry: LedgerEntry = {
        seq: size,
        at,
        actor: input.actor,
        action: input.action,
        target: input.target ?? '',
        details: JSON.parse(canonicalJson(input.details ?? {})),
      };
      entries.push(entry);
      let node: FrontierNode = { level: 0, hash: entryLeafHash(entry) };
      nodes.push({ level: 0, idx: size, hash: node.hash });
      while (frontier.length > 0 && frontier[frontier.length - 1]!.level === node.level) {
        const left = frontier.pop()!;
        node = { level: node.level + 1, hash: hashChildren(left.hash, node.hash) };
        nodes.push({ level: node.level, idx: Math.floor(size / 2 ** node.level), hash: node.hash });
      }
      frontier.push(node);
      size++;
    }
    for (const part of chunked(entries, INSERT_CHUNK)) {
      await tx
        .insertInto('ledger_entries')
        .values(part.map((e) => ({ ...e, details: JSON.stringify(e.details) })))
        .execute();
    }
    for (const part of chunked(nodes, INSERT_CHUNK))
      await tx.insertInto('ledger_nodes').values(part).execute();
    const packed = Buffer.concat(frontier.map((n) => n.hash));
    await tx
      .updateTable('ledger_state')
      .set({ tree_size: size, frontier: packed })
      .where('id', '=', 1)
      .execute();
    const root = hashFromNodes(frontier.map((n) => n.hash));
    const head = this.signHead(size, root, at);
    await tx
      .insertInto('ledger_heads')
      .values({
        tree_size: size,
        root_hash: root,
        issued_at: head.issuedAt,
        signature: Buffer.from(head.signature, 'base64'),
        key_id: head.keyId,
      })
      .execute();
    return entries;
  }

  /** Appends in a transaction of its own, for callers with nothing else to write. */
  async record(inputs: LedgerEntryInput | LedgerEntryInput[]): Promise<LedgerEntry[]> {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    return this.db.transaction().execute((tx) => this.append(tx, list));
  }

  private signHead(treeSize: number, root: Buffer, issuedAt: string): SignedHead {
    const rootHash = root.toString('hex');
    const { signature, keyId } = this.keyring.sign(headMessage({ treeSize, rootHash, issuedAt }));
    return { treeSize, rootHash, issuedAt, signature: signature.toString('base64'), keyId };
  }

  async size(db: Executor = this.db): Promise<number> {
    const state = await db
      .selectFrom('ledger_state')
      .select('tree_size')
      .where('id', '=', 1)
      .executeTakeFirst();
    return state ? Number(state.tree_size) : 0;
  }

  /** The latest signed tree head; an empty ledger has a freshly signed head of size 0. */
  async head(db: Executor = this.db): Promise<SignedHead> {
    const row = await db
      .selectFrom('ledger_heads')
      .selectAll()
      .orderBy('tree_size', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? headFromRow(row) : this.signHead(0, EMPTY_ROOT, nowIso());
  }

  /** Hashes of the given ranges, from stored perfect-subtree nodes fetched in one query. */
  private async rangeHashes(ranges: Range[]): Promise<Buffer[]> {
    const plans = ranges.map((r) => decompose(r));
    const wanted = new Map<number, Set<number>>();
    for (const id of plans.flat()) {
      if (!wanted.has(id.level)) wanted.set(id.level, new Set());
      wanted.get(id.level)!.add(id.index);
    }
    const found = new Map<string, Buffer>();
    if (wanted.size > 0) {
      const rows = await this.db
        .selectFrom('ledger_nodes')
        .selectAll()
        .where((eb) =>
          eb.or(
            [...wanted].map(([level, idxs]) => eb.and([eb('level', '=', level), eb('idx', 'in', [...idxs])])),
          ),
        )
        .execute();
      for (const row of rows) found.set(`${row.level}/${Number(row.idx)}`, row.hash);
    }
    const lookup = (id: NodeId): Buffer => {
      const h = found.get(`${id.level}/${id.index}`);
      if (!h) throw new AppError('INTEGRITY', `ledger tree node ${id.level}/${id.index} is missing`);
      return h;
    };
    return plans.map((plan) => hashFromNodes(plan.map(lookup)));
  }

  async rootAt(treeSize: number): Promise<Buffer> {
    if (treeSize === 0) return EMPTY_ROOT;
    const [root] = await this.rangeHashes([{ start: 0, end: treeSize }]);
    return root!;
  }

  /** Inclusion proof of entry `seq` in the tree of `treeSize` entries (default: the latest signed head). */
  async inclusionProof(seq: number, treeSize?: number): Promise<InclusionProof> {
    const size = treeSize ?? (await this.head()).treeSize;
    if (!Number.isSafeInteger(seq) || seq < 0 || seq >= size) {
      throw new AppError('NOT_FOUND', `entry ${seq} is not in a ledger of ${size} entries`);
    }
    if (size > (await this.size()))
      throw new AppError('NOT_FOUND', `the ledger has fewer than ${size} entries`);
    const hashes = await this.rangeHashes([
      { start: seq, end: seq + 1 },
      { start: 0, end: size },
      ...inclusionRanges(seq, size),
    ]);
    const [leaf, root, ...proof] = hashes;
    return {
      seq,
      treeSize: size,
      leafHash: leaf!.toString('hex'),
      proof: proof.map((p) => p.toString('hex')),
      rootHash: root!.toString('hex'),
    };
  }

  async consistencyProof(from: number, to: number): Promise<{ from: number; to: number; proof: string[] }> {
    const size = await this.size();
    if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from > 0 && from <= to && to <= size)) {
      throw new AppError('VALIDATION', `a consistency proof needs 0 < from <= to <= ${size}`);
    }
    const hashes = await this.rangeHashes(consistencyRanges(from, to));
    return { from, to, proof: hashes.map((h) => h.toString('hex')) };
  }
}

import type { KeyObject } from 'node:crypto';
import { publicKeyFromRaw } from '../crypto/keyring.js';
import type { Executor } from '../db/index.js';
import type { LedgerEntry, SignedHead } from './entry.js';
import { headFromRow, rowToEntry } from './ledger.js';
import { TreeRebuilder, type VerifyResult } from './verify.js';

export const EXPORT_FORMAT = 'vigie-ledger-export/1';

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  head: SignedHead;
  /** Ed25519 public key (raw, base64) that signed the head. Pin it out of band to trust the export. */
  publicKey: string;
}

/**
 * JSON lines: a header with the signed head, then every entry it covers, each followed by the signed
 * head of the transaction that ended with it, so an offline check can name the bad entry.
 */
export async function* exportLines(
  db: Executor,
  head: SignedHead,
  publicKey: string,
): AsyncGenerator<string> {
  const header: ExportHeader = { format: EXPORT_FORMAT, head, publicKey };
  yield JSON.stringify(header);
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('seq', '>', after)
      .where('seq', '<', head.treeSize)
      .orderBy('seq')
      .limit(2000)
      .execute();
    if (rows.length === 0) return;
    const last = Number(rows[rows.length - 1]!.seq);
    const heads = await db
      .selectFrom('ledger_heads')
      .selectAll()
      .where('tree_size', '>', after + 1)
      .where('tree_size', '<=', last + 1)
      .execute();
    const headAfter = new Map(heads.map((h) => [Number(h.tree_size) - 1, h]));
    for (const row of rows) {
      yield JSON.stringify(rowToEntry(row));
      const h = headAfter.get(Number(row.seq));
      if (h && Number(h.tree_size) < head.treeSize) {
        yield JSON.stringify({ head: headFromRow(h) });
      }
    }
    after = last;
  }
}

/** Verifies an export without the database: recomputes the tree and checks the head's signature. */
export async function verifyExportLines(
  lines: AsyncIterable<string>,
  pinnedPublicKey?: string,
): Promise<VerifyResult & { publicKey?: string }> {
  let header: ExportHeader | undefined;
  const rebuilder = new TreeRebuilder();
  let lineNo = 0;
  let headsChecked = 0;
  let key: KeyObject | undefined;
  const fail = (seq: number, reason: string) => ({
    ok: false,
    treeSize: header?.head.treeSize ?? 0,
    entriesChecked: rebuilder.size,
    headsChecked,
    firstBad: { seq, reason },
  });
  for await (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return fail(rebuilder.size, `line ${lineNo} is not valid JSON`);
    }
    if (!header) {
      const h = value as ExportHeader;
      if (h?.format !== EXPORT_FORMAT || !h.head || typeof h.publicKey !== 'string') {
        return fail(0, `line 1 is not a ${EXPORT_FORMAT} header`);
      }
      header = h;
      if (pinnedPublicKey && pinnedPublicKey !== header.publicKey) {
        return fail(0, 'the export is signed by another key than the one given');
      }
      key = parseKey(header.publicKey);
      continue;
    }
    const inner = (value as { head?: SignedHead }).head;
    if (inner) {
      if (inner.treeSize !== rebuilder.size)
        return fail(rebuilder.size, `line ${lineNo}: a head out of place`);
      if (!key) return fail(0, 'the public key in the export is not an Ed25519 key');
      const bad = rebuilder.checkHead(inner, key);
      if (bad) return fail(bad.seq, bad.reason);
      headsChecked++;
      continue;
    }
    const entry = value as LedgerEntry;
    if (!Number.isSafeInteger(entry?.seq))
      return fail(rebuilder.size, `line ${lineNo} is not a ledger entry`);
    if (entry.seq >= header.head.treeSize)
      return fail(entry.seq, `entry ${entry.seq} is beyond the signed head`);
    const bad = rebuilder.add(entry);
    if (bad) return fail(bad.seq, bad.reason);
  }
  if (!header) return fail(0, 'the export is empty');
  if (rebuilder.size !== header.head.treeSize) {
    return fail(
      rebuilder.size,
      `entry ${rebuilder.size} is missing: the head covers ${header.head.treeSize} entries`,
    );
  }
  if (!key) return fail(0, 'the public key in the export is not an Ed25519 key');
  const bad = rebuilder.checkHead(header.head, key);
  if (bad) return fail(bad.seq, bad.reason);
  return {
    ok: true,
    treeSize: header.head.treeSize,
    entriesChecked: rebuilder.size,
    headsChecked: headsChecked + 1,
    firstBad: null,
    publicKey: header.publicKey,
  };
}

function parseKey(base64: string): KeyObject | undefined {
  try {
    return publicKeyFromRaw(Buffer.from(base64, 'base64'));
  } catch {
    return undefined;
  }
}

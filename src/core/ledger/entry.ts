import { hashLeaf } from './merkle.js';

export interface LedgerEntry {
  seq: number;
  at: string;
  /** `user:<id>`, `token:<id>`, `cli` or `system`: never a name or an e-mail. */
  actor: string;
  /** Dotted verb, e.g. `auth.login`, `user.create`, `keys.rotate`. */
  action: string;
  target: string;
  /** Ids, counts and hashes only: never raw personal data or secrets. */
  details: Record<string, unknown>;
}

export type LedgerEntryInput = Pick<LedgerEntry, 'actor' | 'action'> & {
  target?: string;
  details?: Record<string, unknown>;
};

/** JSON with keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function entryBytes(e: LedgerEntry): Buffer {
  return Buffer.from(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      target: e.target,
      details: e.details,
    }),
  );
}

export function entryLeafHash(e: LedgerEntry): Buffer {
  return hashLeaf(entryBytes(e));
}

export interface SignedHead {
  treeSize: number;
  rootHash: string;
  issuedAt: string;
  signature: string;
  keyId: string;
}

/** The bytes an Ed25519 signature covers; domain-separated so it cannot be confused with anything else. */
export function headMessage(h: { treeSize: number; rootHash: string; issuedAt: string }): Buffer {
  return Buffer.from(`vigie/sth/v1\n${h.treeSize}\n${h.rootHash}\n${h.issuedAt}\n`);
}

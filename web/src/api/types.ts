// Shapes of the Vigie HTTP API (v1) as the console uses them.

export const ROLES = ['admin', 'editor', 'reviewer', 'analyst', 'security', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'users:manage'
  | 'tokens:manage'
  | 'keys:manage'
  | 'ledger:read'
  | 'ledger:verify'
  | 'ledger:export'
  | 'guard:scan'
  | 'settings:manage';

/** Ids are opaque strings (UUIDs) to the console. */
export type Id = string;

export interface SessionUser {
  id: Id;
  username: string;
  role: Role;
  displayName: string | null;
  email: string | null;
  locale: string | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  /** Plain strings: the server may grant permissions this console version does not know yet. */
  permissions: string[];
}

export interface User {
  id: Id;
  username: string;
  displayName: string | null;
  email: string | null;
  role: Role;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface ApiToken {
  id: Id;
  name: string;
  userId: Id;
  username: string;
  role: Role;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface KeysState {
  dataKeyVersion: number;
  versions: number[];
  signing: { keyId: string; publicKey: string; fingerprint: string };
}

export interface AuditEntry {
  seq: number;
  at: string;
  /** `user:<id>`, `cli`, `system`...; actorName is the username when the actor is a user. */
  actor: string;
  actorName: string | null;
  action: string;
  target: string | null;
  details: unknown;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface SignedHead {
  treeSize: number;
  rootHash: string;
  issuedAt: string;
  signature: string;
  keyId: string;
  publicKey: string;
}

export interface VerifyResult {
  ok: boolean;
  treeSize: number;
  entriesChecked?: number;
  headsChecked: number;
  firstBad: null | { seq: number; reason: string };
  /** Present when an anchor (a head saved earlier) was checked too. */
  anchor?: { ok: boolean; treeSize: number; issuedAt: string; reason: string | null };
}

export interface InclusionProof {
  seq: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  rootHash: string;
}

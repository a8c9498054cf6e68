/**
 * The permission table, in one place. Every route and command declares one of these permissions;
 * a test walks the whole role x route matrix. New modules add their permissions here.
 */
export const ROLES = ['admin', 'editor', 'reviewer', 'analyst', 'security', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;
const STAFF_WITHOUT_AUDITOR: readonly Role[] = ['admin', 'editor', 'reviewer', 'analyst', 'security'];

export const PERMISSIONS = {
  /** One's own profile, session and password. */
  'self:use': ALL,
  'users:manage': ['admin'],
  'tokens:manage': ['admin'],
  'keys:manage': ['admin'],
  'settings:manage': ['admin'],
  'policies:read': ALL,
  'policies:write': ['admin', 'reviewer'],
  'brand:read': ALL,
  'brand:write': ['admin', 'reviewer'],
  'guard:scan': STAFF_WITHOUT_AUDITOR,
  'drafts:write': ['admin', 'editor', 'reviewer'],
  'drafts:review': ['admin', 'reviewer'],
  'assistant:manage': ['admin', 'editor'],
  'assistant:handoff': ['admin', 'editor'],
  'email:submit': STAFF_WITHOUT_AUDITOR,
  'threats:read': ['admin', 'security', 'auditor'],
  'threats:manage': ['admin', 'security'],
  'customers:read': ['admin', 'analyst'],
  'customers:manage': ['admin', 'analyst'],
  /** Bias audits and targeting uses: aggregates only (k-anonymous), so reviewers and auditors read them. */
  'fairness:read': ['admin', 'analyst', 'reviewer', 'auditor'],
  /** Approving or rejecting a segment use that failed its bias audit. */
  'targeting:review': ['admin', 'reviewer'],
  /** Event batches and their poisoning checks; deciding on a quarantine is kept from those who import. */
  'integrity:read': ['admin', 'analyst', 'security', 'auditor'],
  'integrity:manage': ['admin', 'security'],
  'ledger:read': ['admin', 'security', 'auditor'],
  'ledger:verify': ['admin', 'security', 'auditor'],
  'ledger:export': ['admin', 'security', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleHas(role, p));
}

/** Who is acting: a browser session, an API token or the local CLI operator. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  via: 'session' | 'token' | 'cli';
  tokenId?: string;
  /** For a token: its owner's role (`role` is the token's, at most the owner's permissions). */
  ownerRole?: Role;
}

/** The actor string written to the ledger: ids only, never names. */
export function actorOf(p: Principal | undefined): string {
  if (!p) return 'system';
  if (p.via === 'cli') return 'cli';
  return p.via === 'token' ? `token:${p.tokenId}` : `user:${p.userId}`;
}

export function can(p: Principal, permission: Permission): boolean {
  return p.permissions.has(permission);
}

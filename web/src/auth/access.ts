// Which parts of the console a set of permissions opens. Pure data and functions: the server is the
// authority (it answers 403); this only keeps people from being shown doors they cannot open.

export type NavKey =
  | 'overview'
  | 'check'
  | 'studio'
  | 'assistant'
  | 'customers'
  | 'segments'
  | 'recommendations'
  | 'fairness'
  | 'integrity'
  | 'shield'
  | 'audit'
  | 'settings';

export interface NavItem {
  key: NavKey;
  path: string;
  /** Shown when the user holds at least one of these; an empty list means everyone signed in. */
  anyOf: readonly string[];
}

export type SettingsKey =
  | 'users'
  | 'tokens'
  | 'keys'
  | 'policy'
  | 'brand'
  | 'facts'
  | 'knownValues'
  | 'catalog';

export interface SettingsSection {
  key: SettingsKey;
  path: string;
  permission: string;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { key: 'users', path: '/settings/users', permission: 'users:manage' },
  { key: 'tokens', path: '/settings/tokens', permission: 'tokens:manage' },
  { key: 'keys', path: '/settings/keys', permission: 'keys:manage' },
  // Guard's workspace settings. Reading policy and brand rules is open to every role, so every
  // signed-in user sees Settings; editing needs the matching :write permission (checked per page).
  { key: 'policy', path: '/settings/policy', permission: 'policies:read' },
  { key: 'brand', path: '/settings/brand', permission: 'brand:read' },
  { key: 'facts', path: '/settings/facts', permission: 'brand:read' },
  { key: 'knownValues', path: '/settings/known-values', permission: 'settings:manage' },
  { key: 'catalog', path: '/settings/catalog', permission: 'self:use' },
];

/**
 * Settings appears in the main navigation for those who can change something there. Every role may
 * read Guard's policy, brand rules and facts, so those pages are also linked from the Check page
 * instead of putting a Settings entry in front of everyone.
 */
export const SETTINGS_NAV_PERMISSIONS: readonly string[] = [
  'users:manage',
  'tokens:manage',
  'keys:manage',
  'settings:manage',
  'policies:write',
  'brand:write',
];

// The permissions follow the design's capability table (src/core/access/permissions.ts), so a
// module's entry appears for exactly the roles that will be able to use it.
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', path: '/', anyOf: [] },
  { key: 'check', path: '/check', anyOf: ['guard:scan'] },
  { key: 'studio', path: '/studio', anyOf: ['drafts:write', 'drafts:review'] },
  { key: 'assistant', path: '/assistant', anyOf: ['assistant:manage', 'assistant:handoff'] },
  { key: 'customers', path: '/customers', anyOf: ['customers:read'] },
  { key: 'segments', path: '/segments', anyOf: ['customers:read'] },
  { key: 'recommendations', path: '/recommendations', anyOf: ['customers:read'] },
  // Reviewers and auditors read bias audits (aggregates only) without seeing customer data.
  { key: 'fairness', path: '/fairness', anyOf: ['fairness:read'] },
  { key: 'integrity', path: '/integrity', anyOf: ['integrity:read'] },
  { key: 'shield', path: '/shield', anyOf: ['email:submit', 'threats:read'] },
  { key: 'audit', path: '/audit', anyOf: ['ledger:read'] },
  { key: 'settings', path: '/settings', anyOf: SETTINGS_NAV_PERMISSIONS },
];

export function hasPermission(permissions: readonly string[], permission: string): boolean {
  return permissions.includes(permission);
}

export function hasAnyPermission(permissions: readonly string[], required: readonly string[]): boolean {
  return required.length === 0 || required.some((permission) => permissions.includes(permission));
}

export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => hasAnyPermission(permissions, item.anyOf));
}

export function visibleSettingsSections(permissions: readonly string[]): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((section) => hasPermission(permissions, section.permission));
}

export function navItem(key: NavKey): NavItem {
  const item = NAV_ITEMS.find((candidate) => candidate.key === key);
  if (!item) throw new Error(`Unknown navigation item ${key}`);
  return item;
}

// i18next reads ':' as a namespace separator, so permission ids map to keys spelled with '_'.
export const PERMISSION_LABELS = {
  'self:use': 'permissions.self_use',
  'users:manage': 'permissions.users_manage',
  'tokens:manage': 'permissions.tokens_manage',
  'keys:manage': 'permissions.keys_manage',
  'settings:manage': 'permissions.settings_manage',
  'policies:read': 'permissions.policies_read',
  'policies:write': 'permissions.policies_write',
  'brand:read': 'permissions.brand_read',
  'brand:write': 'permissions.brand_write',
  'guard:scan': 'permissions.guard_scan',
  'drafts:write': 'permissions.drafts_write',
  'drafts:review': 'permissions.drafts_review',
  'assistant:manage': 'permissions.assistant_manage',
  'assistant:handoff': 'permissions.assistant_handoff',
  'email:submit': 'permissions.email_submit',
  'threats:read': 'permissions.threats_read',
  'threats:manage': 'permissions.threats_manage',
  'customers:read': 'permissions.customers_read',
  'customers:manage': 'permissions.customers_manage',
  'fairness:read': 'permissions.fairness_read',
  'targeting:review': 'permissions.targeting_review',
  'integrity:read': 'permissions.integrity_read',
  'integrity:manage': 'permissions.integrity_manage',
  'ledger:read': 'permissions.ledger_read',
  'ledger:verify': 'permissions.ledger_verify',
  'ledger:export': 'permissions.ledger_export',
} as const;

/** The catalogue key describing a permission, or undefined for one this console does not know. */
export function permissionLabelKey(permission: string) {
  return Object.hasOwn(PERMISSION_LABELS, permission)
    ? PERMISSION_LABELS[permission as keyof typeof PERMISSION_LABELS]
    : undefined;
}

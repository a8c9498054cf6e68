// Which Shield tabs a set of permissions opens (src/core/access/permissions.ts). Pure.
import { hasAnyPermission } from '../../auth/access.js';

export const SHIELD_TABS = ['emails', 'lookalikes', 'posture', 'protection'] as const;
export type ShieldTab = (typeof SHIELD_TABS)[number];

/** Reading threats (lists, DNS checks, protection) and managing them are separate permissions. */
export const SHIELD_PERMISSIONS = {
  submit: 'email:submit',
  read: 'threats:read',
  manage: 'threats:manage',
} as const;

const TAB_NEEDS: Record<ShieldTab, readonly string[]> = {
  emails: [SHIELD_PERMISSIONS.submit, SHIELD_PERMISSIONS.read],
  lookalikes: [SHIELD_PERMISSIONS.read],
  posture: [SHIELD_PERMISSIONS.read],
  protection: [SHIELD_PERMISSIONS.read],
};

export function visibleShieldTabs(permissions: readonly string[]): ShieldTab[] {
  return SHIELD_TABS.filter((tab) => hasAnyPermission(permissions, TAB_NEEDS[tab]));
}

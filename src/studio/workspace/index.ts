/** Studio in the workspace: brand kit, provider settings, drafts, review, export and verification. */
export * from './brand-kit-store.js';
export * from './drafts.js';
export * from './export.js';
export * from './identity.js';
export * from './policy.js';
export * from './providers.js';
export * from './review.js';
export type { DraftStatus, VersionContent } from './store.js';

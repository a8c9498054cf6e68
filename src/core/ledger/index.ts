export { type Anchor, type AnchorCheck, anchorSchema, checkAnchor } from './anchor.js';
export { type LedgerVerification, type VerifyOptions, verifyLedger } from './audit.js';
export * from './entry.js';
export * from './export.js';
export { type InclusionProof, Ledger } from './ledger.js';
export * from './merkle.js';
export { type EntryFilter, type EntryPage, entryFilterSchema, listEntries } from './query.js';
export { type BadEntry, type VerifyResult, verifyStoredLedger } from './verify.js';

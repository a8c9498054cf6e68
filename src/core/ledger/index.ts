export { verifyLedger } from './audit.js';
export * from './entry.js';
export * from './export.js';
export { type InclusionProof, Ledger } from './ledger.js';
export * from './merkle.js';
export { type EntryFilter, type EntryPage, entryFilterSchema, listEntries } from './query.js';
export { type BadEntry, type VerifyResult, verifyStoredLedger } from './verify.js';

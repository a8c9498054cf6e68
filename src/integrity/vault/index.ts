/**
 * Customer vault: profiles sealed per subject (crypto-shredding on erasure), blind indexes for e-mail
 * and phone, consent per purpose, retention, data subject requests, all-or-nothing imports.
 * Other modules identify a customer only by `subject` (see subjectOf) and list their per-subject tables
 * in SUBJECT_TABLES so that erasure reaches them.
 */
export { type SubjectAttributeName, subjectAttribute } from './attributes.js';
export { consentingSubjects, getConsents, listConsents, setConsent } from './consents.js';
export { type AccessExport, accessExport, type ErasureDerived, erasedSubjects, eraseSubject } from './dsr.js';
export { type ImportOptions, type ImportReport, importCustomers, MAX_REPORTED_ISSUES } from './import.js';
export {
  AGE_BANDS,
  type Consent,
  type ConsentInput,
  consentInputSchema,
  GENDERS,
  LAWFUL_BASES,
  type LawfulBasis,
  type Profile,
  type ProfileFields,
  PURPOSES,
  type Purpose,
} from './model.js';
export {
  findInputSchema,
  findSubjects,
  getProfile,
  markActive,
  type RectifyInput,
  rectifyInputSchema,
  rectifyProfile,
  type StoredProfile,
  subjectSchema,
} from './profiles.js';
export type { InputFormat } from './read-records.js';
export {
  DEFAULT_RETENTION_DAYS,
  getRetention,
  purgeExpiredCustomers,
  type Retention,
  retentionSchema,
  setRetention,
} from './retention.js';
export { emailIndex, normaliseEmail, subjectOf } from './subject.js';
export { SUBJECT_TABLES, type SubjectTable } from './subject-tables.js';
export { IMPORT_COLUMNS, type ImportIssue } from './validate-row.js';

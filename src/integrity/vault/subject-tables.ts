/**
 * Every table that holds rows about a data subject, and the column holding its `subject` id. This list
 * is the contract of erasure and access: `eraseSubject` deletes the subject's rows from every table
 * here (children first: the list is walked in reverse) and the access export reads each one. A module
 * that stores per-subject rows appends its table here, in the same change as its migration; a listed
 * table that does not exist makes erasure fail rather than silently leave data behind.
 */
export interface SubjectTable {
  table: string;
  column: string;
}

export const SUBJECT_TABLES: SubjectTable[] = [
  { table: 'customers', column: 'subject' },
  { table: 'customer_consents', column: 'subject' },
  { table: 'segment_members', column: 'subject' },
  { table: 'recommendations', column: 'subject' },
  { table: 'customer_events', column: 'subject' },
];

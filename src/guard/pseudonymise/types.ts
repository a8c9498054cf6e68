/** Reversible pseudonymisation: shared types. The mapping is plain JSON so the vault can store it. */

export type Operator = 'placeholder' | 'surrogate' | 'mask' | 'hash' | 'redact';

/** One value seen in a text and what replaced it. Only reversible operators are recorded. */
export interface MappingEntry {
  entity: string;
  original: string;
  replacement: string;
  operator: 'placeholder' | 'surrogate';
}

export interface Mapping {
  version: 1;
  /** Last placeholder number used per entity, so numbers keep growing across calls. */
  counters: Record<string, number>;
  entries: MappingEntry[];
}

export interface PseudonymiseOptions {
  /** Default `placeholder`. */
  operator?: Operator;
  /** Per-entity operator, e.g. `{ PERSON: 'surrogate', IBAN: 'mask' }`. */
  operators?: Record<string, Operator>;
  /** A mapping from an earlier call of the same session: the same value keeps its replacement. */
  mapping?: Mapping;
  /** Secret for the `hash` operator (HMAC-SHA256); required when that operator is used. */
  hashKey?: string;
  /** Detections below this confidence are left as they are. Default 0. */
  minConfidence?: number;
  /** Only these entity types are replaced (all when absent). */
  entities?: string[];
}

/** One replacement made, with offsets into the ORIGINAL text. */
export interface Replacement {
  start: number;
  end: number;
  entity: string;
  operator: Operator;
  replacement: string;
}

export interface PseudonymiseResult {
  text: string;
  mapping: Mapping;
  replacements: Replacement[];
}

export function emptyMapping(): Mapping {
  return { version: 1, counters: {}, entries: [] };
}

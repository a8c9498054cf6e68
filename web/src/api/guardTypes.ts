// Shapes of Guard's HTTP API (src/server/routes/guard.ts). Pure: no imports, so tests can load it.

/** Ids are opaque strings (UUIDs) to the console. */
type Id = string;

export const PROFILES = ['publish', 'input', 'ingested', 'output'] as const;
export type Profile = (typeof PROFILES)[number];
export const SCAN_LANGS = ['auto', 'en', 'fr'] as const;
export type ScanLang = (typeof SCAN_LANGS)[number];
export type Locale = 'en' | 'fr';

/** Weakest to strongest, as the policy orders them. */
export const VERDICTS = ['allow', 'warn', 'redact', 'review', 'block'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const SEVERITIES = ['info', 'warn', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CATEGORIES = ['pii', 'secret', 'injection', 'claim', 'brand', 'language', 'disclosure'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  action: Verdict;
  messageId: string;
  data?: Record<string, string | number>;
  /** Already in the locale the scan asked for. */
  message: string;
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  confidence?: number;
  entity?: string;
  suggestions?: string[];
}

export interface Readability {
  lang: Locale;
  formula: 'flesch' | 'kandel-moles';
  score: number;
  words: number;
  sentences: number;
}

export interface ScanResult {
  verdict: Verdict;
  profile: Profile;
  findings: Finding[];
  lang: Locale;
  readability: Readability | null;
  stats: { bytes: number; ms: number; byRule: Record<string, number> };
  errors: Array<{ detector: string; error: string }>;
}

export interface ScanRequest {
  text: string;
  profile: Profile;
  lang: ScanLang;
  locale: Locale;
}

/** The server's body limit for texts: larger ones are refused with 413. */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

export const OPERATORS = ['placeholder', 'surrogate', 'mask', 'hash', 'redact'] as const;

export type Operator = (typeof OPERATORS)[number];

export interface Replacement {
  start: number;
  end: number;
  entity: string;
  operator: Operator;
  replacement: string;
}

export interface RedactResult {
  text: string;
  mapId: string | null;
  expiresAt: string | null;
  replacements: Replacement[];
}

export interface CatalogDetector {
  id: string;
  category: Category;
  languages: string[];
  defaultSeverity: Severity;
  description: Record<Locale, string>;
  example: string;
  url?: string;
}

export interface PolicyDocuments {
  override: string;
  effective: string;
}

export interface BrandRules {
  terminology: Array<{ preferred: string; deprecated: string[]; note?: string }>;
  competitors: string[];
  bannedPhrases: Array<{ phrase: string; reason?: string }>;
}

export interface BrandDocuments {
  rules: BrandRules;
  yaml: string;
}

export interface Fact {
  id: Id;
  statement: string;
  source: string;
  owner: string | null;
  lang: Locale | null;
  expiresAt: string | null;
  expired: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface FactInput {
  statement: string;
  source: string;
  owner?: string | null;
  lang?: Locale | null;
  expiresAt?: string | null;
}

export interface KnownValue {
  id: Id;
  entity: string;
  /** The server never sends the value itself. */
  masked: string;
  createdAt: string;
}

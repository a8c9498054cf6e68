/**
 * Guard's vocabulary. A detector is a small rule with data about itself (the ESLint idea): `meta` is
 * plain data, `detect` is pure and reports message ids plus data, never hand-built sentences, so
 * the pipeline can render them in the reader's language.
 */
export type Severity = 'info' | 'warn' | 'high';
export type Category = 'pii' | 'secret' | 'injection' | 'language' | 'claim' | 'brand' | 'disclosure';
export type Lang = 'en' | 'fr';
export type Profile = 'input' | 'ingested' | 'output' | 'publish';

/** A message in both languages; `{{name}}` placeholders are filled from the finding's data. */
export interface LocalisedMessage {
  en: string;
  fr: string;
}

export interface DetectorMeta {
  /** `category.name`, e.g. `pii.email`. */
  id: string;
  category: Category;
  /** Languages the detector understands; `['en', 'fr']` for most, `['*']` when language-neutral. */
  languages: Array<Lang | '*'>;
  defaultSeverity: Severity;
  docs: {
    description: LocalisedMessage;
    /** One sentence a catalog page can show as an example of what is caught. */
    example: string;
    url?: string;
  };
  messages: Record<string, LocalisedMessage>;
}

/** What a detector reports: offsets are UTF-16 code units into the scanned text. */
export interface Detection {
  /** Defaults to the detector's id; detectors that report several rules set it. */
  rule?: string;
  messageId: string;
  /** Safe values for the message: never the raw sensitive value. */
  data?: Record<string, string | number>;
  start: number;
  end: number;
  severity?: Severity;
  /** 0..1; context words raise or lower it. */
  confidence?: number;
  /** Entity type for pseudonymisation (PERSON, EMAIL, IBAN...), set by PII and secret detectors. */
  entity?: string;
  /** Replacement texts offered as one-click fixes. */
  suggestions?: string[];
}

export interface Fact {
  id: string;
  statement: string;
  source: string;
  expiresAt?: string | null;
}

export interface BrandRules {
  /** Preferred term -> deprecated variants. */
  terminology: Array<{ preferred: string; deprecated: string[]; note?: string }>;
  competitors: string[];
  bannedPhrases: Array<{ phrase: string; reason?: string }>;
}

/** Workspace data a detector may consult. Everything is optional so detectors stay testable alone. */
export interface DetectContext {
  lang: Lang;
  profile: Profile;
  /** Exact values the workspace registered (customer names, e-mails, VIP names), by entity type. */
  knownValues?: Array<{ value: string; entity: string }>;
  facts?: Fact[];
  brand?: BrandRules;
  /** Canary tokens planted in system prompts; seeing one in an output means a leak. */
  canaries?: string[];
  now?: Date;
}

export interface Detector {
  meta: DetectorMeta;
  detect(text: string, context: DetectContext): Detection[];
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  messageId: string;
  data?: Record<string, string | number>;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  confidence?: number;
  entity?: string;
  suggestions?: string[];
}

// Shield's HTTP contract (src/server/routes/shield.ts) as the console reads it. Pure types and constants.

export const EMAIL_VERDICTS = ['clean', 'suspicious', 'phishing'] as const;
export type EmailVerdict = (typeof EMAIL_VERDICTS)[number];

export const SIGNAL_GROUPS = [
  'impersonation',
  'links',
  'lures',
  'html',
  'attachments',
  'authentication',
  'context',
] as const;
export type SignalGroup = (typeof SIGNAL_GROUPS)[number];

/** The server refuses larger messages with 413 (src/shield/email/parse.ts). */
export const MAX_EML_BYTES = 50 * 1024 * 1024;

export type ShieldLocale = 'en' | 'fr';

export interface EmailReason {
  id: string;
  group: SignalGroup;
  points: number;
  where: string;
  evidence: string;
  /** Already in the requested language; a short lesson on the red flag. */
  message: string;
}

export interface EmailAuth {
  source: 'live' | 'resolver' | 'header' | 'none';
  spf: string;
  dkim: string;
  dmarc: string;
  arc: string;
  compauth?: string;
  domain: string;
}

export interface EmailAnalysisResult {
  id: string;
  score: number;
  verdict: EmailVerdict;
  reasons: EmailReason[];
  subject: string;
  from: string;
  auth: EmailAuth;
  messageSha256: string;
  stats: { bytes: number; ms: number; links: number; attachments: number };
}

export interface StoredAnalysis {
  id: string;
  messageSha256: string;
  verdict: EmailVerdict;
  score: number;
  reasons: Array<Omit<EmailReason, 'message'>>;
  subject: string | null;
  from: string | null;
  source: string;
  submittedBy: string | null;
  createdAt: string;
}

export interface AnalysisFilter {
  verdict?: EmailVerdict;
  limit?: number;
  before?: string;
}

/** The query string of the analyses list: only the filters that are set. */
export function analysesQuery(filter: AnalysisFilter): string {
  const params = new URLSearchParams();
  if (filter.verdict) params.set('verdict', filter.verdict);
  if (filter.limit !== undefined) params.set('limit', String(filter.limit));
  if (filter.before) params.set('before', filter.before);
  return params.toString();
}

export interface WatchedDomain {
  id: string;
  domain: string;
  registered: number;
  withMx: number;
  checkedAt: string | null;
  createdAt: string;
}

export interface DomainAlert {
  id: string;
  watchId: string;
  domain: string;
  kind: 'registered' | 'mx';
  details: Record<string, unknown>;
  createdAt: string;
  acknowledgedAt: string | null;
}

export interface Permutation {
  fuzzer: string;
  domain: string;
}

export type PostureVerdict = 'spoofable' | 'partially-protected' | 'protected';
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'info';

export interface PostureMessage {
  id: string;
  data?: Record<string, unknown>;
  en: string;
  fr: string;
}

export interface DnsFix {
  type: string;
  name: string;
  value: string;
  message: { en: string; fr: string };
}

export interface PostureCheck {
  id: string;
  status: CheckStatus;
  records: string[];
  messages: PostureMessage[];
  fixes: DnsFix[];
}

export interface PostureResult {
  domain: string;
  verdict: PostureVerdict;
  summary: PostureMessage;
  checks: PostureCheck[];
  fixes: DnsFix[];
}

export interface ProtectedBrand {
  name: string;
  aliases: string[];
  domains: string[];
}

export interface Protection {
  brands: ProtectedBrand[];
  vips: string[];
  /** Receiving servers whose Authentication-Results headers offline analysis trusts. */
  authservIds?: string[];
}

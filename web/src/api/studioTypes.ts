// Studio's API shapes as the console uses them. Pure types and constants: tests import this file.
import type { Readability } from './guardTypes.js';
export type Lang = 'en' | 'fr';
export type ContentType = 'press-release' | 'web-page' | 'social-post' | 'marketing-email' | 'customer-reply';
export type Platform = 'x' | 'linkedin' | 'instagram' | 'mastodon';
export type ProviderName = 'composer' | 'openai' | 'llamacpp';
export type DraftStatus = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'exported';
export type Involvement = 'none' | 'assisted' | 'generated';
export type ExportFormat = 'md' | 'html' | 'text';

export const CONTENT_TYPES: readonly ContentType[] = [
  'press-release',
  'web-page',
  'social-post',
  'marketing-email',
  'customer-reply',
];
export const PLATFORMS: readonly Platform[] = ['x', 'linkedin', 'instagram', 'mastodon'];
export const DRAFT_STATUSES: readonly DraftStatus[] = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'exported',
];
export const INVOLVEMENTS: readonly Involvement[] = ['none', 'assisted', 'generated'];

export interface KitAudience {
  id: string;
  name: string;
  lang?: Lang;
  readingLevel: 'simple' | 'general' | 'expert';
  vocabulary: string[];
  channels: string[];
  cares: string[];
}

export interface KitFact {
  id: string;
  statement: string;
  source: string;
  lang?: Lang;
  expiresAt?: string;
}

export interface KitBoilerplate {
  lang: Lang;
  company: string;
  description: string;
  website?: string;
  mediaContact?: { name: string; email?: string; phone?: string };
}

export interface BrandKit {
  name: string;
  voice: { tone: string[] };
  facts: KitFact[];
  boilerplates: KitBoilerplate[];
  audiences: KitAudience[];
}

export interface KitTerm {
  preferred: string;
  deprecated: string[];
  note?: string;
}

/** The whole kit as GET /api/v1/studio/brand-kit returns it (the brief form needs only `BrandKit`). */
export interface BrandKitView extends BrandKit {
  voice: { tone: string[]; do: string[]; dont: string[]; examples: string[] };
  styleRules: string[];
  terminology: KitTerm[];
  facts: (KitFact & { owner?: string })[];
}

export interface DraftFinding {
  rule: string;
  action: string;
  severity: 'info' | 'warn' | 'high';
  message: string;
  start: number;
  end: number;
  category: string;
}

export interface DraftText {
  type: ContentType;
  lang: Lang;
  title: string;
  text: string;
  markdown: string;
  warnings: string[];
  provider: string;
  model: string | null;
  variant?: string;
  involvement: Involvement;
}

export interface DraftVariant {
  variant: number;
  verdict: string;
  contentSha256: string;
  draft: DraftText;
  findings: DraftFinding[];
  readability: Readability | null;
  basedOn?: { version: number; variant: number };
}

export interface DraftSummary {
  id: string;
  status: DraftStatus;
  type: ContentType;
  lang: Lang;
  provider: string;
  model: string | null;
  involvement: Involvement;
  author: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DraftView extends DraftSummary {
  brief: { topic: string; audience: { name: string }; platform?: Platform };
  briefSha256: string;
  selectedVariant: number;
  reviewers: string[];
  submittedAt: string | null;
  reviewedAt: string | null;
  exportedAt: string | null;
  variants: DraftVariant[];
  history: Array<{ version: number; variants: number; createdAt: string; createdBy: string }>;
  comments: Array<{ id: string; author: string; body: string; createdAt: string }>;
}

export interface DraftRequest {
  brief: Record<string, unknown>;
  provider: ProviderName;
  variants: number;
  factIds: string[];
}

export interface StudioPolicy {
  requireCleanPublishScan: boolean;
  requireReviewerRole: boolean;
  disclosure?: unknown;
}

export interface ProviderSettings {
  openai: {
    baseURL: string;
    model: string;
    timeoutMs: number;
    maxRetries: number;
    temperature: number;
    maxTokens: number;
    hasApiKey: boolean;
  } | null;
  llamacpp: {
    modelPath: string;
    contextSize?: number;
    runtimeInstalled: boolean;
    modelFound: boolean;
    problems: string[];
  } | null;
}

export interface SignedExport {
  content: string;
  mediaType: string;
  extension: string;
  manifest: Record<string, unknown>;
}

export interface Verification {
  ok: boolean;
  reason?: 'malformed' | 'content-modified' | 'unsigned' | 'bad-signature' | 'untrusted-key' | 'not-recorded';
  recorded: boolean;
  author?: string;
  reviewers?: string[];
  involvement?: Involvement;
  provider?: string;
  model?: string | null;
  timestamps?: Record<string, string>;
  ledgerSeq?: number | null;
}

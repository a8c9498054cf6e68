/**
 * Studio's public face: briefs and the brand kit, drafting (composer and model providers, always
 * through Guard), AI disclosure, export and signed provenance. Storage, the review workflow, the API,
 * the CLI and the console are thin callers of these functions.
 */
export {
  activeFacts,
  type BrandFact,
  type BrandKit,
  type BrandKitInput,
  brandKitFromYaml,
  brandKitSchema,
  brandKitToYaml,
  brandRulesOf,
  factsForBrief,
  MAX_BRAND_KIT_BYTES,
  parseBrandKit,
} from './brand-kit.js';
export {
  type Audience,
  audienceSchema,
  type Brief,
  type BriefFact,
  type BriefInput,
  briefSchema,
  type ContentType,
  contentTypes,
  type Platform,
  parseBrief,
  platforms,
} from './brief.js';
export {
  angleFor,
  type ComposeOptions,
  compose,
  composeVariant,
  formatDate,
  formatDateline,
  frenchTypography,
  MAX_SUBJECT_LENGTH,
  MAX_VARIANTS,
  PLATFORM_LIMITS,
  postLength,
  UNSUBSCRIBE_PLACEHOLDER,
} from './composer/index.js';
export {
  applyDisclosure,
  DEFAULT_WORDING,
  type DisclosureFormat,
  type DisclosureWording,
  disclosureText,
  disclosureWordingSchema,
  involvements,
} from './disclosure.js';
export {
  assembleMarkdown,
  assembleText,
  type Draft,
  type Involvement,
  type Lang,
  type Section,
  type SectionKind,
} from './draft.js';
export {
  draftToHtml,
  EXTENSIONS,
  type ExportedDraft,
  type ExportFormat,
  type ExportOptions,
  embedManifest,
  exportDraft,
  exportSigned,
  extractManifest,
  MANIFEST_SCRIPT_TYPE,
  MEDIA_TYPES,
  type SignedExport,
  type SignedExportOptions,
  verifyExport,
} from './export.js';
export {
  type BuildManifestInput,
  buildManifest,
  type Manifest,
  manifestSchema,
  manifestSigningBytes,
  type SignedManifest,
  type Signer,
  sha256Hex,
  signManifest,
  type VerifyReason,
  type VerifyResult,
  verifyManifest,
} from './provenance.js';
export { composerProvider } from './providers/composer.js';
export {
  type CheckedDraft,
  type GuardedOptions,
  type GuardedResult,
  guardedGenerate,
  type InputReport,
} from './providers/guarded.js';
export { type LlamaCppConfig, llamaCppProvider } from './providers/llamacpp.js';
export { type OpenAIConfig, openaiConfigSchema, openaiProvider } from './providers/openai.js';
export { briefData, buildInstructions, buildSystemPrompt, buildUserPrompt } from './providers/prompt.js';
export {
  getProvider,
  type ProviderName,
  type ProviderSettings,
  providerNames,
} from './providers/registry.js';
export type { ChatMessage, GenerateRequest, GenerateResult, Provider } from './providers/types.js';
export { sampleBrief } from './sample-briefs.js';
export * from './workspace/index.js';

/**
 * The composer: Studio's default provider. It drafts from the brief alone (no network, no model),
 * deterministically for a brief and a seed, and every sentence it writes about the world is a key
 * message, an approved fact or the boilerplate; the templates only add structure and connectives.
 */
import { AppError } from '../../core/errors.js';
import { type Brief, type BriefInput, type ContentType, parseBrief } from '../brief.js';
import { type Draft, makeDraft } from '../draft.js';
import { ANGLES, type Angle, type ComposeContext, type Composed, createContext } from './context.js';
import { composeCustomerReply } from './customer-reply.js';
import { composeMarketingEmail } from './marketing-email.js';
import { composePressRelease } from './press-release.js';
import { composeSocialPost } from './social-post.js';
import { applyTypography } from './typography.js';
import { composeWebPage } from './web-page.js';

export const MAX_VARIANTS = 6;

export interface ComposeOptions {
  /** How many variants (1..6), each with its own angle. Default 1. */
  variants?: number;
  /** Same brief and seed, same drafts. Default `0`. */
  seed?: string | number;
  /** The clock that decides which facts have expired. */
  now?: Date;
}

const templates: Record<ContentType, (ctx: ComposeContext, variantIndex: number) => Composed> = {
  'press-release': composePressRelease,
  'web-page': composeWebPage,
  'social-post': composeSocialPost,
  'marketing-email': composeMarketingEmail,
  'customer-reply': composeCustomerReply,
};

function startAngle(seed: string): number {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) % 997;
  return h % ANGLES.length;
}

/** The angle of variant `index` for a seed: each variant takes the angle after the previous one's. */
export function angleFor(seed: string | number, index: number): Angle {
  return ANGLES[(startAngle(String(seed)) + index) % ANGLES.length]!;
}

export function composeVariant(
  brief: Brief,
  index: number,
  options: { seed?: string | number; now?: Date } = {},
): Draft {
  const seed = String(options.seed ?? 0);
  const angle = angleFor(seed, index);
  const ctx = createContext(brief, { angle, seed: `${seed}/${index}`, now: options.now ?? new Date() });
  const composed = templates[brief.type](ctx, index);
  const sections = composed.sections.map((s) => ({ ...s, text: applyTypography(s.text, brief.lang) }));
  return makeDraft({
    type: brief.type,
    lang: brief.lang,
    title: applyTypography(composed.title, brief.lang),
    sections,
    warnings: ctx.warnings,
    provider: 'composer',
    model: null,
    variant: ctx.angle,
    involvement: 'none',
  });
}

export function checkVariantCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_VARIANTS) {
    throw new AppError('VALIDATION', `variants must be an integer from 1 to ${MAX_VARIANTS}`);
  }
}

/** Drafts `variants` versions of the brief (validated here), each with its own angle. */
export function compose(input: BriefInput, options: ComposeOptions = {}): Draft[] {
  const brief = parseBrief(input);
  const count = options.variants ?? 1;
  checkVariantCount(count);
  return Array.from({ length: count }, (_, i) => composeVariant(brief, i, options));
}

export { MAX_SUBJECT_LENGTH, UNSUBSCRIBE_PLACEHOLDER } from './marketing-email.js';
export { PLATFORM_LIMITS, postLength, URL_WEIGHT } from './social-length.js';
export { formatDate, formatDateline, frenchTypography } from './typography.js';

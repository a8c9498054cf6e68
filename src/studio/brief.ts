/**
 * A brief: what a communicator asks Studio to draft. Everything a draft may state comes from here
 * (key messages, approved facts, boilerplate), so the schema is also the composer's contract.
 */
import { z } from 'zod';
import { AppError } from '../core/errors.js';

export const contentTypes = [
  'press-release',
  'web-page',
  'social-post',
  'marketing-email',
  'customer-reply',
] as const;
export type ContentType = (typeof contentTypes)[number];

export const platforms = ['x', 'linkedin', 'instagram', 'mastodon'] as const;
export type Platform = (typeof platforms)[number];

export const langSchema = z.enum(['en', 'fr']);

const line = (max: number) => z.string().trim().min(1).max(max);
const url = z.url({ protocol: /^https?$/ }).max(2000);

export const audienceSchema = z.strictObject({
  name: line(120),
  lang: langSchema.optional(),
  /** `simple` keeps one idea per paragraph; `expert` allows denser copy. */
  readingLevel: z.enum(['simple', 'general', 'expert']).default('general'),
  /** Words this audience uses: preferred for hashtags and headings. */
  vocabulary: z.array(line(60)).max(50).default([]),
  channels: z.array(line(60)).max(20).default([]),
  /** What they care about, in their words ("saving review time"). */
  cares: z.array(line(200)).max(10).default([]),
});
export type Audience = z.output<typeof audienceSchema>;

export const briefFactSchema = z.strictObject({
  id: line(80),
  statement: line(1000),
  source: line(500),
  expiresAt: z.string().max(40).nullable().optional(),
});
export type BriefFact = z.output<typeof briefFactSchema>;

export const linkSchema = z.strictObject({ label: line(120).optional(), url });

export const mediaContactSchema = z.strictObject({
  name: line(120),
  email: z.string().trim().max(320).optional(),
  phone: z.string().trim().max(40).optional(),
});

export const briefSchema = z
  .strictObject({
    type: z.enum(contentTypes),
    platform: z.enum(platforms).optional(),
    lang: langSchema,
    /** A short noun phrase: "the launch of Studio, AI drafting with safeguards". */
    topic: line(300),
    /** Optional headline written by the communicator; the composer derives one otherwise. */
    headline: line(200).optional(),
    audience: audienceSchema,
    keyMessages: z.array(line(500)).min(1).max(10),
    facts: z.array(briefFactSchema).max(20).default([]),
    tone: z.array(line(40)).max(10).default([]),
    callToAction: z.strictObject({ text: line(120), url: url.optional() }).optional(),
    links: z.array(linkSchema).max(10).default([]),
    /** Extra hashtags (without #); the composer adds ones derived from key terms. */
    hashtags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
    company: z.strictObject({
      name: line(120),
      boilerplate: line(2000),
      website: url.optional(),
      mediaContact: mediaContactSchema.optional(),
    }),
    /** Who sends a marketing e-mail; the law requires both in its footer. */
    sender: z.strictObject({ name: line(120), postalAddress: line(300) }).optional(),
    dateline: z.strictObject({ city: line(80), date: z.iso.date() }).optional(),
    quote: z.strictObject({ speaker: line(120), title: line(160), text: line(1000) }).optional(),
    /** The customer being answered (a customer reply only). */
    recipient: z.strictObject({ name: line(120).optional() }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.type === 'social-post' && !b.platform) {
      ctx.addIssue({ code: 'custom', path: ['platform'], message: 'a social post needs a platform' });
    }
    if (b.type === 'marketing-email' && !b.sender) {
      ctx.addIssue({
        code: 'custom',
        path: ['sender'],
        message: 'a marketing e-mail needs a sender and postal address',
      });
    }
  });

export type Brief = z.output<typeof briefSchema>;
export type BriefInput = z.input<typeof briefSchema>;

/** Validates a brief (from JSON, YAML or a form) and fills defaults; throws `VALIDATION` with the paths. */
export function parseBrief(input: unknown): Brief {
  const parsed = briefSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(brief)'}: ${i.message}`);
    throw new AppError('VALIDATION', `Invalid brief: ${issues.slice(0, 5).join('; ')}`, { issues });
  }
  return parsed.data;
}

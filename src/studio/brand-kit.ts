/**
 * The brand kit: voice, style, terminology, approved facts, boilerplates and audiences, kept as one
 * YAML document a team can review. Guard reads its terminology and banned phrases; briefs pick their
 * facts, boilerplate and audience from it.
 */
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { BrandRules } from '../guard/index.js';
import { audienceSchema, type Brief, langSchema, mediaContactSchema } from './brief.js';

const line = (max: number) => z.string().trim().min(1).max(max);

/** Larger kits are refused before parsing: YAML is user input here. */
export const MAX_BRAND_KIT_BYTES = 512 * 1024;

export const brandFactSchema = z.strictObject({
  id: line(80),
  statement: line(1000),
  source: line(500),
  owner: line(120).nullable().optional(),
  lang: langSchema.nullable().optional(),
  expiresAt: z.string().max(40).nullable().optional(),
});
export type BrandFact = z.output<typeof brandFactSchema>;

export const brandKitSchema = z.strictObject({
  version: z.literal(1).default(1),
  name: line(120),
  voice: z
    .strictObject({
      tone: z.array(line(40)).max(20).default([]),
      do: z.array(line(300)).max(50).default([]),
      dont: z.array(line(300)).max(50).default([]),
      examples: z.array(line(2000)).max(20).default([]),
    })
    .prefault({}),
  styleRules: z.array(line(300)).max(100).default([]),
  terminology: z
    .array(
      z.strictObject({
        preferred: line(120),
        deprecated: z.array(line(120)).max(20),
        note: line(300).optional(),
      }),
    )
    .max(500)
    .default([]),
  competitors: z.array(line(120)).max(200).default([]),
  bannedPhrases: z
    .array(z.strictObject({ phrase: line(120), reason: line(300).optional() }))
    .max(500)
    .default([]),
  facts: z.array(brandFactSchema).max(2000).default([]),
  boilerplates: z
    .array(
      z.strictObject({
        lang: langSchema,
        company: line(120),
        description: line(2000),
        website: z.url().max(2000).optional(),
        mediaContact: mediaContactSchema.optional(),
      }),
    )
    .max(20)
    .default([]),
  audiences: z
    .array(audienceSchema.extend({ id: line(80) }))
    .max(100)
    .default([]),
});
export type BrandKit = z.output<typeof brandKitSchema>;
export type BrandKitInput = z.input<typeof brandKitSchema>;

function invalid(what: string, issues: z.core.$ZodIssue[]): AppError {
  const lines = issues.map((i) => `${i.path.join('.') || '(kit)'}: ${i.message}`);
  return new AppError('VALIDATION', `Invalid ${what}: ${lines.slice(0, 5).join('; ')}`, { issues: lines });
}

export function parseBrandKit(input: unknown): BrandKit {
  const parsed = brandKitSchema.safeParse(input);
  if (!parsed.success) throw invalid('brand kit', parsed.error.issues);
  const ids = new Set<string>();
  for (const f of parsed.data.facts) {
    if (ids.has(f.id)) throw new AppError('VALIDATION', `Invalid brand kit: fact id ${f.id} is used twice`);
    ids.add(f.id);
  }
  return parsed.data;
}

export function brandKitFromYaml(text: string): BrandKit {
  if (Buffer.byteLength(text, 'utf8') > MAX_BRAND_KIT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `A brand kit is limited to ${MAX_BRAND_KIT_BYTES / 1024} KB`);
  }
  let data: unknown;
  try {
    // maxAliasCount bounds "billion laughs" alias expansion.
    data = parse(text, { maxAliasCount: 100 });
  } catch {
    throw new AppError('VALIDATION', 'Invalid brand kit: the YAML cannot be parsed');
  }
  return parseBrandKit(data);
}

export function brandKitToYaml(kit: BrandKit): string {
  return stringify(kit, { lineWidth: 0 });
}

/** What Guard's brand detectors need from the kit. */
export function brandRulesOf(kit: BrandKit): BrandRules {
  return {
    terminology: kit.terminology.map((t) => ({ ...t })),
    competitors: [...kit.competitors],
    bannedPhrases: kit.bannedPhrases.map((p) => ({ ...p })),
  };
}

/** Facts still valid at `now`, optionally in one language (facts without a language fit both). */
export function activeFacts(kit: BrandKit, options: { now?: Date; lang?: 'en' | 'fr' } = {}): BrandFact[] {
  const now = (options.now ?? new Date()).toISOString();
  return kit.facts.filter(
    (f) => (!f.expiresAt || f.expiresAt > now) && (!options.lang || !f.lang || f.lang === options.lang),
  );
}

/**
 * Picks facts for a brief by id. Unknown or expired ids are an error: a draft must never rest on a
 * fact the brand no longer stands behind.
 */
export function factsForBrief(kit: BrandKit, ids: readonly string[], now = new Date()): Brief['facts'] {
  const active = new Map(activeFacts(kit, { now }).map((f) => [f.id, f]));
  return ids.map((id) => {
    const f = active.get(id);
    if (!f) throw new AppError('VALIDATION', `Fact ${id} is unknown or expired`);
    return { id: f.id, statement: f.statement, source: f.source, expiresAt: f.expiresAt ?? null };
  });
}

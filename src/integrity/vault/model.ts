import { z } from 'zod';

/** Purposes a customer can consent to (or object to, for other lawful bases). */
export const PURPOSES = ['marketing_email', 'profiling', 'recommendations', 'analytics'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** GDPR article 6(1) lawful bases. */
export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const GENDERS = ['female', 'male', 'non_binary', 'other', 'undisclosed'] as const;
export const AGE_BANDS = ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus'] as const;

const MAX_ATTRIBUTES = 32;
export const MAX_ATTRIBUTES_BYTES = 4096;
const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;

const text = (max: number) => z.string().trim().min(1).max(max);

/** C0 controls and DEL: never meaningful in a label stored in clear, and PostgreSQL refuses NUL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A short label stored in clear (a consent's source). */
export const plainLabel = (max: number) =>
  text(max).refine((s) => !CONTROL.test(s), 'control characters are not allowed');

export const attributesSchema = z
  .record(
    z.string().regex(ATTRIBUTE_KEY, 'keys are lower-case letters, digits and _ (40 at most)'),
    z.union([z.string().max(200), z.number().finite(), z.boolean(), z.null()]),
  )
  .refine((o) => Object.keys(o).length <= MAX_ATTRIBUTES, `at most ${MAX_ATTRIBUTES} attributes`)
  .refine(
    (o) => Buffer.byteLength(JSON.stringify(o)) <= MAX_ATTRIBUTES_BYTES,
    `attributes are limited to ${MAX_ATTRIBUTES_BYTES} bytes`,
  );

/**
 * The personal fields of a profile. Gender and age band are optional attributes that may only be held
 * with a recorded lawful basis (`sensitive_basis`): a value without one is refused.
 */
export const profileFieldsSchema = z.object({
  first_name: plainLabel(100).optional(),
  last_name: plainLabel(100).optional(),
  email: z.string().trim().max(254).pipe(z.email()).optional(),
  phone: plainLabel(40).optional(),
  street: plainLabel(200).optional(),
  postal_code: plainLabel(20).optional(),
  city: plainLabel(100).optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166 code')
    .transform((c) => c.toUpperCase())
    .optional(),
  birth_year: z.coerce.number().int().min(1900).max(new Date().getUTCFullYear()).optional(),
  gender: z.enum(GENDERS).optional(),
  age_band: z.enum(AGE_BANDS).optional(),
  sensitive_basis: z.enum(LAWFUL_BASES).optional(),
  attributes: attributesSchema.optional(),
});
export type ProfileFields = z.infer<typeof profileFieldsSchema>;

export const PROFILE_FIELDS = Object.keys(profileFieldsSchema.shape) as Array<keyof ProfileFields>;

/** What is sealed: the customer key from the import plus the personal fields. */
export interface Profile extends ProfileFields {
  external_id: string;
}

/** Refused: a consent decision dated in the future (a minute of clock skew is tolerated). */
export function isFutureConsent(at: string): boolean {
  return Date.parse(at) > Date.now() + 60_000;
}

/**
 * When a decision is recorded as taken: its own date, but never later than its arrival. A date up to a
 * minute ahead (clock skew) stored as is would make a withdrawal sent just after it "older" and ignored.
 */
export function consentTime(at: string | undefined, received: string): string {
  return at !== undefined && Date.parse(at) < Date.parse(received)
    ? new Date(Date.parse(at)).toISOString()
    : received;
}

/** Strict: an unknown field is refused rather than silently dropped. */
export const consentInputSchema = z.strictObject({
  purpose: z.enum(PURPOSES),
  status: z.enum(['given', 'withdrawn']),
  lawful_basis: z.enum(LAWFUL_BASES).default('consent'),
  source: plainLabel(100).default('console'),
  at: z.iso.datetime().optional(),
});
export type ConsentInput = z.input<typeof consentInputSchema>;

export interface Consent {
  purpose: Purpose;
  status: 'given' | 'withdrawn';
  lawful_basis: LawfulBasis;
  source: string;
  given_at: string | null;
  withdrawn_at: string | null;
  updated_at: string;
}

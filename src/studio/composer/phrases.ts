/**
 * The composer's fixed words, one YAML file per language in ../data, validated once at load.
 * `fill` substitutes `{name}` placeholders from brief values only; `{Name}` capitalises the value.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Lang } from '../draft.js';

const text = z.string().min(1).max(300);
const alternatives = z.array(text).min(1).max(10);
const byRegister = z.strictObject({ formal: text, neutral: text, friendly: text });

const phrasesSchema = z.strictObject({
  lang: z.enum(['en', 'fr']),
  common: z.strictObject({
    announce: alternatives,
    questionHeadline: alternatives,
    factsHeading: alternatives,
    benefitsHeading: alternatives,
    forAudience: alternatives,
    caresIntro: alternatives,
    learnMore: alternatives,
    linkInBio: text,
    sources: text,
    andWord: text,
  }),
  press: z.strictObject({
    label: text,
    release: text,
    lead: alternatives,
    quote: alternatives,
    about: text,
    mediaContact: text,
    end: text,
    placeholderDateline: text,
  }),
  web: z.strictObject({ ctaHeading: alternatives }),
  email: z.strictObject({
    subjectLabel: text,
    preheaderLabel: text,
    greeting: byRegister,
    intro: alternatives,
    questionSubject: alternatives,
    signoff: byRegister,
    footer: text,
    unsubscribe: text,
  }),
  reply: z.strictObject({
    greeting: byRegister,
    greetingNoName: byRegister,
    thanks: alternatives,
    moreInfo: text,
    closing: byRegister,
    signoff: byRegister,
    team: text,
  }),
  tones: z.strictObject({ formal: z.array(text), friendly: z.array(text) }),
});

export type Phrases = z.output<typeof phrasesSchema>;
export type Register = keyof Phrases['email']['greeting'];

function load(lang: Lang): Phrases {
  const url = new URL(`../data/phrases.${lang}.yaml`, import.meta.url);
  const parsed = phrasesSchema.safeParse(parse(readFileSync(url, 'utf8')));
  if (!parsed.success || parsed.data.lang !== lang) {
    throw new AppError('CONFIG', `Invalid composer data file phrases.${lang}.yaml`);
  }
  return parsed.data;
}

const cache = new Map<Lang, Phrases>();

export function phrases(lang: Lang): Phrases {
  let p = cache.get(lang);
  if (!p) {
    p = load(lang);
    cache.set(lang, p);
  }
  return p;
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toLocaleUpperCase() + s.slice(1);
}

/** Bounded placeholder names: letters only, at most 20, so the pattern cannot backtrack. */
const PLACEHOLDER = /\{([A-Za-z]{1,20})\}/g;

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const direct = values[name];
    if (direct !== undefined) return direct;
    const lower = values[name[0]!.toLowerCase() + name.slice(1)];
    return lower !== undefined ? capitalise(lower) : whole;
  });
}

/** The register a brief's tone words ask for: formal, friendly, or neutral when unclear. */
export function registerOf(tone: readonly string[], p: Phrases): Register {
  const words = tone.map((t) => t.toLocaleLowerCase());
  const formal = words.filter((w) => p.tones.formal.includes(w)).length;
  const friendly = words.filter((w) => p.tones.friendly.includes(w)).length;
  if (formal > friendly) return 'formal';
  if (friendly > formal) return 'friendly';
  return 'neutral';
}

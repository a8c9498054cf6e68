import { readFileSync } from 'node:fs';
import { normaliseForMatching } from './text.js';
import type { SignalGroup } from './types.js';

export interface RawReason {
  id: string;
  group: SignalGroup;
  points: number;
  where: string;
  evidence: string;
}

interface LureData {
  categories: Record<string, { weight: number; phrases: Record<string, string[]> }>;
}

interface Compiled {
  category: string;
  weight: number;
  phrases: Array<{ shown: string; key: string }>;
}

let compiled: Compiled[] | undefined;

function load(): Compiled[] {
  if (compiled) return compiled;
  const data = JSON.parse(readFileSync(new URL('./data/lures.json', import.meta.url), 'utf8')) as LureData;
  compiled = Object.entries(data.categories).map(([category, c]) => ({
    category,
    weight: c.weight,
    phrases: Object.values(c.phrases)
      .flat()
      .map((p) => ({ shown: p, key: normaliseForMatching(p) })),
  }));
  return compiled;
}

// A greeting (or a subject) that names the reader by their e-mail address: mass mailing from a list of
// addresses, not someone who knows you. Bounded parts, no nested quantifiers.
const ADDRESS_GREETING =
  /(?:\b(?:dear|hello|hi|attention|bonjour|cher|chere|ola|olá|hola|estimado|hallo|guten tag)\s{1,3}|\b(?:for|pour|para|für|fur)\s)[^\s@,:;<>]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}/i;

/** Lures sit at the top of a message; reading further only costs time on long newsletters and digests. */
const MAX_LURE_TEXT = 30_000;

/** Lures in English, French, Portuguese, Spanish and German: each category counts once. */
export function lureReasons(subject: string, body: string): RawReason[] {
  const text = normaliseForMatching(`${subject}\n${body.slice(0, MAX_LURE_TEXT)}`);
  const out: RawReason[] = [];
  for (const c of load()) {
    const hit = c.phrases.find((p) => text.includes(p.key));
    if (hit)
      out.push({
        id: `lures.${c.category}`,
        group: 'lures',
        points: c.weight,
        where: 'body',
        evidence: hit.shown,
      });
  }
  const greeting = ADDRESS_GREETING.exec(`${subject}\n${body.slice(0, 400)}`);
  if (greeting)
    out.push({
      id: 'lures.address-as-name',
      group: 'lures',
      points: 8,
      where: greeting.index < subject.length ? 'Subject' : 'body',
      evidence: greeting[0].trim().slice(0, 120),
    });
  return out;
}

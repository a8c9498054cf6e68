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

interface Phrase {
  category: string;
  shown: string;
  /** Normalised and padded with spaces, as the text is: " votre colis ". */
  key: string;
}

interface Compiled {
  categories: Array<{ category: string; weight: number }>;
  /** Phrases by their first word, so the text is walked once instead of searched once per phrase. */
  byFirstWord: Map<string, Phrase[]>;
}

let compiled: Compiled | undefined;

function load(): Compiled {
  if (compiled) return compiled;
  const data = JSON.parse(readFileSync(new URL('./data/lures.json', import.meta.url), 'utf8')) as LureData;
  const byFirstWord = new Map<string, Phrase[]>();
  for (const [category, c] of Object.entries(data.categories)) {
    for (const shown of Object.values(c.phrases).flat()) {
      const key = normaliseForMatching(shown);
      const first = key.trim().split(' ')[0] ?? '';
      if (!first) continue;
      const list = byFirstWord.get(first) ?? [];
      list.push({ category, shown, key });
      byFirstWord.set(first, list);
    }
  }
  const categories = Object.entries(data.categories).map(([category, c]) => ({ category, weight: c.weight }));
  compiled = { categories, byFirstWord };
  return compiled;
}

/** The first phrase of each category found in normalised text, in one pass over its words. */
function findPhrases(text: string, index: Map<string, Phrase[]>): Map<string, string> {
  const hits = new Map<string, string>();
  let start = 1;
  while (start < text.length) {
    const end = text.indexOf(' ', start);
    if (end < 0) break;
    for (const p of index.get(text.slice(start, end)) ?? []) {
      if (!hits.has(p.category) && text.startsWith(p.key, start - 1)) hits.set(p.category, p.shown);
    }
    start = end + 1;
  }
  return hits;
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
  const { categories, byFirstWord } = load();
  const hits = findPhrases(text, byFirstWord);
  for (const c of categories) {
    const shown = hits.get(c.category);
    if (shown)
      out.push({
        id: `lures.${c.category}`,
        group: 'lures',
        points: c.weight,
        where: 'body',
        evidence: shown,
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

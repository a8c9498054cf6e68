/**
 * Compares a claim with the workspace's approved facts: content-word overlap (accents, case and plural
 * endings folded; function words left out) and the numbers both state. A fact supports a claim when
 * every number of the claim appears in the fact and they share enough words.
 */
import { z } from 'zod';
import type { Fact, Lang } from '../../types.js';
import { loadYamlData } from '../../yaml-data.js';
import { extractNumbers } from './figures.js';

const stopwords = loadYamlData(
  new URL('./data/stopwords.yaml', import.meta.url),
  z.object({ en: z.array(z.string()), fr: z.array(z.string()) }),
);
const STOP = new Set([...stopwords.en, ...stopwords.fr]);
const WORD = /[\p{L}][\p{L}\p{N}]{0,63}/gu;

export function contentTokens(text: string): Set<string> {
  const out = new Set<string>();
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (const m of folded.matchAll(WORD)) {
    let w = m[0];
    if (w.length < 3 || STOP.has(w)) continue;
    if (w.length > 4 && (w.endsWith('s') || w.endsWith('x'))) w = w.slice(0, -1);
    out.add(w);
  }
  return out;
}

interface PreparedFact {
  fact: Fact;
  tokens: Set<string>;
  numbers: Set<string>;
}

const prepared = new WeakMap<Fact[], PreparedFact[]>();

function prepare(facts: Fact[]): PreparedFact[] {
  let p = prepared.get(facts);
  if (!p) {
    // Facts are written in the workspace's language; read numbers both ways so either convention matches.
    p = facts.map((fact) => ({
      fact,
      tokens: contentTokens(fact.statement),
      numbers: new Set([...extractNumbers(fact.statement, 'en'), ...extractNumbers(fact.statement, 'fr')]),
    }));
    prepared.set(facts, p);
  }
  return p;
}

export interface FactMatch {
  fact: Fact;
  score: number;
  supports: boolean;
}

/** Every fact that supports the claim, best first, and the closest fact overall (if any shares anything). */
export function matchFacts(
  claim: string,
  lang: Lang,
  facts: Fact[],
): { supporting: FactMatch[]; closest?: FactMatch } {
  const tokens = contentTokens(claim);
  const numbers = extractNumbers(claim, lang);
  const supporting: FactMatch[] = [];
  let closest: FactMatch | undefined;
  for (const p of prepare(facts)) {
    let shared = 0;
    for (const t of tokens) if (p.tokens.has(t)) shared++;
    const matchedNumbers = numbers.filter((n) => p.numbers.has(n)).length;
    const overlap = shared / Math.max(1, Math.min(tokens.size, p.tokens.size));
    const numbersAgree = matchedNumbers === numbers.length;
    const supports = numbersAgree && ((shared >= 2 && overlap >= 0.5) || (numbers.length > 0 && shared >= 1));
    const score = overlap + shared * 0.01 + (numbers.length > 0 ? matchedNumbers / numbers.length : 0);
    const match = { fact: p.fact, score, supports };
    if (supports) supporting.push(match);
    if (score > 0 && (!closest || score > closest.score)) closest = match;
  }
  supporting.sort((a, b) => b.score - a.score);
  return closest ? { supporting, closest } : { supporting };
}

/** A fact whose expiry is missing is evergreen; an unreadable expiry counts as expired (fail closed). */
export function isExpired(fact: Fact, now: Date): boolean {
  if (!fact.expiresAt) return false;
  const t = Date.parse(fact.expiresAt);
  return Number.isNaN(t) || t <= now.getTime();
}

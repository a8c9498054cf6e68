/**
 * Query-side synonyms: a question that uses one member of a group ("money back") also searches for
 * the others ("refund"). Groups are reviewed data (data/synonyms.yaml), analysed once into term
 * sequences with the same analyzer as the index, so stemming and accents line up. Expanding the
 * query rather than the index keeps the index small and lets the list change without a rebuild.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Lang } from '../types.js';
import { analyze } from './analyzer.js';

const fileSchema = z.record(
  z.enum(['en', 'fr']),
  z.array(z.array(z.string().min(1).max(60)).min(2).max(12)).max(500),
);

/** Each member of a group as its analysed terms, e.g. "money back" -> ["monei", "back"]. */
type Group = string[][];

function load(): Record<Lang, Group[]> {
  const raw = fileSchema.parse(parse(readFileSync(new URL('./data/synonyms.yaml', import.meta.url), 'utf8')));
  const compile = (lang: Lang): Group[] =>
    (raw[lang] ?? [])
      .map((members) => members.map((m) => analyze(m, lang)).filter((terms) => terms.length > 0))
      .filter((group) => group.length >= 2);
  return { en: compile('en'), fr: compile('fr') };
}

let groups: Record<Lang, Group[]> | undefined;

export interface SynonymExpansion {
  /** Terms the question did not contain, found through a synonym. */
  term: string;
  /** The question's terms this one stands for (its coverage counts for them). */
  standsFor: string[];
}

function startsAt(terms: string[], at: number, member: string[]): boolean {
  return member.every((t, i) => terms[at + i] === t);
}

/**
 * Extra query terms for the question's analysed terms (in order). A member matches as a contiguous
 * run of terms; the group's other one-word members are added, each tied to the terms it stands for.
 */
export function expandSynonyms(terms: string[], lang: Lang): SynonymExpansion[] {
  groups ??= load();
  const present = new Set(terms);
  const added = new Map<string, Set<string>>();
  for (const group of groups[lang]) {
    const matched = group.filter((member) => terms.some((_, at) => startsAt(terms, at, member)));
    if (matched.length === 0) continue;
    const standsFor = [...new Set(matched.flat())];
    // Words of a phrase mean little alone ("back" of "money back"): only one-word members are added.
    for (const member of group) {
      if (member.length !== 1) continue;
      for (const term of member) {
        if (present.has(term)) continue;
        const into = added.get(term) ?? new Set<string>();
        for (const s of standsFor) into.add(s);
        added.set(term, into);
      }
    }
  }
  return [...added].map(([term, standsFor]) => ({ term, standsFor: [...standsFor] }));
}

/**
 * Organisations: capitalised runs that end with a company word (Inc, SAS, Group, Technologies), that
 * follow a cue ("works for", "travaille chez"), that a verb phrase calls a company ("X is a design
 * agency", "The X office"), that compromise knows, or that stand on the line under a person's name
 * in a signature block.
 */

import { addressesOf } from './addresses.js';
import { isCommonWord, isOrganisationWord } from './common-words.js';
import {
  endsWithCue,
  FIRST_NAMES,
  JOB_WORDS,
  NOT_NAMES,
  ORG_CUES,
  ORG_HEADS,
  ORG_SUFFIXES,
  places,
} from './lexicons.js';
import { isWholeLine, nameLists } from './name-runs.js';
import { overlapIndex } from './spans.js';
import { before, lineAround } from './text.js';
import type { Token } from './tokens.js';

export interface OrgSpan {
  start: number;
  end: number;
  confidence: number;
}

const MAX_ORG_TOKENS = 6;
const JOINERS = new Set(['&', 'and', 'et', 'of', 'de', 'du', 'des', 'for', 'pour']);
const COMPANY_AFTER =
  /^(?:'s|’s)? (?:is|was|est|était) (?:a|an|une?|the|la|le|l['’])(?: [\p{L}-]{1,20}){0,3} (?:company|agency|firm|startup|start-up|corporation|business|brand|bank|organi[sz]ation|non-profit|nonprofit|multinational|provider|manufacturer|retailer|group|société|entreprise|agence|marque|banque|association|groupe|cabinet|editor|publisher)\b/iu;
const OFFICE_AFTER = /^ (?:office|offices|headquarters|hq|team|staff|employees)\b/iu;
const COMPANY_VERB_AFTER =
  /^(?:'s|’s)? (?:invested|announced|acquired|reported|hired|launched|is the brainchild|was founded|is a 501|has acquired|a annoncé|a racheté|a lancé|recrute)\b/iu;
const THE_BEFORE = /\b(?:the|les bureaux de|la société|l['’]entreprise|le groupe|la marque)\s$/iu;
/** A whole line of one to five capitalised words (and "and", "&", commas), no digits. */
const SHORT_LINE =
  /^[ \t>?]{0,6}(\p{Lu}[\p{L}\p{M}'’.&-]{0,40}(?:,? (?:\p{Lu}[\p{L}\p{M}'’.&-]{0,40}|and|&|et|of|de)){0,5})[ \t]{0,4}$/u;

/** "X is a design agency", "X a annoncé": what follows the name makes it a company. */
export function looksLikeCompanyAfter(text: string, end: number): boolean {
  return COMPANY_AFTER.test(text.slice(end, end + 80));
}

function lower(t: Token): string {
  return t.lower;
}

/** Capitalised runs, with "&" or "of" inside them: "Bank of America", "Procter & Gamble". */
function runs(text: string, tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.cap) continue;
    let j = i;
    while (j + 1 < tokens.length && j - i + 1 < MAX_ORG_TOKENS) {
      const gap = text.slice(tokens[j]!.end, tokens[j + 1]!.start);
      const next = tokens[j + 1]!;
      // A dot joins only after an abbreviation ("Co. Ltd"), not across sentences ("Roadmap. Press").
      const dotOk = gap !== '. ' || tokens[j]!.text.length <= 3;
      if ((gap === ' ' || gap === '. ' || gap === ', ') && next.cap && dotOk) {
        if (gap === ', ' && !ORG_SUFFIXES.has(lower(next))) break;
        j++;
        continue;
      }
      if (gap === ' & ' && next.cap) {
        j++;
        continue;
      }
      const after = tokens[j + 2];
      if (
        gap === ' ' &&
        JOINERS.has(lower(next)) &&
        after?.cap &&
        text.slice(next.end, after.start) === ' '
      ) {
        j += 2;
        continue;
      }
      break;
    }
    out.push([i, j]);
    i = j;
  }
  return out;
}

function endOf(text: string, t: Token): number {
  // Keep the dot of "Inc." or "Ltd." inside the name.
  return text[t.end] === '.' && ORG_SUFFIXES.has(`${lower(t)}.`) ? t.end + 1 : t.end;
}

function signatureLine(text: string, lineStart: number, lineEnd: number, personEnds: Set<number>): boolean {
  // The line before must end where a person's name ends.
  const prevEnd = lineStart - 1;
  if (prevEnd <= 0) return false;
  const prevLineEnd = text.slice(0, prevEnd).trimEnd().length;
  return personEnds.has(prevLineEnd) && lineEnd - lineStart < 60;
}

/** "Owens, Duran and Oneal" alone on a line, or followed by a company word: a firm. */
function firmLists(text: string): OrgSpan[] {
  const out: OrgSpan[] = [];
  for (const m of nameLists(text)) {
    const end = m.index + m[0].length;
    const next = /^ (\p{Lu}[\p{L}]{1,30})/u.exec(text.slice(end, end + 32));
    const suffix = next && ORG_SUFFIXES.has(next[1]!.toLowerCase());
    if (suffix) out.push({ start: m.index, end: end + next[0].length, confidence: 0.8 });
    else if (isWholeLine(text, m.index, end)) out.push({ start: m.index, end, confidence: 0.55 });
  }
  return out;
}

/** "Rościsław Dudek of Lexisnexis": a capitalised run right after "<person> of". */
const PERSON_OF = /^,? (?:of|from|de|chez|at) $/u;

export function findOrganisations(
  text: string,
  tokens: Token[],
  personSpans: Array<{ start: number; end: number }>,
): OrgSpan[] {
  const out: OrgSpan[] = firmLists(text);
  const inFirm = overlapIndex(out.slice());
  const personEnds = new Set(personSpans.map((p) => p.end));
  const inPerson = overlapIndex(personSpans);
  const inAddress = overlapIndex(addressesOf(text));
  for (const [runFrom, to] of runs(text, tokens)) {
    // "The Exversion Orchestra": the article is not part of the name.
    let from = runFrom;
    while (from < to && NOT_NAMES.has(lower(tokens[from]!))) from++;
    // "Rościsław Dudek of Lexisnexis": the person's name and the joiner are not part of the company.
    while (
      from < to &&
      (inPerson(tokens[from]!.start, tokens[from]!.end) || JOINERS.has(lower(tokens[from]!)))
    )
      from++;
    const first = tokens[from]!;
    const last = tokens[to]!;
    const end = endOf(text, last);
    if (inFirm(first.start, end)) continue;
    const words = tokens.slice(from, to + 1).map(lower);
    const n = to - from + 1;
    const allCommon = words.every((w) => isCommonWord(w) || NOT_NAMES.has(w));
    // 0. A head word first: "Banque de France", "University of Leeds", "Groupe Renault".
    if (n >= 2 && ORG_HEADS.has(words[0]!) && !inAddress(first.start, end)) {
      out.push({ start: first.start, end, confidence: 0.75 });
      continue;
    }
    // 1. A company word at the end: "Allstate Insurance Group", "Acme SAS".
    const suffix = words[n - 1]!;
    // Short legal forms count in capitals only: "Acme AS", not "Laila Hansen as".
    const suffixOk = ORG_SUFFIXES.has(suffix) && (suffix.length > 3 || /^\p{Lu}/u.test(last.text));
    const shouting = tokens.slice(from, to + 1).every((t) => t.upper) && suffix.length > 4;
    if (n >= 2 && suffixOk && !shouting && !NOT_NAMES.has(words[0]!) && !inAddress(first.start, end)) {
      out.push({ start: first.start, end, confidence: 0.85 });
      continue;
    }
    if (allCommon || inAddress(first.start, end) || inFirm(first.start, end)) continue;
    const lowerFirst = words[0]!;
    if (n === 1 && places().has(lowerFirst)) continue;
    const window = before(text, first.start, 40);
    const cue = endsWithCue(window, ORG_CUES);
    const afterText = text.slice(end, end + 80);
    // 2. A cue before, or a phrase after, that makes it a company.
    let personOf = false;
    for (let k = 1; k <= 7 && !personOf; k++) {
      personOf = personEnds.has(first.start - k) && PERSON_OF.test(text.slice(first.start - k, first.start));
    }
    if (personOf && n <= 4 && !places().has(words.join(' '))) {
      out.push({ start: first.start, end, confidence: 0.55 });
      continue;
    }
    const companyVerb =
      n <= 3 &&
      !FIRST_NAMES.has(lowerFirst) &&
      !inPerson(first.start, end) &&
      COMPANY_VERB_AFTER.test(afterText);
    if (
      cue ||
      companyVerb ||
      COMPANY_AFTER.test(afterText) ||
      (THE_BEFORE.test(window) && OFFICE_AFTER.test(afterText))
    ) {
      out.push({ start: first.start, end, confidence: 0.7 });
      continue;
    }
    if (inPerson(first.start, end)) continue;
    // 3. A name compromise knows as an organisation.
    if (n <= 3 && words.some((w) => isOrganisationWord(w))) {
      out.push({ start: first.start, end, confidence: 0.7 });
      continue;
    }
    // 4. The line under a person's name in a signature block, unless it is a job title.
    // Bounded look-around: a signature line is short, and an unbounded search would be quadratic.
    const { start: lineStart, end: lineEnd } = lineAround(text, first.start, 120);
    if (lineStart < 0 || lineEnd < 0) continue;
    const line = text.slice(lineStart, lineEnd);
    if (
      SHORT_LINE.test(line) &&
      !/\d/.test(line) &&
      !first.upper &&
      !places().has(
        line
          .trim()
          .replace(/^[>? \t]+/u, '')
          .toLowerCase(),
      ) &&
      signatureLine(text, lineStart, lineEnd, personEnds) &&
      !words.some((w) => JOB_WORDS.has(w))
    ) {
      out.push({
        start: first.start,
        end: Math.max(end, lineStart + line.trimEnd().length),
        confidence: 0.5,
      });
    }
  }
  return out;
}

/**
 * Finds person names among capitalised word runs: lexicons of first names and surnames, cues such
 * as titles and greetings before the run, lists of names ("Kónya, Becker and Vasquez"), speaker
 * labels in dialogues, and common-word checks that keep "Will" or "Rose" out unless something else
 * says they are names.
 */
import { addressesOf } from './addresses.js';
import { compromiseNames, isCommonWord, isKnownPlaceWord } from './common-words.js';
import {
  endsWithCue,
  FIRST_NAMES,
  JOB_WORDS,
  LAST_NAMES,
  NAME_CUES,
  NAME_PARTICLES,
  NOT_NAMES,
  ORG_SUFFIXES,
  places,
  STREET_TYPES_EN,
  TITLES,
  WEAK_NAME_CUES,
} from './lexicons.js';
import { looksLikeCompanyAfter } from './organisations.js';
import { overlapIndex } from './spans.js';
import { before, lineAround } from './text.js';
import { gapKind, type Token } from './tokens.js';

export interface NameSpan {
  start: number;
  end: number;
  confidence: number;
}

const MAX_NAME_TOKENS = 5;
/** Casual greetings ("Hello World", "Bonjour Paris"): the word after them must be a known name. */
const GREETINGS = new Set(['hi', 'hello', 'hey', 'greetings', 'bonjour', 'bonsoir', 'salut', 'coucou']);
const extra = compromiseNames();
const FIRST = new Set([...FIRST_NAMES, ...extra.first]);
const LAST = new Set([...LAST_NAMES, ...extra.last]);

function parts(t: Token): string[] {
  return t.lower.split(/[-'’]/u);
}

export function isFirstName(t: Token): boolean {
  const ps = parts(t);
  return FIRST.has(t.lower) || (ps.length > 1 && ps.every((p) => FIRST.has(p)));
}

export function isLastName(t: Token): boolean {
  return LAST.has(t.lower) || parts(t).some((p) => p.length > 2 && LAST.has(p));
}

/** Ambiguous: also a common English or French word, or a place ("Will", "Rose", "Florence"). */
const ambiguousMemo = new Map<string, boolean>();

export function isAmbiguous(t: Token): boolean {
  const w = t.lower;
  let known = ambiguousMemo.get(w);
  if (known === undefined) {
    known = w.length <= 2 || isCommonWord(w) || isKnownPlaceWord(w) || places().has(w);
    if (ambiguousMemo.size > 50_000) ambiguousMemo.clear();
    ambiguousMemo.set(w, known);
  }
  return known;
}

/** Never a name's last word: street types and company words ("Gordon Terrace", "Russell Investments"). */
function badLast(t: Token): boolean {
  const w = t.lower;
  return ORG_SUFFIXES.has(w) || STREET_TYPES_EN.has(w);
}

/** Candidate name token: capitalised, not in a URL or e-mail, not a word that never names anyone. */
function candidate(text: string, t: Token): boolean {
  if (!t.cap) return false;
  const prev = text[t.start - 1];
  const next = text[t.end];
  if (prev === '@' || prev === '/' || prev === '_' || next === '@' || next === '_' || next === '/')
    return false;
  if (prev === '.' && /\w/.test(text[t.start - 2] ?? '')) return false;
  // Titles stay outside the name: "Mme [PERSON_1]" keeps what the model needs to write well.
  if (TITLES.has(t.lower) && !t.initial) return false;
  return !NOT_NAMES.has(t.lower) || t.initial;
}

/** "Me" (maître) and "M" (monsieur) are titles only before a known name: not in "Carry Me Back". */
const AMBIGUOUS_TITLES = new Set(['me', 'm', 'mm']);

function titleBefore(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const title = prev?.lower ?? '';
  if (!prev || !TITLES.has(title)) return false;
  if (AMBIGUOUS_TITLES.has(title) && !(isLastName(tokens[i]!) || isFirstName(tokens[i]!))) return false;
  if (title === 'm' && text[prev.end] !== '.') return false;
  const gap = text.slice(prev.end, tokens[i]!.start);
  return gap === ' ' || gap === '. ' || gap === '.\u00a0' || gap === '\u00a0';
}

type Cue = 'strong' | 'weak' | undefined;

/** The cue before token i and, for a phrase, which one (a greeting asks more of the next word). */
function cueDetail(text: string, tokens: Token[], i: number): { cue: Cue; phrase?: string } {
  if (titleBefore(text, tokens, i)) return { cue: 'strong' };
  const window = before(text, tokens[i]!.start, 32);
  const phrase = endsWithCue(window, NAME_CUES);
  if (phrase) return { cue: 'strong', phrase };
  return { cue: endsWithCue(window, WEAK_NAME_CUES) ? 'weak' : undefined };
}

/** Splits the token list into runs of adjacent candidate tokens (particles allowed inside). */
function runs(text: string, tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!candidate(text, tokens[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && j - i + 1 < MAX_NAME_TOKENS) {
      const a = tokens[j]!;
      const b = tokens[j + 1]!;
      const gap = gapKind(text, a, b);
      if (gap !== 'space' && gap !== 'initialDot') break;
      if (candidate(text, b)) {
        j++;
        continue;
      }
      // "Charles de Gaulle", "Willemine ten Pas": a particle counts only between capitalised words.
      const c = tokens[j + 2];
      if (NAME_PARTICLES.has(b.lower) && c?.cap && gapKind(text, b, c) === 'space') {
        j += 2;
        continue;
      }
      break;
    }
    out.push([i, j]);
    i = j + 1;
  }
  return out;
}

/** Endings of common nouns in English and French, which names rarely have. */
const NOUN_ENDING =
  /(?:tion|sion|ment|ité|ies|ing|ness|ance|ence|isme|ism|ique|ics|eur|eurs|aire|ure|ures|age|ship|ware|ogy|ologie|ats|ets|ies|ités|ments|ables?|ibles?)$/u;

function plain(t: Token): boolean {
  return (
    !t.upper &&
    !t.initial &&
    t.text.length >= 3 &&
    !isAmbiguous(t) &&
    !badLast(t) &&
    !NOUN_ENDING.test(t.lower)
  );
}

/** Verbs that mostly follow a person: "Shovda is very reliable", "Alvir spent a year". */
const PERSON_VERB_AFTER =
  /^(?:'s|’s)? (?:said|says|shouted|spent|lives|lived|works|worked|began|wrote|told|asked|replied|smiled|laughed|thinks|thought|believes|died|was born|is very|is from|had given|a dit|habite|travaille|est née?|a écrit|a répondu)\b/u;

/** A house number right after the run: "Joaquin Suarez 2906" is a street, not a person. */
const NUMBER_AFTER = /^ \d{1,5}[a-zA-Z]?\.?(?:[\s,;:]|$)/u;

function score(text: string, tokens: Token[], from: number, to: number, starts: Set<number>): number {
  const first = tokens[from]!;
  const last = tokens[to]!;
  const n = to - from + 1;
  const { cue, phrase } = cueDetail(text, tokens, from);
  const next = tokens[to + 1];
  // After a title even a common word is a surname: "Mrs. Baker", "Dr. Wells".
  if (n === 1 && titleBefore(text, tokens, from) && !first.initial) return 0.85;
  if (last.initial || badLast(last)) return 0;
  // "Responsable Partenariats", "Marketing Director": a job title, not a person.
  for (let k = from; k <= to; k++) if (JOB_WORDS.has(tokens[k]!.lower)) return 0;
  if (looksLikeCompanyAfter(text, last.end)) return 0;
  // "Johnson Inc.", "Civic Impulse LLC": the word after the run makes it an organisation.
  if (next?.cap && text.slice(last.end, next.start) === ' ' && badLast(next)) return 0;
  if (cue !== 'strong' && NUMBER_AFTER.test(text.slice(last.end, last.end + 10))) return 0;
  if (n === 1) {
    const lower = first.lower;
    // "Bonjour Clémence": a first name that is also a word still counts after a greeting; after a
    // greeting an unknown word must be a known name ("Hello World" is not a person).
    // Countries and big cities are places after "Bonjour" ("Bonjour Paris"); towns like Florence are not.
    const bigPlace = places().get(lower) === 'country' || places().get(lower) === 'region';
    const known = (isFirstName(first) || isLastName(first)) && !bigPlace;
    const greeting = GREETINGS.has(phrase ?? '');
    if (
      cue === 'strong' &&
      !NOT_NAMES.has(lower) &&
      (known || (!greeting && !isCommonWord(lower) && !places().has(lower)))
    )
      return first.upper ? 0.6 : 0.85;
    if (
      !first.upper &&
      !isAmbiguous(first) &&
      !isFirstName(first) &&
      PERSON_VERB_AFTER.test(text.slice(first.end, first.end + 24))
    )
      return 0.55;
    // "Thanks, Mike": after a weak cue a first name counts even when it is also a word.
    if (cue === 'weak' && !first.upper && isFirstName(first) && !NOT_NAMES.has(lower) && lower.length > 2)
      return 0.6;
    if (first.upper || !isFirstName(first) || isAmbiguous(first))
      return cue === 'weak' && isLastName(first) && !isAmbiguous(first) ? 0.6 : 0;
    return cue === 'weak' ? 0.75 : starts.has(from) ? 0.55 : 0.65;
  }
  const allUpper = tokens.slice(from, to + 1).every((t) => t.upper || t.initial);
  const fn = isFirstName(first);
  // A surname that is also a town ("Martin") is still a surname after a first name.
  const lnLast = isLastName(last) && !isCommonWord(last.lower) && last.text.length > 2;
  if (cue === 'strong') return 0.9;
  if (allUpper && !(fn && isLastName(last))) return 0;
  if (fn && !isAmbiguous(first)) return lnLast ? 0.9 : isAmbiguous(last) ? 0.5 : 0.8;
  if (fn && lnLast) return 0.75;
  if (isLastName(first) && lnLast && !isAmbiguous(first)) return 0.6;
  // Two unknown capitalised words that are neither common words nor places: "Tilly Nicholson".
  if (plain(first) && plain(last) && n === 2) return cue ? 0.65 : 0.55;
  return 0;
}

/** Tries the run, then without its first word (a capitalised sentence opener), then without its last. */
function bestSpan(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  starts: Set<number>,
): NameSpan | undefined {
  const tries: Array<[number, number]> = [[from, to]];
  if (to > from) tries.push([from + 1, to], [from, to - 1]);
  for (const [a, b] of tries) {
    const confidence = score(text, tokens, a, b, starts);
    if (confidence > 0) return { start: tokens[a]!.start, end: tokens[b]!.end, confidence };
  }
  return undefined;
}

// "Kónya, Becker and Vasquez", "Gaetane, Hannah, Anthony": capitalised single words in a list.
const LIST =
  /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’-]{1,30}(?:, \p{Lu}[\p{L}\p{M}'’-]{1,30}){0,8},? (?:and|et|&) \p{Lu}[\p{L}\p{M}'’-]{1,30}(?![\p{L}\p{M}])/gu;
// "Ubul: What a wife." A speaker label at the start of a line (tried only there: sticky).
const SPEAKER = /[ \t>]{0,4}(\p{Lu}[\p{L}\p{M}'’-]{1,30}):[ \t]?["“]?\p{Lu}/uy;

/** Speaker labels, one regex attempt per line start instead of a look-behind at every offset. */
function* speakerLabels(text: string): Generator<RegExpExecArray> {
  for (let at = 0; at !== -1 && at < text.length; ) {
    SPEAKER.lastIndex = at;
    const m = SPEAKER.exec(text);
    if (m) yield m;
    const eol = text.indexOf('\n', at);
    at = eol === -1 ? -1 : eol + 1;
  }
}

/** Runs the list regex only around each conjunction, not from every capital letter of the text. */
function* lists(text: string): Generator<RegExpExecArray> {
  let reach = 0;
  for (const conj of text.matchAll(/ (?:and|et|&) \p{Lu}/gu)) {
    const at = conj.index ?? 0;
    if (at < reach) continue;
    const from = Math.max(reach, at - 360);
    const window = text.slice(from, at + 40);
    LIST.lastIndex = 0;
    for (let m = LIST.exec(window); m !== null; m = LIST.exec(window)) {
      if (m.index + m[0].length <= at - from) continue;
      m.index += from;
      reach = m.index + m[0].length;
      yield m;
      break;
    }
  }
}

/** A list alone on its line, as a firm's name in a signature block ("Owens, Duran and Oneal"). */
export function isWholeLine(text: string, start: number, end: number): boolean {
  // Bounded look-around on both sides, so a long text without line breaks stays linear.
  const lineStart = lineAround(text, start, 16).start;
  const lineEnd = lineAround(text, end, 16).end;
  if (lineStart < 0 || lineEnd < 0) return false;
  return /^[\s>]*$/u.test(text.slice(lineStart, start)) && /^[\s.]*$/u.test(text.slice(end, lineEnd));
}

export function* nameLists(text: string): Generator<RegExpExecArray> {
  yield* lists(text);
}

function listNames(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of lists(text)) {
    const items = [...m[0].matchAll(/\p{Lu}[\p{L}\p{M}'’-]{1,30}/gu)];
    const known = items.filter((x) => {
      const w = x[0].toLowerCase();
      return FIRST.has(w) || LAST.has(w);
    }).length;
    const blocked = items.some((x) => {
      const w = x[0].toLowerCase();
      const name = FIRST.has(w) || LAST.has(w);
      return NOT_NAMES.has(w) || ORG_SUFFIXES.has(w) || (!name && (isCommonWord(w) || places().has(w)));
    });
    if (blocked || known * 2 < items.length || isWholeLine(text, m.index, m.index + m[0].length)) continue;
    // "The Clark, Romero and Hall Orchestra": a firm named after its partners.
    if (/^ \p{Lu}[\p{L}]{1,30}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 32)))
      continue;
    for (const x of items) {
      const start = m.index + (x.index ?? 0);
      out.push({ start, end: start + x[0].length, confidence: 0.6 });
    }
  }
  for (const m of speakerLabels(text)) {
    const name = m[1] ?? '';
    const lower = name.toLowerCase();
    const known = FIRST.has(lower) || LAST.has(lower);
    if (NOT_NAMES.has(lower) || (!known && (isCommonWord(lower) || places().has(lower)))) continue;
    const start = m.index + m[0].indexOf(name);
    out.push({ start, end: start + name.length, confidence: 0.55 });
  }
  return out;
}

const INTRO_LOWER =
  /(?:my name is|my name's|call me|i'm|i am|je m['’]appelle|je suis|moi c['’]est|name is|nom est)\s{1,3}$/iu;

/**
 * Names typed in lower case ("eva kleist", "my name is vitoria"): a known first name and a known
 * surname together, or a known first name right after an introduction.
 */
function lowerCaseNames(text: string, tokens: Token[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap || t.text.length < 3) continue;
    const w = t.lower;
    if (!FIRST.has(w) || NOT_NAMES.has(w) || isCommonWord(w)) continue;
    const intro = INTRO_LOWER.test(text.slice(Math.max(0, t.start - 16), t.start));
    const next = tokens[i + 1];
    const nextW = next?.lower ?? '';
    const gap = next ? text.slice(t.end, next.start) : '';
    const surname =
      next &&
      !next.cap &&
      gap === ' ' &&
      nextW.length >= 3 &&
      LAST.has(nextW) &&
      !isCommonWord(nextW) &&
      !NOT_NAMES.has(nextW);
    if (surname) {
      out.push({ start: t.start, end: next.end, confidence: intro ? 0.8 : 0.5 });
      i++;
    } else if (intro) {
      out.push({ start: t.start, end: t.end, confidence: 0.7 });
    }
  }
  return out;
}

/** Person-name spans with their confidence, dropped below `min`. */
export function findNames(text: string, tokens: Token[], starts: Set<number>, min = 0.5): NameSpan[] {
  const inAddress = overlapIndex(addressesOf(text));
  const found: NameSpan[] = [];
  for (const [from, to] of runs(text, tokens)) {
    const span = bestSpan(text, tokens, from, to, starts);
    if (!span || span.confidence < min) continue;
    if (inAddress(span.start, span.end) && !titleBefore(text, tokens, from)) continue;
    found.push(span);
  }
  const inRuns = overlapIndex(found);
  const lists = listNames(text).filter(
    (span) => !inRuns(span.start, span.end) && !inAddress(span.start, span.end),
  );
  found.push(...lists);
  const inFound = overlapIndex(found);
  found.push(...lowerCaseNames(text, tokens).filter((span) => !inFound(span.start, span.end)));
  return found.sort((a, b) => a.start - b.start);
}

/** Person and organisation detectors both need the names of the same text: keep the last result. */
let cache: { text: string; names: NameSpan[] } | undefined;
export function namesOf(text: string, tokens: Token[], starts: Set<number>): NameSpan[] {
  if (cache?.text !== text) cache = { text, names: findNames(text, tokens, starts) };
  return cache.names;
}

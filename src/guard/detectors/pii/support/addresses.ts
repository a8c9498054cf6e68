/**
 * Street addresses: a street line found by its form (EN "221B Baker Street", FR "12 rue de la Paix",
 * European "Hauptstraße 5", US military "PSC 1234, Box 5678"), then extended over the unit
 * ("Apt. 4", "Bât. B"), and the short lines or comma parts that follow it (city, region, postcode,
 * country). Every regex here is bounded; the lexicons decide, the regexes only propose.
 */
import {
  COUNTRIES,
  NOT_NAMES,
  STREET_SUFFIXES_OTHER,
  STREET_TYPES_EN,
  STREET_TYPES_FR,
  STREET_WORDS_OTHER,
  UNIT_WORDS,
} from './lexicons.js';
import { matches } from './text.js';
import { tokensOf } from './tokens.js';

export interface AddressPart {
  start: number;
  end: number;
  kind: 'street' | 'unit' | 'locality';
}

export interface AddressSpan {
  start: number;
  end: number;
  confidence: number;
  parts: AddressPart[];
}

const W = "[\\p{L}\\p{M}'’.-]{1,30}";
// House number (221B, 12 bis, 3657 12) then up to six words: the street type decides later.
const NUMBER_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}.,/-])\\d{1,6}[A-Za-z]?(?:[ -]\\d{1,5}[A-Za-z]?)?(?: (?:bis|ter|quater))?,? (?:${W} ){0,6}${W}`,
  'gu',
);
// Capitalised words then a number: Via Roma 12, Laukaantie 80, ul. Polna 3, Hauptstraße 5.
const WORDS_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:\\p{Lu}${W}|ul\\.|al\\.) (?:${W} ){0,4}\\d{1,5}[a-zA-Z]?\\b`,
  'gu',
);
/** The same pattern, anchored where a candidate word starts. */
const WORDS_FIRST_AT = new RegExp(WORDS_FIRST.source, 'uy');
const MILITARY =
  /\b(?:(?:PSC|Unit|CMR) \d{3,5},? Box \d{3,5}|(?:USNS|USNV|USS|USCGC) \p{Lu}[\p{L}\p{M}-]{1,30})\s{1,3}(?:APO|FPO|DPO) A[AEP] \d{5}\b/giu;
const PO_BOX = /\b(?:P\.? ?O\.? ?Box|Post Office Box|Postbox|BP|Boîte postale|Case postale|CP) \d{1,6}\b/gu;
/** Words right before a street that say an address follows, so a street known only by its shape counts. */
const ADDRESS_CUE =
  /(?:address(?: is)?|adresse(?: est)?|lives? (?:at|on)|living at|located at|situated at|is at|is on|enter on|stop at|drops? (?:you|me) off at|office is at|habite(?: au)?|domicilié(?:e)? au|send (?:it |this |them )?to|sent to|deliver(?: it)? to|envoyer à|livrer à|meet me at|rendez-vous au|changer? (?:my address )?to|update(?: my address)? (?:to|with))\s{0,3}:?\s{0,3}$/i;

const UNIT = new RegExp(
  `^[ ,]{0,3}(?:\\n[ \\t>?]{0,6})?(?:${UNIT_WORDS.map((u) => u.replace(/[.]/g, '\\.')).join('|')})\\.?[ ]?[#n°]{0,2}[ ]?[A-Za-z0-9-]{1,8}`,
  'iu',
);
const DIRECTION = /^ (?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b/u;
const POSTCODE =
  '(?:\\d{4,5}(?:-\\d{4})?|\\d{2}-\\d{3}|\\d{3} \\d{2}|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d)';
// A dot only ends a short abbreviation (St., Mt.), so "Zealand. Please" stops at the dot.
const PLACE_WORD =
  "(?:\\p{Lu}[\\p{L}\\p{M}'’-]{0,30}|\\p{Lu}\\p{L}{0,2}\\.|nan|de|du|des|la|le|sur|en|am|an|del|di|nad|na)";
// One locality part: postcode and/or up to five place words, or a two-letter state code.
const LOCALITY = new RegExp(
  `^(?:[ \\t]{0,4}(?:,|\\r?\\n[ \\t>?]{0,6}(?:\\r?\\n[ \\t>?]{0,6})?|[ ](?=\\d)))[ \\t]{0,4}((?:${POSTCODE} )?${PLACE_WORD}(?:[ -]${PLACE_WORD}){0,4}(?: \\([\\p{L} ]{1,20}\\))?(?: ${POSTCODE})?|${POSTCODE}|[A-Z]{2}(?: ${POSTCODE})?)(?![\\p{L}\\p{N}]|\\.?\\s{0,2}:)`,
  'u',
);

function words(s: string): string[] {
  return s.split(/[ ,]+/u).filter(Boolean);
}

/** Length of the street part of a number-first candidate, or 0 when no street type is there. */
function numberFirstStreet(candidate: string): number {
  const ws = candidate.split(' ');
  // Skip the number (and a second number or "bis").
  let i = 1;
  while (i < ws.length && /^(?:\d{1,5}[A-Za-z]?|bis|ter|quater),?$/u.test(ws[i] ?? '')) i++;
  const first = (ws[i] ?? '').toLowerCase().replace(/[,.]$/u, '');
  if (STREET_TYPES_FR.has(first) || STREET_WORDS_OTHER.has(first)) {
    // French order: type first, then the name up to a word in lower case that is not a particle.
    let j = i + 1;
    while (
      j < ws.length &&
      j - i <= 6 &&
      /^(?:\p{Lu}|\d|d['’]|l['’]|de$|du$|des$|la$|le$|les$|sur$|en$)/u.test(ws[j]!)
    )
      j++;
    if (j === i + 1) return 0;
    return ws.slice(0, j).join(' ').length;
  }
  // English order: capitalised name words, then a street type.
  for (let j = i; j < ws.length; j++) {
    const w = ws[j]!;
    const lw = w.toLowerCase().replace(/[,.]$/u, '');
    if (j > i && STREET_TYPES_EN.has(lw) && /^\p{Lu}/u.test(w))
      return ws
        .slice(0, j + 1)
        .join(' ')
        .replace(/,$/u, '').length;
    if (!/^(?:\p{Lu}|\d)/u.test(w)) return 0;
  }
  return 0;
}

const UNIT_SET = new Set(UNIT_WORDS.map((u) => u.replace(/\.$/u, '')));

/** "Apt.", "Suite", "Bât.": the unit part of an address, never a street name. */
function isUnitWord(word: string): boolean {
  return UNIT_SET.has(word.toLowerCase().replace(/[.,]$/u, ''));
}

/**
 * A number then one to four capitalised words and maybe a second number ("9816 214 Pavlou
 * Drandaki", "50541 Mlýnská 1540"): a street by its shape only, kept when something confirms it.
 */
function numberFirstShape(candidate: string): number {
  const ws = candidate.split(' ');
  let j = 1;
  while (j < ws.length && j <= 5 && /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\d{1,5}[A-Za-z]?,?)$/u.test(ws[j]!)) {
    if (/^\d/.test(ws[j]!) && j > 1) {
      j++;
      break;
    }
    j++;
  }
  const words = ws.slice(1, j).filter((w) => /^\p{Lu}/u.test(w));
  if (words.length === 0 || words.length > 4 || words.some(isUnitWord)) return 0;
  return ws.slice(0, j).join(' ').replace(/,$/u, '').length;
}

/** 'strong' when a street word says so, 'weak' when only the shape (Words 12) does. */
function wordsFirstStreet(candidate: string): 'strong' | 'weak' | undefined {
  const ws = words(candidate);
  if (ws.length > 4 || isUnitWord(ws[0] ?? '')) return undefined;
  const first = (ws[0] ?? '').toLowerCase().replace(/\.$/u, '');
  if (STREET_WORDS_OTHER.has(first) || STREET_TYPES_FR.has(first)) return 'strong';
  const lastWord = (ws[ws.length - 2] ?? '').toLowerCase();
  if (STREET_WORDS_OTHER.has(lastWord.replace(/\.$/u, ''))) return 'strong';
  if (
    STREET_SUFFIXES_OTHER.some(
      (s) => lastWord === s || (lastWord.length > s.length + 2 && lastWord.endsWith(s)),
    )
  )
    return 'strong';
  return ws.slice(0, -1).every((w) => /^\p{Lu}/u.test(w)) ? 'weak' : undefined;
}

const STREET_TYPE_AFTER = /^ (?:St|Street|Rd|Road|Ave|Avenue|Str)\b\.?(?! ?\p{Lu})/u;

/** A street known only by its shape counts when a unit, a postcode, a country or "St." follows it. */
function confirmed(text: string, a: AddressSpan): boolean {
  if (STREET_TYPE_AFTER.test(text.slice(a.end, a.end + 10))) return true;
  return a.parts.some((p) => {
    if (p.kind === 'unit') return true;
    if (p.kind !== 'locality') return false;
    const body = text.slice(p.start, p.end);
    return /\d{3}/.test(body) || COUNTRIES.has(body.replace(/ \(.*$/u, '').toLowerCase());
  });
}

function extend(text: string, street: AddressPart): AddressSpan {
  const parts: AddressPart[] = [street];
  let end = street.end;
  // A house number written before a words-first street: "3657 Laukaantie 80".
  const lead = /(?:^|[\s>,])(\d{1,6} )$/u.exec(text.slice(Math.max(0, street.start - 8), street.start));
  const start = lead ? street.start - (lead[1]?.length ?? 0) : street.start;
  const dir = DIRECTION.exec(text.slice(end, end + 8));
  if (dir) end += dir[0].length;
  for (let guard = 0; guard < 8 && end - start < 240; guard++) {
    const rest = text.slice(end, end + 80);
    const unit = UNIT.exec(rest);
    if (unit) {
      parts.push({
        start: end + unit[0].length - unit[0].trimStart().length,
        end: end + unit[0].length,
        kind: 'unit',
      });
      end += unit[0].length;
      continue;
    }
    const loc = LOCALITY.exec(rest);
    if (!loc?.[1]) break;
    const body = loc[1];
    // A label line ("Tél", "Fax", "Email") after the address is not a locality.
    if (NOT_NAMES.has(body.toLowerCase())) break;
    // A sentence goes on in lower case: "Paris and ...". Place words end the address there.
    const locStart = end + loc[0].length - body.length;
    parts.push({ start: locStart, end: locStart + body.length, kind: 'locality' });
    end = locStart + body.length;
  }
  const hasLocality = parts.some((p) => p.kind !== 'street');
  return { start, end, confidence: hasLocality ? 0.9 : 0.75, parts };
}

/**
 * A words-first street always ends with a number: look for the words only in the few characters
 * before each number, instead of trying the regex at every capital letter of the text.
 */
function* wordsFirstCandidates(text: string): Generator<{ start: number; text: string }> {
  const { tokens } = tokensOf(text);
  const tokenEndingAt = new Map<number, number>();
  for (const [i, t] of tokens.entries()) tokenEndingAt.set(t.end, i);
  let reach = 0;
  for (const num of text.matchAll(/ \d{1,5}[a-zA-Z]?\b/gu)) {
    const at = num.index ?? 0;
    const end = at + num[0].length;
    // The word right before the number, maybe followed by a dot ("Király u. 15").
    const i = tokenEndingAt.get(at) ?? tokenEndingAt.get(at - 1);
    if (at < reach || i === undefined) continue;
    // Up to five words before the number, each separated by one space: try the longest first.
    let first = i;
    while (
      first > 0 &&
      i - first < 4 &&
      /^\.? $/u.test(text.slice(tokens[first - 1]!.end, tokens[first]!.start))
    )
      first--;
    for (let k = first; k <= i; k++) {
      const start = tokens[k]!.start;
      if (start < reach) continue;
      WORDS_FIRST_AT.lastIndex = start;
      const m = WORDS_FIRST_AT.exec(text);
      if (!m || start + m[0].length !== end) continue;
      if (!wordsFirstStreet(m[0])) continue;
      reach = end;
      yield { start, text: m[0] };
      break;
    }
  }
}

export function findAddresses(text: string): AddressSpan[] {
  const streets: AddressPart[] = [];
  const weak = new Set<AddressPart>();
  for (const m of matches(NUMBER_FIRST, text)) {
    const len = numberFirstStreet(m[0]);
    const shape = len > 0 ? 0 : numberFirstShape(m[0]);
    if (len > 0 || shape > 0) {
      const part: AddressPart = { start: m.index, end: m.index + (len || shape), kind: 'street' };
      streets.push(part);
      if (shape > 0) weak.add(part);
      NUMBER_FIRST.lastIndex = m.index + (len || shape);
    } else {
      // Try again from the next word: the number may belong to the sentence, not the street.
      NUMBER_FIRST.lastIndex = m.index + (m[0].search(/[ ,]/u) + 1 || m[0].length);
    }
  }
  for (const m of wordsFirstCandidates(text)) {
    const kind = wordsFirstStreet(m.text);
    const part: AddressPart = { start: m.start, end: m.start + m.text.length, kind: 'street' };
    if (kind) streets.push(part);
    if (kind === 'weak') weak.add(part);
  }
  // Cheap pre-checks: most texts hold neither a military address nor a post-office box.
  const military = /[ADF]PO A[AEP] \d/i.test(text);
  const poBox = /box|bp |postale|postbox/i.test(text);
  for (const re of [military ? MILITARY : undefined, poBox ? PO_BOX : undefined]) {
    if (!re) continue;
    for (const m of matches(re, text))
      streets.push({ start: m.index, end: m.index + m[0].length, kind: 'street' });
  }
  streets.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping candidates are one street ("333 Golfskálinn" and "Golfskálinn 78"): merge them; the
  // merged street needs confirmation only if every piece did.
  const merged: Array<{ part: AddressPart; weak: boolean }> = [];
  for (const s of streets) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.part.end) {
      last.part = { ...last.part, end: Math.max(last.part.end, s.end) };
      last.weak = last.weak && weak.has(s);
      continue;
    }
    merged.push({ part: s, weak: weak.has(s) });
  }
  const out: AddressSpan[] = [];
  for (const { part, weak: isWeak } of merged) {
    const previous = out[out.length - 1];
    if (previous && part.start < previous.end) continue;
    const a = extend(text, part);
    const cued = ADDRESS_CUE.test(text.slice(Math.max(0, a.start - 32), a.start));
    if (isWeak && !cued && !confirmed(text, a)) continue;
    out.push(a);
  }
  return out;
}

/** The last result, since the address and location detectors both need it for the same text. */
let cache: { text: string; found: AddressSpan[] } | undefined;
export function addressesOf(text: string): AddressSpan[] {
  if (cache?.text !== text) cache = { text, found: findAddresses(text) };
  return cache.found;
}
